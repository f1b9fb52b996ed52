import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packedSdk, type PackedSdk } from './support/packedSdk';
import { run } from './support/run';

/** The packaging linters the ecosystem uses, on the built and packed Qovery SDK. */
describe('the packed SDK passes the packaging linters', () => {
  let packed: PackedSdk;

  beforeAll(async () => {
    packed = await packedSdk();
  }, 180_000);

  it('publint (strict: warnings count) finds nothing', async () => {
    const result = await run('publint', ['run', packed.folder, '--strict'], packed.folder);
    expect(`${result.stdout}${result.stderr}`).toContain('All good!');
    expect(result.code).toBe(0);
  });

  it('are-the-types-wrong finds no problem for node10, node16 (CommonJS and ESM) and bundler resolution', async () => {
    const result = await run('attw', ['--format', 'json', packed.tarball], packed.folder);
    const report = JSON.parse(result.stdout) as {
      problems: Record<string, unknown> | unknown[];
      analysis: { entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> };
    };
    expect(Object.values(report.problems)).toEqual([]);
    expect(result.code).toBe(0);
    const resolutions = report.analysis.entrypoints['.']!.resolutions;
    expect(Object.fromEntries(Object.entries(resolutions).map(([kind, r]) => [kind, r.resolution?.fileName]))).toEqual({
      node10: '/node_modules/qovery-api/dist/cjs/index.d.ts',
      'node16-cjs': '/node_modules/qovery-api/dist/cjs/index.d.ts',
      'node16-esm': '/node_modules/qovery-api/dist/esm/index.d.ts',
      bundler: '/node_modules/qovery-api/dist/esm/index.d.ts',
    });
  });

  it('ships both builds with their declarations, the nested CommonJS marker and the TypeScript sources', async () => {
    const result = await run('tar', ['-tzf', packed.tarball], packed.folder);
    const files = result.stdout.split('\n').filter(Boolean);
    for (const path of [
      'package/package.json',
      'package/README.md',
      'package/dist/esm/index.js',
      'package/dist/esm/index.d.ts',
      'package/dist/cjs/index.js',
      'package/dist/cjs/index.d.ts',
      'package/dist/cjs/package.json',
      'package/index.ts',
      'package/runtime/client.ts',
    ]) {
      expect(files).toContain(path);
    }
    // Build configs and the generator's manifest stay out of the package.
    expect(files.filter((path) => /tsconfig|\.sdkgen-manifest/.test(path))).toEqual([]);
    const marker = JSON.parse(await readFile(join(packed.folder, 'dist', 'cjs', 'package.json'), 'utf8')) as unknown;
    expect(marker).toEqual({ type: 'commonjs' });
  });
});

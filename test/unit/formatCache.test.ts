import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFiles, prettierOptions } from '../../generator/format/formatFiles';

describe('format cache', () => {
  let folder: string;
  const saved = process.env.SDKGEN_CACHE_DIR;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sdkgen-format-cache-'));
    process.env.SDKGEN_CACHE_DIR = folder;
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SDKGEN_CACHE_DIR;
    else process.env.SDKGEN_CACHE_DIR = saved;
  });

  const file = { path: 'a.ts', content: 'export const a = {b:"c"}', origin: 'generated' as const };

  it('formats once, then serves the same text from the cache', async () => {
    const [first] = await formatFiles([file], { cwd: folder });
    expect(first!.content).toBe("export const a = { b: 'c' };\n");
    const entries = readdirSync(folder);
    expect(entries).toHaveLength(1);

    // Prove the second run reads the cache: doctor the entry and see it come back.
    writeFileSync(join(folder, entries[0]!), '// from the cache\n');
    const [second] = await formatFiles([file], { cwd: folder });
    expect(second!.content).toBe('// from the cache\n');
  });

  it('keys entries by the prettier options', async () => {
    await formatFiles([file], { cwd: folder });
    const [doubleQuoted] = await formatFiles([file], {
      cwd: folder,
      prettier: { ...prettierOptions, singleQuote: false },
    });
    expect(doubleQuoted!.content).toBe('export const a = { b: "c" };\n');
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('is off when SDKGEN_CACHE_DIR is empty', async () => {
    process.env.SDKGEN_CACHE_DIR = '';
    const [formatted] = await formatFiles([file], { cwd: folder });
    expect(formatted!.content).toBe("export const a = { b: 'c' };\n");
    expect(readdirSync(folder)).toHaveLength(0);
  });
});

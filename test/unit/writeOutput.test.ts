import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmittedFile } from '../../generator/emit/emittedFile';
import { compareOutput } from '../../generator/write/compareOutput';
import { OutputError, writeOutput } from '../../generator/write/writeOutput';
import { writeTempFiles } from '../support/buildFromText';

const file = (path: string, content: string): EmittedFile => ({ path, content, origin: 'generated' });

function manifestFiles(folder: string): string[] {
  return (JSON.parse(readFileSync(join(folder, '.sdkgen-manifest.json'), 'utf8')) as { files: string[] }).files;
}

describe('writeOutput', () => {
  it('writes new folders, keeps unchanged files as they are, deletes only what it wrote before', async () => {
    const { folder, cleanup } = writeTempFiles({});
    const out = join(folder, 'sdk');
    try {
      const first = await writeOutput(out, [
        file('index.ts', 'a\n'),
        file('models/A.ts', 'A\n'),
        file('old.ts', 'x\n'),
      ]);
      expect(first.written).toEqual(['index.ts', 'models/A.ts', 'old.ts', '.sdkgen-manifest.json']);
      expect(manifestFiles(out)).toEqual(['index.ts', 'models/A.ts', 'old.ts']);
      writeFileSync(join(out, 'models', 'Mine.ts'), 'mine');
      const past = new Date('2020-01-01T00:00:00Z');
      utimesSync(join(out, 'index.ts'), past, past);

      const second = await writeOutput(out, [
        file('index.ts', 'a\n'),
        file('models/A.ts', 'A2\n'),
        file('operations/op.ts', 'op\n'),
      ]);
      expect(second).toEqual({
        written: ['models/A.ts', 'operations/op.ts', '.sdkgen-manifest.json'],
        unchanged: ['index.ts'],
        deleted: ['old.ts'],
      });
      expect(statSync(join(out, 'index.ts')).mtime).toEqual(past);
      expect(readFileSync(join(out, 'models', 'A.ts'), 'utf8')).toBe('A2\n');
      expect(readFileSync(join(out, 'operations', 'op.ts'), 'utf8')).toBe('op\n');
      expect(existsSync(join(out, 'old.ts'))).toBe(false);
      expect(readFileSync(join(out, 'models', 'Mine.ts'), 'utf8')).toBe('mine');
      expect(manifestFiles(out)).toEqual(['index.ts', 'models/A.ts', 'operations/op.ts']);
      expect(existsSync(join(out, '.sdkgen.lock'))).toBe(false);

      const third = await writeOutput(out, [
        file('index.ts', 'a\n'),
        file('models/A.ts', 'A2\n'),
        file('operations/op.ts', 'op\n'),
      ]);
      expect(third).toEqual({ written: [], unchanged: ['index.ts', 'models/A.ts', 'operations/op.ts'], deleted: [] });
    } finally {
      cleanup();
    }
  });

  it('refuses to overwrite a file it did not write, and writes nothing then', async () => {
    const { folder, cleanup } = writeTempFiles({});
    const out = join(folder, 'sdk');
    try {
      await writeOutput(out, [file('index.ts', 'a\n')]);
      writeFileSync(join(out, 'client.ts'), 'mine');
      const attempt = writeOutput(out, [file('index.ts', 'b\n'), file('client.ts', 'generated\n')]);
      await expect(attempt).rejects.toBeInstanceOf(OutputError);
      await expect(attempt).rejects.toMatchObject({ diagnostic: { code: 'SDK4002' } });
      expect(readFileSync(join(out, 'client.ts'), 'utf8')).toBe('mine');
      expect(readFileSync(join(out, 'index.ts'), 'utf8')).toBe('a\n');
      expect(manifestFiles(out)).toEqual(['index.ts']);
    } finally {
      cleanup();
    }
  });

  it('removes the temporary files a killed run left beside the files it owned, and no other file', async () => {
    const { folder, cleanup } = writeTempFiles({});
    const out = join(folder, 'sdk');
    try {
      await writeOutput(out, [file('index.ts', 'a\n'), file('models/A.ts', 'A\n')]);
      writeFileSync(join(out, 'models', '.A.ts.0123456789ab.tmp'), 'half');
      writeFileSync(join(out, '.index.ts.ba9876543210.tmp'), 'half');
      writeFileSync(join(out, 'models', '.A.ts.mine.tmp'), 'mine');
      await writeOutput(out, [file('index.ts', 'a\n'), file('models/A.ts', 'A2\n')]);
      expect(readdirSync(join(out, 'models')).sort()).toEqual(['.A.ts.mine.tmp', 'A.ts']);
      expect(readdirSync(out).sort()).toEqual(['.sdkgen-manifest.json', 'index.ts', 'models']);
    } finally {
      cleanup();
    }
  });
});

describe('compareOutput', () => {
  it('lists the files regenerating would add, change and remove', async () => {
    const { folder, cleanup } = writeTempFiles({});
    const out = join(folder, 'sdk');
    try {
      const files = [file('index.ts', 'a\n'), file('models/A.ts', 'A\n'), file('old.ts', 'x\n')];
      await writeOutput(out, files);
      expect(await compareOutput(out, files)).toEqual([]);
      const drift = await compareOutput(out, [
        file('index.ts', 'b\n'),
        file('models/A.ts', 'A\n'),
        file('new.ts', 'n\n'),
      ]);
      expect(drift.map(({ path, change }) => [path, change])).toEqual([
        ['index.ts', 'changed'],
        ['new.ts', 'added'],
        ['.sdkgen-manifest.json', 'changed'],
        ['old.ts', 'removed'],
      ]);
      expect(drift.find((entry) => entry.path === 'index.ts')?.diff).toContain('-a\n+b');
    } finally {
      cleanup();
    }
  });
});

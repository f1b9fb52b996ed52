import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isTemporaryFile } from '../../generator/write/atomicWrite';
import { writeTempFiles } from '../support/buildFromText';
import { projectRoot, runCli } from '../support/runCli';

const seed = readFileSync(join(projectRoot, 'spec', 'openapi.yaml'), 'utf8');
/** The seed spec with one more enum value and one more model: regenerating changes, adds and keeps files. */
const edited = seed
  .replace('        - AZURE_CR\n', '        - AZURE_CR\n        - QUAY_CR\n')
  .replace('    Base:\n', '    Extra:\n      type: string\n    Base:\n');
const bin = join(projectRoot, 'dist', 'cli', 'main.js');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(folder, path)).isFile())
    .map((path) => relative(folder, join(folder, path)).replace(/\\/g, '/'))
    .sort();
}

/** Starts `sdkgen generate` and kills it (SIGKILL) once `killWhen` holds, or lets it finish. */
function generateUntil(folder: string, killWhen: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'generate', '-i', 'spec.yaml', '-o', 'out'], { cwd: folder });
    const timer = setInterval(() => {
      if (killWhen()) child.kill('SIGKILL');
    }, 2);
    child.on('exit', () => {
      clearInterval(timer);
      resolve();
    });
  });
}

describe('output safety', () => {
  it('refuses the working folder and a folder holding the spec, unless --force', () => {
    const { folder, cleanup } = writeTempFiles({ 'spec/openapi.yaml': seed, 'notes.md': 'mine' });
    try {
      const cwd = runCli(['generate', '-i', 'spec/openapi.yaml', '-o', '.'], folder);
      expect(cwd.status).toBe(1);
      expect(cwd.stderr).toContain('error SDK4004');
      expect(cwd.stderr).toContain('is the working folder');
      const parent = runCli(['generate', '-i', 'spec/openapi.yaml', '-o', 'spec'], folder);
      expect(parent.status).toBe(1);
      expect(parent.stderr).toContain('holds the spec');
      expect(filesUnder(folder)).toEqual(['notes.md', 'spec/openapi.yaml']);

      // --force writes into a foreign folder; files of other names survive, and later runs own it.
      const forced = runCli(['generate', '-i', 'spec/openapi.yaml', '-o', '.', '--force'], folder);
      expect(forced.status).toBe(0);
      expect(readFileSync(join(folder, 'notes.md'), 'utf8')).toBe('mine');
      expect(readFileSync(join(folder, 'spec/openapi.yaml'), 'utf8')).toBe(seed);
      expect(existsSync(join(folder, 'client.ts'))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('refuses a non-empty foreign folder and an existing file it did not write, naming the code', () => {
    const { folder, cleanup } = writeTempFiles({ 'spec.yaml': seed, 'out/mine.txt': 'mine' });
    try {
      const run = runCli(['generate', '-i', 'spec.yaml', '-o', 'out'], folder);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('error SDK4001');
      expect(filesUnder(join(folder, 'out'))).toEqual(['mine.txt']);
    } finally {
      cleanup();
    }
  });

  it('leaves a folder the next run takes over when a run is killed halfway', async () => {
    const { folder, cleanup } = writeTempFiles({ 'spec.yaml': seed });
    const out = join(folder, 'out');
    const manifest = join(out, '.sdkgen-manifest.json');
    try {
      expect(runCli(['generate', '-i', 'spec.yaml', '-o', 'out'], folder).status).toBe(0);
      writeFileSync(join(out, 'NOTES.md'), 'mine');
      const before = new Map(filesUnder(out).map((path) => [path, readFileSync(join(out, path), 'utf8')]));
      writeFileSync(join(folder, 'spec.yaml'), edited);
      const original = readFileSync(manifest, 'utf8');
      // Killed as soon as the run starts writing: between the widened manifest and the final one.
      await generateUntil(folder, () => readFileSync(manifest, 'utf8') !== original);

      const owned = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
      for (const path of filesUnder(out)) {
        if (path === 'NOTES.md' || path === '.sdkgen-manifest.json' || path.startsWith('.sdkgen.lock')) continue;
        // A temporary file the kill caught before its rename: the next run removes it (checked below).
        if (isTemporaryFile(path.split('/').pop() ?? path)) continue;
        // Every file on disk is owned (the next run may replace it) and whole: the old text or a complete new one.
        expect(owned.files).toContain(path);
        const text = readFileSync(join(out, path), 'utf8');
        if (before.get(path) !== text) expect(text.endsWith('\n')).toBe(true);
      }
      const again = runCli(['generate', '-i', 'spec.yaml', '-o', 'out'], folder);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      expect(runCli(['check', '-i', 'spec.yaml', '-o', 'out'], folder).status).toBe(0);
      expect(readFileSync(join(out, 'NOTES.md'), 'utf8')).toBe('mine');
      expect(filesUnder(out).filter((path) => path.endsWith('.tmp'))).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('lets two runs at once write the same folder without corrupting it', async () => {
    const { folder, cleanup } = writeTempFiles({ 'spec.yaml': seed });
    try {
      await Promise.all([generateUntil(folder, () => false), generateUntil(folder, () => false)]);
      expect(runCli(['check', '-i', 'spec.yaml', '-o', 'out'], folder).status).toBe(0);
      expect(existsSync(join(folder, 'out', '.sdkgen.lock'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('warnings, --strict, validate, --json', () => {
  const withWarning = seed.replace('    Base:\n', '    Odd:\n      type: strng\n    Base:\n');

  it('reports warnings with their position; --strict makes them errors', () => {
    const { folder, cleanup } = writeTempFiles({ 'spec.yaml': withWarning });
    try {
      const lenient = runCli(['generate', '-i', 'spec.yaml', '-o', 'out', '--json'], folder);
      expect(lenient.status).toBe(0);
      expect(lenient.stderr).toMatch(/^spec\.yaml:\d+:\d+ warning SDK3103 at #\/components\/schemas\/Odd/m);
      const summary = JSON.parse(lenient.stdout) as { sdks: { name: string; operations: number }[] };
      expect(summary.sdks[0]).toMatchObject({ name: 'spec', operations: 1 });

      const strict = runCli(['generate', '-i', 'spec.yaml', '-o', 'strict', '--strict'], folder);
      expect(strict.status).toBe(1);
      expect(strict.stderr).toMatch(/error SDK3103/);
      expect(existsSync(join(folder, 'strict'))).toBe(false);

      const quiet = runCli(['generate', '-i', 'spec.yaml', '-o', 'out', '-q'], folder);
      expect(quiet.status).toBe(0);
      expect(quiet.stdout).toBe('');
    } finally {
      cleanup();
    }
  });

  it('validate reports the problems of a spec and writes nothing', () => {
    const broken = seed.replace(
      "$ref: '#/components/schemas/ContainerRegistryRequest'",
      "$ref: '#/components/schemas/Nope'",
    );
    const { folder, cleanup } = writeTempFiles({ 'warn.yaml': withWarning, 'broken.yaml': broken });
    try {
      const warn = runCli(['validate', '-i', 'warn.yaml'], folder);
      expect(warn.status).toBe(0);
      expect(warn.stdout).toContain('warn.yaml: 0 error(s), 1 warning(s).');
      expect(runCli(['validate', '-i', 'warn.yaml', '--strict'], folder).status).toBe(1);
      const bad = runCli(['validate', '-i', 'broken.yaml'], folder);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('error SDK2001');
      expect(runCli(['validate'], folder).status).toBe(2);
      expect(filesUnder(folder)).toEqual(['broken.yaml', 'warn.yaml']);
    } finally {
      cleanup();
    }
  });
});

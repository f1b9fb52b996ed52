import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../support/runCli';

/** Every `.ts` file under `folder`, recursively. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/diagnostics.md', () => {
  const catalogue = readFileSync(join(projectRoot, 'docs', 'diagnostics.md'), 'utf8');
  const listed = new Set([...catalogue.matchAll(/^\|\s*(SDK\d{4})\s*\|/gm)].map((match) => match[1]!));
  const used = new Map<string, string>();
  for (const file of sourceFiles(join(projectRoot, 'generator'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bSDK\d{4}\b/g)) used.set(match[0], file);
  }

  it('lists every diagnostic code the generator uses', () => {
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter(([code]) => !listed.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('lists no code the generator does not use, each once, with a severity', () => {
    expect([...listed].filter((code) => !used.has(code))).toEqual([]);
    const rows = [...catalogue.matchAll(/^\|\s*(SDK\d{4})\s*\|\s*(\w+)\s*\|/gm)];
    expect(rows.length).toBe(listed.size);
    for (const row of rows) expect(['error', 'warning']).toContain(row[2]);
  });
});

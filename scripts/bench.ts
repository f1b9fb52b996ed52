/**
 * `npm run bench`: runs every benchmark in scripts/bench/ one after the other
 * (never in parallel: they measure time and memory) and prints their tables.
 * Benchmarks print figures; they never pass or fail on a time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(__dirname, 'bench');
const only = process.argv.slice(2);
const benches = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.startsWith('_'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort();

let failed = false;
for (const name of benches) {
  console.log(`\n## ${name.replace(/\.ts$/, '')}\n`);
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [join(folder, name)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;

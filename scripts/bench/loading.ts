/**
 * Loading benchmark: the load stage alone (read, parse, root check) of the
 * largest YAML specs of the corpus, in one cold process per run, as a run of
 * sdkgen does it (js-yaml, with the positions of its nodes) and with the
 * `yaml` library alone (what a run falls back to where js-yaml cannot be
 * trusted). Prints, per spec, the fastest and the median of the time in the
 * stage and its CPU time (Linux only). Never passes or fails on a time.
 *
 *   npm run bench -- loading            BENCH_RUNS=5 BENCH_SPECS=qovery,clerk
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const specsFolder = join(root, '..', 'shared', 'specs');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const specNames = (process.env.BENCH_SPECS ?? 'qovery,twilio-api-v2010,clerk').split(',');

/** One cold run; prints `{ wallMs, cpuMs }` as JSON. */
const probe = `
const threadCpu = () => {
  try {
    const fields = require('node:fs').readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
  } catch { return NaN; }
};
const [dist, spec, mode] = process.argv.slice(1);
(async () => {
  const cpu = threadCpu();
  const start = performance.now();
  if (mode === 'sdkgen') {
    const { checkRootDocument, loadSpecFile } = require(dist + '/load/loadSpec.js');
    const loaded = await loadSpecFile(spec, { cwd: process.cwd() });
    if (checkRootDocument(loaded.source).length > 0) throw new Error('not a spec');
  } else {
    const { LineCounter, parseDocument } = require('yaml');
    const text = require('node:fs').readFileSync(spec, 'utf8');
    const document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false, schema: 'core', merge: false });
    if (document.errors.length > 0 || typeof document.toJS().openapi !== 'string') throw new Error('not a spec');
  }
  const wallMs = performance.now() - start;
  const cpuMs = threadCpu() - cpu;
  process.stdout.write(JSON.stringify({ wallMs, cpuMs }));
})();`;

function specPath(name: string): string {
  const manifest = require(join(specsFolder, 'manifest.json')) as { name: string; root: string }[];
  const entry = manifest.find((spec) => spec.name === name);
  if (!entry) throw new Error(`No spec named ${name} in ${join(specsFolder, 'manifest.json')}`);
  return join(specsFolder, entry.root);
}

type Sample = { wallMs: number; cpuMs: number };

const modes = [
  { mode: 'sdkgen', what: 'js-yaml with positions' },
  { mode: 'yaml', what: 'yaml library alone' },
] as const;

const rows: string[][] = [];
for (const name of specNames) {
  const spec = specPath(name);
  const samples = new Map<string, Sample[]>(modes.map(({ mode }) => [mode, []]));
  // In rounds: a change in the machine's load weighs on both modes alike.
  for (let run = 0; run < runs; run++) {
    for (const { mode } of modes) {
      const output = execFileSync(process.execPath, ['-e', probe, join(root, 'dist'), spec, mode], {
        encoding: 'utf8',
      });
      samples.get(mode)!.push(JSON.parse(output) as Sample);
    }
  }
  for (const { mode, what } of modes) {
    const all = samples.get(mode)!;
    const figure = (pick: (sample: Sample) => number): string => {
      const values = all.map(pick).sort((a, b) => a - b);
      return `${values[0]!.toFixed(0)} / ${values[Math.floor(values.length / 2)]!.toFixed(0)}`;
    };
    rows.push([name, what, figure((s) => s.wallMs), figure((s) => s.cpuMs)]);
  }
}

const header = ['spec', 'loading', 'ms (min / median)', 'CPU ms'];
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\n${runs} cold runs each; \`npm run build\` first (the probe loads dist/).`);

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a child process sees when it imports a compiled SDK: the globals and
 * prototypes before and after, and whatever `script` returns (given the SDK's
 * exports as `sdk`, and `require`). The child runs asynchronously, so the
 * test process can serve its requests meanwhile. Numbers JSON cannot carry (NaN, the infinities, -0)
 * travel tagged and come back as themselves.
 */
export interface Probe {
  readonly before: GlobalState;
  readonly after: GlobalState;
  readonly result: unknown;
}

export interface GlobalState {
  readonly globals: string[];
  readonly objectPrototype: string[];
  readonly functionPrototype: string[];
  readonly arrayPrototype: string[];
  readonly pwned: unknown;
}

const probeSource = `
const { pathToFileURL } = require('node:url');
const state = () => ({
  globals: Object.getOwnPropertyNames(globalThis).sort(),
  objectPrototype: Object.getOwnPropertyNames(Object.prototype).sort(),
  functionPrototype: Object.getOwnPropertyNames(Function.prototype).sort(),
  arrayPrototype: Object.getOwnPropertyNames(Array.prototype).sort(),
  pwned: globalThis.pwned === undefined ? null : String(globalThis.pwned),
});
const encode = (key, value) =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? { $number: String(Object.is(value, -0) ? '-0' : value) } : value;
(async () => {
  const before = state();
  const loaded = await import(pathToFileURL(process.argv[2]).href);
  const sdk = loaded.default && !loaded.createClient ? loaded.default : loaded;
  const after = state();
  const script = new Function('sdk', 'require', 'return (async () => {' + process.argv[3] + '})()');
  const result = await script(sdk, require);
  process.stdout.write(JSON.stringify({ before, after, result }, encode));
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(3); });
`;

export async function probeSdk(folder: string, script: string): Promise<Probe> {
  const probe = join(folder, 'probe.cjs');
  writeFileSync(probe, probeSource);
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [probe, join(folder, 'index.js'), script],
      { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => (error ? reject(new Error(`the probe failed: ${error.message}\n${err}`)) : resolve(out)),
    ),
  );
  return JSON.parse(stdout, (_, value) =>
    value && typeof value === 'object' && '$number' in value ? Number(value.$number) : value,
  ) as Probe;
}

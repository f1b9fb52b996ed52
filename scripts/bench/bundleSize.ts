/**
 * Bundle size benchmark: what a browser app pays for calling one operation.
 * For each generator, an entry that imports only `createContainerRegistry`
 * (or the generator's way of calling it) and calls it once, bundled with
 * esbuild (`--bundle --minify`, ESM for browsers), then gzipped. Both the
 * project's one-operation spec and the whole Qovery API (so an SDK whose
 * other operations must be dropped by the bundler). Prints sizes only.
 *
 *   npm run bench -- bundleSize
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ensurePeersInstalled, peerBin, peersFolder } from './support/peers';

const root = join(__dirname, '..', '..');
const outRoot = join(tmpdir(), 'sdkgen-bench-bundle');
const specs = {
  'spec/openapi.yaml (1 operation)': join(root, 'spec', 'openapi.yaml'),
  'Qovery API (whole)': join(root, '..', 'shared', 'specs', 'qovery', 'openapi.yaml'),
};

const call = {
  organizationId: '7c5e1fd0-5c6d-4b23-b5a4-0a1c4e1b7f55',
  body: { name: 'hub', kind: 'DOCKER_HUB', config: {} },
};
const args = JSON.stringify(call);

interface Subject {
  readonly name: string;
  /** Writes the SDK for `spec` into `out`; returns the entry's source (it lives in `out`). */
  readonly prepare: (spec: string, out: string) => string;
  readonly peer?: boolean;
}

const subjects: readonly Subject[] = [
  {
    name: 'sdkgen, standalone function',
    prepare: (spec) => {
      const sdk = sdkgenOutput(spec);
      return [
        `import { createBaseClient, createContainerRegistry } from ${JSON.stringify(sdk)};`,
        `const client = createBaseClient({ auth: { bearerAuth: 'jwt' } });`,
        `createContainerRegistry(client, ${args}).then(console.log);`,
      ].join('\n');
    },
  },
  {
    name: 'sdkgen, createClient (every method)',
    prepare: (spec) => {
      const sdk = sdkgenOutput(spec);
      return [
        `import { createClient } from ${JSON.stringify(sdk)};`,
        `createClient({ auth: { bearerAuth: 'jwt' } }).createContainerRegistry(${args}).then(console.log);`,
      ].join('\n');
    },
  },
  {
    name: 'openapi-fetch (+ openapi-typescript types)',
    peer: true,
    prepare: (spec, out) => {
      generate([peerBin('openapi-typescript'), spec, '-o', join(out, 'schema.ts')]);
      return [
        `import createClient from 'openapi-fetch';`,
        `import type { paths } from './schema';`,
        `const client = createClient<paths>({ baseUrl: 'https://api.qovery.com', headers: { Authorization: 'Bearer jwt' } });`,
        `client.POST('/organization/{organizationId}/containerRegistry', { params: { path: { organizationId: ${JSON.stringify(call.organizationId)} } }, body: ${JSON.stringify(call.body)} as never }).then(console.log);`,
      ].join('\n');
    },
  },
  {
    name: 'oazapfts',
    peer: true,
    prepare: (spec, out) => {
      generate([peerBin('oazapfts'), spec, join(out, 'api.ts')]);
      return [
        `import { createContainerRegistry } from './api';`,
        `createContainerRegistry(${JSON.stringify(call.organizationId)}, ${JSON.stringify(call.body)} as never, { headers: { Authorization: 'Bearer jwt' } }).then(console.log);`,
      ].join('\n');
    },
  },
  {
    name: '@hey-api/openapi-ts (fetch client)',
    peer: true,
    prepare: (spec, out) => {
      generate([peerBin('openapi-ts'), '-i', spec, '-o', join(out, 'client')]);
      return [
        `import { createContainerRegistry } from './client/sdk.gen';`,
        `createContainerRegistry({ path: { organizationId: ${JSON.stringify(call.organizationId)} }, body: ${JSON.stringify(call.body)} as never, headers: { Authorization: 'Bearer jwt' } }).then(console.log);`,
      ].join('\n');
    },
  },
];

/** Entries of one SDK (test/fixtures/runtime/bodies.yaml), each calling one operation with one kind of body. */
const featureSpec = join(root, 'test', 'fixtures', 'runtime', 'bodies.yaml');
const featureEntries = [
  { name: 'JSON body only (sendJson)', call: `sendJson(client, { body: { name: 'a' } })`, operation: 'sendJson' },
  {
    name: 'multipart body (upload)',
    call: `upload(client, { body: { file: new Blob(['x']), note: 'n' } })`,
    operation: 'upload',
  },
];

/** The sdkgen SDK of `spec`, generated once for all its sdkgen entries; returns its `index.ts`. */
function sdkgenOutput(spec: string): string {
  const known = Object.values(specs).indexOf(spec);
  const out = join(outRoot, `sdkgen-${known === -1 ? 'features' : known}`);
  if (!existsSync(out))
    generate([process.execPath, join(root, 'dist', 'cli', 'main.js'), 'generate', '-q', '-i', spec, '-o', out]);
  return join(out, 'index.ts');
}

function generate([command, ...rest]: string[]): void {
  const result = spawnSync(command!, rest, { cwd: outRoot, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} failed: ${(result.stderr || result.stdout).trim().split('\n')[0]}`);
}

async function bundleSize(entry: string): Promise<{ minified: number; gzipped: number; code: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    nodePaths: [join(peersFolder, 'node_modules')],
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, code: Buffer.from(code).toString() };
}

async function main(): Promise<void> {
  // The peers' entries are built in the same run, so the figures compare like with like.
  ensurePeersInstalled();
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(outRoot, { recursive: true });
  const lines = [
    ['spec', 'entry', 'minified KB', 'min+gzip KB', 'vs sdkgen (gzip)'],
    ['---', '---', '---', '---', '---'],
  ];
  for (const [specName, spec] of Object.entries(specs)) {
    if (!existsSync(spec)) {
      console.log(`(skipped ${specName}: ${spec} not found)`);
      continue;
    }
    let ours: number | undefined;
    for (const [index, subject] of subjects.entries()) {
      const out = join(outRoot, `${Object.keys(specs).indexOf(specName)}-${index}`);
      mkdirSync(out, { recursive: true });
      try {
        const entry = join(out, 'entry.ts');
        writeFileSync(entry, subject.prepare(spec, out));
        const { minified, gzipped } = await bundleSize(entry);
        ours ??= gzipped;
        lines.push([specName, subject.name, kb(minified), kb(gzipped), `${(gzipped / ours).toFixed(2)}x`]);
      } catch (error) {
        lines.push([specName, subject.name, `failed: ${(error as Error).message.split('\n')[0]}`, '', '']);
      }
    }
  }
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  console.log(
    '\nesbuild --bundle --minify (ESM, browser, es2022), then gzip -9. The sdkgen entries include retries, timeouts,',
  );
  console.log(
    'typed errors and auth; the first row is the standalone function, the way a bundler keeps one operation.',
  );
  await featureTable();
}

/** Whether the multipart serializer (the only runtime code that builds a `FormData`) is in each entry's bundle. */
async function featureTable(): Promise<void> {
  const sdk = sdkgenOutput(featureSpec);
  console.log('\n| spec | sdkgen entry (standalone function) | minified KB | min+gzip KB | multipart code bundled |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [index, feature] of featureEntries.entries()) {
    const entry = join(outRoot, `features-${index}.ts`);
    writeFileSync(
      entry,
      [
        `import { createBaseClient, ${feature.operation} } from ${JSON.stringify(sdk)};`,
        `const client = createBaseClient();`,
        `${feature.call}.then(console.log);`,
      ].join('\n'),
    );
    const { minified, gzipped, code } = await bundleSize(entry);
    const multipart = code.includes('new FormData') ? 'yes' : 'no';
    console.log(`| bodies.yaml | ${feature.name} | ${kb(minified)} | ${kb(gzipped)} | ${multipart} |`);
  }
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(2);

void main();

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { writeTempFiles } from '../support/buildFromText';
import { fixturesFolder } from '../support/fixtureSdk';
import { generateInto, type GeneratedSdk } from '../support/generateInto';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer';
import { sdkCompilerOptions } from '../support/typecheck';
import { run, runOk } from './support/run';

/** A relative specifier at the end of an import or export statement, with its extension. */
const specifier = /^(?:(?:import|export) [^\n]* from |\} from )'(\.{1,2}\/[^']*)'/gm;

function specifiers(sdk: GeneratedSdk): string[] {
  return sdk
    .files!.filter((file) => file.path.endsWith('.ts'))
    .flatMap((file) => [...file.content.matchAll(specifier)].map((match) => match[1]!));
}

/**
 * `importExtension: '.ts'`: the SDK's files name each other `./client.ts`, so runtimes that run TypeScript sources
 * as they are (Node.js's type stripping, Deno) load them; the package's own build still emits `.js` specifiers.
 */
describe("an SDK generated with importExtension: '.ts'", () => {
  const input = { specPath: join(fixturesFolder, 'runtime', 'pagination.yaml'), cwd: fixturesFolder };
  let js: GeneratedSdk;
  let tsSdk: GeneratedSdk;
  let server: RecordingServer;

  beforeAll(async () => {
    [js, tsSdk, server] = await Promise.all([
      generateInto(input),
      generateInto({ ...input, options: { importExtension: '.ts' } }),
      startRecordingServer(),
    ]);
  });
  afterAll(async () => {
    js?.cleanup();
    tsSdk?.cleanup();
    await server?.stop();
  });

  it('names every relative module with .ts, and changes nothing else', () => {
    const before = specifiers(js);
    expect(before.length).toBeGreaterThan(40);
    expect(before.every((path) => path.endsWith('.js'))).toBe(true);
    expect(specifiers(tsSdk)).toEqual(before.map((path) => path.replace(/\.js$/, '.ts')));
    // Runtime files included: one of them imports another over several lines (`} from './client.ts';`).
    expect(specifiers(tsSdk)).toContain('./security.ts');
    const unchanged = (sdk: GeneratedSdk) =>
      sdk.files!.map((file) => ({ path: file.path, content: file.content.replace(specifier, '') }));
    const differing = unchanged(tsSdk).filter((file, index) => {
      const other = unchanged(js)[index]!;
      return file.path !== other.path || file.content !== other.content;
    });
    expect(differing.map((file) => file.path)).toEqual(['README.md', 'tsconfig.esm.json', 'tsconfig.json']);
    // The SDK's README tells its users why, and what a project that compiles the sources sets.
    const readme = (sdk: GeneratedSdk) => sdk.files!.find((file) => file.path === 'README.md')!.content;
    expect(readme(tsSdk)).toContain("so Deno and Node.js's type stripping run them as they are");
    expect(readme(tsSdk)).toContain('`allowImportingTsExtensions`');
    expect(readme(js)).not.toContain('allowImportingTsExtensions');
  });

  it('leaves a spec’s text alone, even text written like an import of a .js file', async () => {
    const evil = "import { steal } from './evil.js';";
    const closing = "} from './evil.js';";
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Evil', version: '1.0.0', description: `${evil}\n${closing}\nexport * from './evil.js';` },
      servers: [{ url: `http://127.0.0.1/${closing}` }],
      paths: {
        '/things': {
          get: {
            operationId: 'listThings',
            description: `${evil}\n${closing}`,
            parameters: [{ name: closing, in: 'query', schema: { type: 'string', enum: [evil, closing] } }],
            responses: {
              '200': {
                description: closing,
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            description: `${closing}\n${evil}`,
            properties: { [evil]: { type: 'string', default: closing }, [closing]: { type: 'string', example: evil } },
          },
        },
      },
    };
    const { folder, cleanup } = writeTempFiles({ 'openapi.json': JSON.stringify(spec) });
    const sides = await Promise.all(
      [{}, { importExtension: '.ts' as const }].map((options) =>
        generateInto({ specPath: join(folder, 'openapi.json'), cwd: folder, options }),
      ),
    );
    try {
      const [jsSide, tsSide] = sides as [GeneratedSdk, GeneratedSdk];
      const text = (sdk: GeneratedSdk) => sdk.files!.map((file) => file.content).join('\n');
      expect(text(jsSide)).toContain("./evil.js';");
      expect(text(tsSide)).not.toContain('./evil.ts');
      const withoutSpecifiers = (sdk: GeneratedSdk) =>
        sdk.files!.filter((file) => file.path.endsWith('.ts')).map((file) => file.content.replace(specifier, ''));
      expect(withoutSpecifiers(tsSide)).toEqual(withoutSpecifiers(jsSide));
    } finally {
      for (const side of sides) side.cleanup();
      cleanup();
    }
  });

  it('type-checks with allowImportingTsExtensions, as its tsconfig.json says', () => {
    const config = JSON.parse(readFileSync(join(tsSdk.folder!, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(config.compilerOptions['allowImportingTsExtensions']).toBe(true);
    const entries = [join(tsSdk.folder!, 'index.ts')];
    const errorCodes = (allowImportingTsExtensions: boolean) =>
      ts
        .getPreEmitDiagnostics(
          ts.createProgram({ rootNames: entries, options: { ...sdkCompilerOptions, allowImportingTsExtensions } }),
        )
        .map((diagnostic) => `TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    expect(errorCodes(true)).toEqual([]);
    // Without the option, TypeScript refuses the specifiers: the option is what makes them compile.
    expect(errorCodes(false)).toContainEqual(expect.stringMatching(/^TS5097 /));
  });

  it('builds with its own script into JavaScript that names .js files, which runs and whose package types resolve', async () => {
    await runOk('npm', ['run', 'build'], tsSdk.folder!);
    for (const build of ['dist/esm/client.js', 'dist/cjs/client.js', 'dist/esm/index.d.ts']) {
      expect(readFileSync(join(tsSdk.folder!, build), 'utf8')).toMatch(/\.\/runtime\/index\.(js|ts)['"]/);
    }
    expect(readFileSync(join(tsSdk.folder!, 'dist/esm/client.js'), 'utf8')).not.toMatch(/\.ts['"]/);
    expect(readFileSync(join(tsSdk.folder!, 'dist/cjs/client.js'), 'utf8')).not.toMatch(/\.ts['"]/);

    serveTwoPages();
    writeFileSync(join(tsSdk.folder!, 'main.mjs'), listEventsProgram('./dist/esm/index.js', server.url));
    const { stdout } = await runOk('node', ['main.mjs'], tsSdk.folder!);
    expect(JSON.parse(stdout)).toEqual(['a', 'b']);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer token', 'Bearer token']);

    // The declarations keep their `.ts` specifiers: a consumer's TypeScript resolves them under every resolution.
    expect(readFileSync(join(tsSdk.folder!, 'dist/esm/index.d.ts'), 'utf8')).toContain("from './client.ts';");
    await runOk('npm', ['pack', '--ignore-scripts', '--pack-destination', tsSdk.folder!], tsSdk.folder!);
    const attw = await run('attw', ['--format', 'json', join(tsSdk.folder!, 'pagination-1.0.0.tgz')], tsSdk.folder!);
    const report = JSON.parse(attw.stdout) as { problems: Record<string, unknown> | unknown[] };
    expect([attw.code, Object.values(report.problems)]).toEqual([0, []]);
  });

  it('runs as TypeScript in Deno, allowed only the API, and passes JSR checks (deno publish --dry-run)', async () => {
    for (const sdk of [tsSdk, js])
      writeFileSync(join(sdk.folder!, 'main.ts'), listEventsProgram('./index.ts', server.url));
    serveTwoPages();
    const { stdout } = await runOk('deno', denoRun(server.url), tsSdk.folder!, denoEnv(tsSdk));
    expect(JSON.parse(stdout)).toEqual(['a', 'b']);
    // The default SDK names `./client.js`, a file Deno does not find next to `client.ts`.
    const refused = await run('deno', denoRun(server.url), js.folder!, denoEnv(js));
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/Module not found .*client\.js/)]);

    // JSR type-checks the sources and refuses "slow types" (exports whose type takes inference to know); the
    // default SDK's `.js` specifiers name no file it publishes.
    const jsr = {
      name: '@test/pagination',
      version: '1.0.0',
      license: 'MIT',
      exports: './index.ts',
      exclude: ['dist', '.deno', 'main.*'],
    };
    for (const sdk of [tsSdk, js]) writeFileSync(join(sdk.folder!, 'jsr.json'), JSON.stringify(jsr));
    const publish = ['publish', '--dry-run', '--allow-dirty'];
    const published = await runOk('deno', publish, tsSdk.folder!, denoEnv(tsSdk));
    expect(published.stderr).toMatch(/Checking for slow types in the public API/);
    expect(published.stderr).toMatch(/Dry run complete/);
    const unpublished = await run('deno', publish, js.folder!, denoEnv(js));
    expect([unpublished.code, unpublished.stderr]).toEqual([1, expect.stringMatching(/Cannot find module .*\.js/)]);
  });

  /** The two pages of `listEvents`: the first links to the second. */
  function serveTwoPages(): void {
    server.requests.length = 0;
    server.reply(
      { body: JSON.stringify({ links: { next: `${server.url}/events?p=2` }, events: [{ id: 'a' }] }), headers: json },
      { body: JSON.stringify({ events: [{ id: 'b' }] }), headers: json },
    );
  }
});

/** A program that iterates `listEvents` across its pages and prints the ids it read. */
function listEventsProgram(sdkPath: string, apiUrl: string): string {
  return [
    `import { createClient } from '${sdkPath}';`,
    `const client = createClient({ baseUrl: ${JSON.stringify(apiUrl)}, auth: { bearer: 'token' } });`,
    'const ids = [];',
    'for await (const event of client.listEvents()) ids.push(event.id);',
    'console.log(JSON.stringify(ids));',
  ].join('\n');
}

/** `deno run` of `main.ts`, reaching the API's host and nothing else, fetching nothing. */
function denoRun(apiUrl: string): string[] {
  return ['run', '--no-prompt', '--no-remote', '--cached-only', `--allow-net=${new URL(apiUrl).host}`, 'main.ts'];
}

/** Deno's cache inside the SDK's temporary folder. */
function denoEnv(sdk: GeneratedSdk): NodeJS.ProcessEnv {
  return { DENO_DIR: join(sdk.folder!, '.deno'), DENO_NO_UPDATE_CHECK: '1' };
}

const json = { 'content-type': 'application/json' };

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { EmittedFile } from '../../generator/emit/emittedFile';
import { generateSdk } from '../../generator/pipeline';
import { writeTempFiles } from '../support/buildFromText';
import { compileSdks, literalTypeValues, writeSdk, type CompiledSdks } from '../support/compileSdk';
import { probeSdk, type Probe } from '../support/probeSdk';
import { projectRoot } from '../support/runCli';

const specPath = join(__dirname, 'fixtures', 'escaping', 'openapi.yaml');
const spec = parse(readFileSync(specPath, 'utf8')) as {
  servers: { url: string }[];
  paths: Record<string, { post: { parameters: { name: string; in: string }[]; requestBody: RequestBodySpec } }>;
  components: { schemas: { Values: { enum: unknown[] }; Pinned: { const: string } } };
};
type RequestBodySpec = { content: Record<string, unknown> };
const [pathKey, pathItem] = Object.entries(spec.paths)[0]!;
const parameter = (location: string): string => pathItem.post.parameters.find((p) => p.in === location)!.name;
const mediaType = Object.keys(pathItem.post.requestBody.content)[0]!;
/** The path's `{name}`s that no parameter declares (hostile ones among them): the SDK takes each as an argument. */
const impliedValues = Object.fromEntries(
  [...pathKey.matchAll(/\{([^}]+)\}/g)]
    .map((match) => match[1]!)
    .filter((name) => name !== 'id')
    .map((name, index) => [name, `v${index}`]),
);

/** Characters that make source read differently from what it does, or end a line where a reader sees none. */
const invisible = /[\0\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

describe('an SDK generated from a spec whose every string is hostile', () => {
  let folder: string;
  let cleanup: () => void;
  let files: readonly EmittedFile[];
  let compiled: CompiledSdks;
  let probe: Probe;

  beforeAll(async () => {
    ({ folder, cleanup } = writeTempFiles({}));
    const generated = await generateSdk({ specPath: relative(projectRoot, specPath), cwd: projectRoot });
    expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    files = generated.files!;
    compiled = compileSdks(writeSdk(folder, files));
    probe = await probeSdk(
      folder,
      `
      const requests = [];
      const client = sdk.createClient({
        baseUrl: 'http://127.0.0.1:9/base',
        auth: { ['__proto__']: 'token' },
        fetch: async (url, init) => {
          requests.push({ url: String(url), method: init.method, headers: [...new Headers(init.headers)], body: init.body });
          return new Response('"ok"', { status: 200, headers: { 'content-type': 'application/json' } });
        },
      });
      const args = {
        id: '../x?#',
        ...${JSON.stringify(impliedValues)},
        [${JSON.stringify(parameter('query'))}]: 'q',
        query__proto__: 'p',
        [${JSON.stringify(parameter('cookie'))}]: 'c',
        body: { '*/ required': 'r', ['__proto__']: 'own', constructor: 1 },
      };
      const method = Object.keys(client).find((name) => name !== 'request');
      await client[method](args);
      return { values: sdk.ValuesValues, defaultBaseUrl: sdk.defaultBaseUrl, requests, method, pwned: globalThis.pwned ?? null };
      `,
    );
  }, 120_000);

  afterAll(() => cleanup());

  it('compiles under tsc --strict with exactOptionalPropertyTypes and noUncheckedIndexedAccess', () => {
    expect(compiled.errors).toEqual([]);
  });

  it('runs no code from the spec when imported: no global or prototype changes, and `await import()` settles', () => {
    expect(probe.after).toEqual(probe.before);
    expect(probe.after.pwned).toBeNull();
  });

  it('keeps every enum value exactly, as a runtime value and as a literal type', () => {
    const { values } = probe.result as { values: unknown[] };
    const expected = spec.components.schemas.Values.enum;
    expect(values).toHaveLength(expected.length);
    values.forEach((value, index) => expect(Object.is(value, expected[index])).toBe(true));
    const typeValues = literalTypeValues(compiled.program, join(folder, 'models.ts'), 'Values');
    for (const value of expected) {
      if (typeof value === 'string') expect(typeValues).toContain(value);
    }
  });

  it('keeps a const exactly as its literal type', () => {
    const typeValues = literalTypeValues(compiled.program, join(folder, 'models.ts'), 'Pinned');
    expect(typeValues).toEqual([spec.components.schemas.Pinned.const]);
  });

  it('keeps the server URL exactly', () => {
    expect((probe.result as { defaultBaseUrl: string }).defaultBaseUrl).toBe(spec.servers[0]!.url);
  });

  it('sends the path, parameter names and media type exactly as the spec spells them', () => {
    const { requests } = probe.result as {
      requests: { url: string; method: string; headers: [string, string][]; body: string }[];
    };
    expect(requests).toHaveLength(1);
    expect((probe.result as { pwned: unknown }).pwned).toBeNull();
    const [request] = requests;
    const [path, search] = request!.url.split('?');
    const sentPath = Object.entries(impliedValues).reduce(
      (sent, [name, value]) => sent.replace(`{${name}}`, value),
      pathKey.replace('{id}', '..%2Fx%3F%23'),
    );
    expect(Object.keys(impliedValues)).toEqual(["globalThis.pwned='path'", 'undeclared']);
    expect(path).toBe(`http://127.0.0.1:9/base${sentPath}`);
    expect([...new URLSearchParams(search)]).toEqual([
      [parameter('query'), 'q'],
      ['__proto__', 'p'],
    ]);
    const headers = new Map(request!.headers);
    expect(headers.get('content-type')).toBe(mediaType);
    expect(headers.get('cookie')).toBe(`${parameter('cookie')}=c`);
    expect(headers.get('authorization')).toBe("Bearer'*/ token");
    expect(JSON.parse(request!.body)).toEqual({ '*/ required': 'r', ['__proto__']: 'own', constructor: 1 });
  });

  it('writes no character that reads differently from what it does', () => {
    for (const file of files.filter((f) => f.origin === 'generated')) {
      expect([file.path, invisible.exec(file.content)?.[0]]).toEqual([file.path, undefined]);
    }
  });
});

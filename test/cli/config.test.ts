import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { specText, writeTempFiles } from '../support/buildFromText';
import { runCli, runCliAsync } from '../support/runCli';
import { declaredModels, modelDeclaration } from '../support/modelsFile';

/** Three operations under two tags; `Pet` is used by `getPet` only, `Order` by `createOrder` only. */
const spec = specText({
  paths: `
/pets/{id}:
  get:
    operationId: getPet
    tags: [pets]
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } } }
  delete:
    operationId: deletePet
    tags: [pets, admin]
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    responses: { '204': { description: gone } }
/store/orders:
  post:
    operationId: createOrder
    tags: [store]
    requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
    responses: { '201': { description: ok } }
`,
  schemas: `
Pet: { type: object, properties: { name: { type: string } } }
Order: { type: object, properties: { quantity: { type: integer }, placedAt: { type: string, format: date-time } } }
Unused: { type: string }
`,
});

function project(files: Record<string, string>): { folder: string; cleanup: () => void } {
  return writeTempFiles({ 'api.yaml': spec, ...files });
}

const sdk = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'pets',
  input: 'api.yaml',
  output: 'out',
  ...extra,
});
const json = (sdks: Record<string, unknown>[]): string => JSON.stringify({ sdks }, null, 2);

function functionsIn(folder: string): string[] {
  const operations = join(folder, 'out', 'operations');
  return readdirSync(operations)
    .filter((file) => file !== 'index.ts')
    .flatMap((file) => [...readFileSync(join(operations, file), 'utf8').matchAll(/export function (\w+)\(/g)])
    .map((match) => match[1]!)
    .sort();
}

describe('the config file', () => {
  it('reports every unknown key and wrong type at once, naming the key with file:line:col', () => {
    const text = JSON.stringify({ sdks: [sdk({ includ: { tags: ['pets'] }, prettier: 3 })], extra: true }, null, 2);
    const { folder, cleanup } = project({ 'sdkgen.config.json': text });
    try {
      const run = runCli(['generate'], folder);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        'sdkgen.config.json:7:7 error SDK5003 at #/sdks/0/includ: Unknown key "sdks[0].includ"',
      );
      expect(run.stderr).toMatch(
        /sdkgen\.config\.json:12:7 error SDK5004 at #\/sdks\/0\/prettier: .*"sdks\[0\]\.prettier"/,
      );
      expect(run.stderr).toContain('error SDK5003 at #/extra: Unknown key "extra"');
      expect(existsSync(join(folder, 'out'))).toBe(false);
      // For `check` a config it cannot read is an error, not drift.
      expect(runCli(['check'], folder).status).toBe(2);
    } finally {
      cleanup();
    }
  });

  it("takes dates: 'Date' (Dates in requests and responses) and names the key when its value is wrong", () => {
    const { folder, cleanup } = project({ 'sdkgen.config.json': json([sdk({ dates: 'Date' })]) });
    try {
      expect(runCli(['generate', '-q'], folder).status).toBe(0);
      const models = readFileSync(join(folder, 'out', 'models.ts'), 'utf8');
      expect(modelDeclaration(models, 'OrderInput')).toContain('placedAt?: Date | string;');
      expect(modelDeclaration(models, 'Order')).toContain('placedAt?: Date;');
      writeFileSync(join(folder, 'sdkgen.config.json'), json([sdk({ dates: 'date' })]));
      const run = runCli(['generate'], folder);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/error SDK5004 at #\/sdks\/0\/dates: .*"sdks\[0\]\.dates"/);
    } finally {
      cleanup();
    }
  });

  it('takes pagination by operationId, and reports a plan that does not fit before writing anything', () => {
    const pets = specText({
      paths: `
/pets:
  get:
    operationId: listPets
    parameters: [{ name: after, in: query, schema: { type: string } }]
    responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } } }
`,
      schemas: 'Pet: { type: object, required: [id], properties: { id: { type: string } } }',
    });
    const plan = { items: '', lastItem: 'id', param: 'after' };
    const { folder, cleanup } = writeTempFiles({
      'api.yaml': pets,
      'sdkgen.config.json': json([sdk({ pagination: { listPets: plan } })]),
    });
    try {
      expect(runCli(['generate', '-q'], folder).status).toBe(0);
      const operations = readFileSync(join(folder, 'out', 'operations', 'default.ts'), 'utf8');
      expect(operations).toContain("{ items: [], lastItem: 'id', arg: 'after' }");
      expect(operations).toContain('): PagePromise<Pet[], Pet> {');

      rmSync(join(folder, 'out'), { recursive: true });
      writeFileSync(
        join(folder, 'sdkgen.config.json'),
        json([sdk({ pagination: { listPets: { ...plan, param: 'before' }, listDogs: false } })]),
      );
      const misfit = runCli(['generate'], folder);
      expect(misfit.status).toBe(1);
      expect(misfit.stderr).toContain(
        'error SDK5104: The config\'s pagination.listPets.param: listPets has no query parameter "before".',
      );
      expect(misfit.stderr).toContain('warning SDK5103: The config\'s pagination "listDogs" names no operationId');
      expect(existsSync(join(folder, 'out'))).toBe(false);

      writeFileSync(
        join(folder, 'sdkgen.config.json'),
        json([sdk({ pagination: { listPets: { items: '', offset: 'o', page: 'p' } } })]),
      );
      const shape = runCli(['generate'], folder);
      expect(shape.status).toBe(1);
      expect(shape.stderr).toMatch(
        /error SDK5004 at #\/sdks\/0\/pagination\/listPets: .*give one way to the next page.*not offset and page/,
      );
    } finally {
      cleanup();
    }
  });

  it('rejects a missing config, an empty SDK list and two SDKs with one name', () => {
    const { folder, cleanup } = project({
      'empty.json': '{ "sdks": [] }',
      'twice.json': json([sdk(), sdk({ output: 'other' })]),
    });
    try {
      const missing = runCli(['generate'], folder);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('SDK5001');
      expect(runCli(['generate', '-c', 'empty.json'], folder).stderr).toContain('"sdks"');
      expect(runCli(['generate', '-c', 'twice.json'], folder).stderr).toContain('"pets" names two SDKs');
    } finally {
      cleanup();
    }
  });

  it('loads a TypeScript config typed with defineConfig', () => {
    const config = [
      "import { defineConfig, type SdkConfig } from 'openapi-sdkgen';",
      "const pets: SdkConfig = { name: 'pets', input: 'api.yaml', output: 'out' };",
      'export default defineConfig({ sdks: [pets] });',
    ].join('\n');
    const { folder, cleanup } = project({ 'sdkgen.config.ts': config });
    try {
      const run = runCli(['generate'], folder);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^pets: 3 operations, 3 models, /m);
      expect(functionsIn(folder)).toEqual(['createOrder', 'deletePet', 'getPet']);
    } finally {
      cleanup();
    }
  });

  it('reports a TypeScript config that throws or exports nothing usable', () => {
    const { folder, cleanup } = project({ 'sdkgen.config.ts': "throw new Error('boom');" });
    try {
      const run = runCli(['generate'], folder);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('sdkgen.config.ts error SDK5002');
      expect(run.stderr).toContain('boom');
    } finally {
      cleanup();
    }
  });

  it('includes and excludes operations by tag, path and operationId, dropping models only they used', () => {
    const cases: [Record<string, unknown>, string[], string[]][] = [
      [{ include: { tags: ['pets'] } }, ['deletePet', 'getPet'], ['Pet', 'Unused']],
      [{ exclude: { tags: ['admin'] } }, ['createOrder', 'getPet'], ['Order', 'Pet', 'Unused']],
      [{ include: { paths: ['/pets/*'] }, exclude: { operationIds: ['deletePet'] } }, ['getPet'], ['Pet', 'Unused']],
      [{ include: { paths: ['/**'], operationIds: ['createOrder'] } }, ['createOrder', 'deletePet', 'getPet'], []],
    ];
    for (const [selection, functions, models] of cases) {
      const { folder, cleanup } = project({ 'sdkgen.config.json': json([sdk(selection)]) });
      try {
        const run = runCli(['generate'], folder);
        expect(run.status).toBe(0);
        expect(functionsIn(folder)).toEqual(functions);
        if (models.length > 0)
          expect(declaredModels(readFileSync(join(folder, 'out', 'models.ts'), 'utf8')).sort()).toEqual(models);
      } finally {
        cleanup();
      }
    }
  });

  it('warns about a selection or naming entry that matches nothing, and --strict is not needed to see it', () => {
    const config = json([sdk({ include: { tags: ['pest'] }, naming: { models: { Pets: 'Animal' } } })]);
    const { folder, cleanup } = project({ 'sdkgen.config.json': config });
    try {
      const run = runCli(['generate'], folder);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('warning SDK5101');
      expect(run.stderr).toContain('include.tags entry "pest"');
      expect(run.stderr).toContain('warning SDK5102');
    } finally {
      cleanup();
    }
  });

  it('renames operations and models with naming options', () => {
    const naming = { operations: { getPet: 'fetchPet' }, models: { Pet: 'Animal' } };
    const { folder, cleanup } = project({ 'sdkgen.config.json': json([sdk({ naming })]) });
    try {
      expect(runCli(['generate'], folder).status).toBe(0);
      expect(functionsIn(folder)).toEqual(['createOrder', 'deletePet', 'fetchPet']);
      const models = declaredModels(readFileSync(join(folder, 'out/models.ts'), 'utf8'));
      expect(models).toContain('Animal');
      expect(models).not.toContain('Pet');
    } finally {
      cleanup();
    }
  });

  it('formats with the prettier options or prettier config file the config names', () => {
    const inline = project({ 'sdkgen.config.json': json([sdk({ prettier: { semi: false, singleQuote: false } })]) });
    const file = project({
      'sdkgen.config.json': json([sdk({ prettier: 'style/.prettierrc.json' })]),
      'style/.prettierrc.json': '{ "useTabs": true, "semi": false }',
    });
    try {
      expect(runCli(['generate'], inline.folder).status).toBe(0);
      const client = readFileSync(join(inline.folder, 'out/client.ts'), 'utf8');
      expect(client).toContain('from "./runtime/index.js"\n');
      expect(runCli(['generate'], file.folder).status).toBe(0);
      expect(readFileSync(join(file.folder, 'out/client.ts'), 'utf8')).toMatch(/\n\t\S/);
    } finally {
      inline.cleanup();
      file.cleanup();
    }
  });

  it('generates each of several SDKs; --sdk picks one and -o overrides its output', () => {
    const config = json([sdk(), sdk({ name: 'store', output: 'store', include: { tags: ['store'] } })]);
    const { folder, cleanup } = project({ 'sdkgen.config.json': config });
    try {
      const all = runCli(['generate'], folder);
      expect(all.status).toBe(0);
      expect(all.stdout).toMatch(/^pets: 3 operations/m);
      expect(all.stdout).toMatch(/^store: 1 operation,/m);
      const one = runCli(['generate', '--sdk', 'store', '-o', 'elsewhere'], folder);
      expect(one.status).toBe(0);
      expect(one.stdout).not.toContain('pets:');
      expect(existsSync(join(folder, 'elsewhere/operations/store.ts'))).toBe(true);
      const unknown = runCli(['generate', '--sdk', 'nope'], folder);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('has no such SDK (it has: pets, store)');
    } finally {
      cleanup();
    }
  });

  it('applies the limits it sets to what the spec may make the generator read', () => {
    const { folder, cleanup } = project({ 'sdkgen.config.json': json([sdk({ limits: { maxFileBytes: 200 } })]) });
    try {
      const run = runCli(['generate'], folder);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/api\.yaml error SDK1001: The file is \d+ bytes, more than the limit of 200\./);
      expect(existsSync(join(folder, 'out'))).toBe(false);
      writeFileSync(join(folder, 'sdkgen.config.json'), json([sdk({ limits: { maxFiles: 0, maxDepht: 3 } })]));
      const wrong = runCli(['generate'], folder);
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('sdks[0].limits.maxFiles');
      expect(wrong.stderr).toContain('Unknown key "sdks[0].limits.maxDepht"');
    } finally {
      cleanup();
    }
  });

  it('fetches remote $refs only from the hosts remote.allowedHosts lists', async () => {
    const server = createServer((request, response) => {
      response.writeHead(request.url === '/schemas.yaml' ? 200 : 404, { 'content-type': 'application/yaml' });
      response.end('Registry:\n  type: object\n  properties:\n    id: { type: string }\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const remoteSpec = specText({
      paths: `
/registries:
  get:
    operationId: listRegistries
    responses: { '200': { description: ok, content: { application/json: { schema: { $ref: 'http://${host}/schemas.yaml#/Registry' } } } } }
`,
      schemas: 'Unused: { type: string }\n',
    });
    const refused = project({ 'api.yaml': remoteSpec, 'sdkgen.config.json': json([sdk()]) });
    const allowed = project({
      'api.yaml': remoteSpec,
      'sdkgen.config.json': json([sdk({ remote: { allowedHosts: [host] } })]),
    });
    try {
      const run = await runCliAsync(['generate'], refused.folder);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('SDK2003');
      expect(run.stderr).toContain(`remote: { allowedHosts: ["${host}"] }`);
      const ok = await runCliAsync(['generate'], allowed.folder);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(functionsIn(allowed.folder)).toEqual(['listRegistries']);
    } finally {
      server.close();
      refused.cleanup();
      allowed.cleanup();
    }
  });
});

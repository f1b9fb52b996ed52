import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffModels } from '../../generator/diff/diffModels';
import { isIdempotencyKey } from '../../generator/model/idempotency';
import { generateSdk } from '../../generator/pipeline';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles } from '../support/buildFromText';
import { fixturesFolder } from '../support/fixtureSdk';

/** The model of a 3.1 document whose `POST /payments` takes `parameters` (YAML flow list) and `components` beside. */
async function modelOf(parameters: string, components = '{}'): Promise<SdkModel> {
  const text = [
    'openapi: 3.1.0',
    'info: { title: Keys, version: 1.0.0 }',
    `components: ${components}`,
    'paths:',
    '  /payments:',
    `    post: { operationId: createPayment, parameters: ${parameters}, responses: { '201': { description: done } } }`,
  ].join('\n');
  const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': text });
  expect(diagnostics).toEqual([]);
  return model!;
}

const header = (name: string, schema = '{ type: string }', required = true): string =>
  `[{ name: ${name}, in: header, required: ${required}, schema: ${schema} }]`;

describe('model: idempotency keys', () => {
  it.each([
    'Idempotency-Key',
    'idempotency-key',
    'IDEMPOTENCY-KEY',
    'X-Idempotency-Key',
    'x-idempotency-key',
    'x-apideck-idempotency-key',
    'Acme-Idempotency-Key',
  ])('a header named %s is one', (name) => {
    expect(isIdempotencyKey(name, 'header', { type: 'string' })).toBe(true);
  });

  it.each([
    'Idempotency_Key',
    'IdempotencyKey',
    'Idempotency-Token',
    'Idempotency-Key-Expiry',
    'X-Idempotency',
    'x--idempotency-key',
    '-idempotency-key',
    'Request-Id',
  ])('a header named %s is not', (name) => {
    expect(isIdempotencyKey(name, 'header', { type: 'string' })).toBe(false);
  });

  it.each(['query', 'cookie', 'path'])('nor is an Idempotency-Key parameter in %s', (location) => {
    expect(isIdempotencyKey('Idempotency-Key', location, { type: 'string' })).toBe(false);
  });

  it.each<[string, unknown]>([
    ['type: string', { type: 'string' }],
    ['format: uuid', { type: 'string', format: 'uuid' }],
    ['nullable (3.0)', { type: 'string', nullable: true, title: 'Idempotency-Key' }],
    ['type: [string, null] (3.1)', { type: ['string', 'null'] }],
    ['maxLength 255', { type: 'string', minLength: 1, maxLength: 255 }],
    ['lengths of exactly 36', { type: 'string', minLength: 36, maxLength: 36 }],
    ['an example and a description', { type: 'string', example: 'k1', description: 'A key' }],
  ])('a string schema that a UUID satisfies qualifies: %s', (_, schema) => {
    expect(isIdempotencyKey('Idempotency-Key', 'header', schema)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['an enum', { type: 'string', enum: ['a', 'b'] }],
    ['a const', { type: 'string', const: 'a' }],
    ['a pattern (Open Banking)', { type: 'string', maxLength: 40, pattern: '^(?!\\s)(.*)(\\S)$' }],
    ['an integer', { type: 'integer' }],
    ['a number or a string', { type: ['string', 'number'] }],
    ['no type', {}],
    ['an object', { type: 'object' }],
    ['another format', { type: 'string', format: 'date-time' }],
    ['a maxLength under 36', { type: 'string', maxLength: 32 }],
    ['a minLength over 36', { type: 'string', minLength: 40 }],
    ['an allOf, whose members are not read', { type: 'string', allOf: [{ pattern: '^a' }] }],
    ['a oneOf', { oneOf: [{ type: 'string' }] }],
    ['no schema (a content parameter)', undefined],
  ])('a schema with %s does not', (_, schema) => {
    expect(isIdempotencyKey('Idempotency-Key', 'header', schema)).toBe(false);
  });

  it('makes a required key optional and flags it, following $refs to the parameter and its schema', async () => {
    const model = await modelOf(
      "[{ $ref: '#/components/parameters/Key' }, { name: X-Request-Id, in: header, required: true, schema: { type: string } }]",
      "{ parameters: { Key: { name: X-Idempotency-Key, in: header, required: true, schema: { $ref: '#/components/schemas/Key' } } }, schemas: { Key: { type: string, format: uuid } } }",
    );
    const [key, requestId] = model.operations[0]!.parameters;
    expect(key).toMatchObject({ name: 'X-Idempotency-Key', required: false, idempotencyKey: true });
    expect(requestId).toMatchObject({ name: 'X-Request-Id', required: true });
    expect(requestId).not.toHaveProperty('idempotencyKey');
  });

  it('leaves a disqualified key as the spec says: required, and not flagged', async () => {
    const model = await modelOf(header('Idempotency-Key', "{ type: string, pattern: '^[a-z]+$' }"));
    const [key] = model.operations[0]!.parameters;
    expect(key).toMatchObject({ required: true });
    expect(key).not.toHaveProperty('idempotencyKey');
  });
});

describe('diff of idempotency keys', () => {
  const changes = (before: SdkModel, after: SdkModel) =>
    diffModels(before, after).changes.map(({ severity, kind, message }) => [severity, kind, message]);
  const added =
    'an idempotency key, which the SDK sends when it is left out (a random UUID) and which makes it retry the call by default';

  it('a required key the spec adds is an optional parameter, not a breaking change', async () => {
    const before = await modelOf('[]');
    const after = await modelOf(header('Idempotency-Key'));
    expect(changes(before, after)).toEqual([
      ['non-breaking', 'parameter-added', `optional header parameter Idempotency-Key added: ${added}`],
    ]);
  });

  it('a header that becomes a key, or stops being one, says what the SDK now does', async () => {
    const patterned = await modelOf(header('Idempotency-Key', "{ type: string, pattern: '^[a-z]+$' }", false));
    const key = await modelOf(header('Idempotency-Key', '{ type: string }', false));
    expect(changes(patterned, key)).toEqual([
      ['non-breaking', 'idempotency-key-added', `header parameter Idempotency-Key is now ${added}`],
    ]);
    expect(changes(key, patterned)).toEqual([
      [
        'breaking',
        'idempotency-key-removed',
        'header parameter Idempotency-Key is no longer an idempotency key: the SDK no longer sends one when it is left out, nor retries the call by default (unless its method is idempotent)',
      ],
    ]);
    expect(changes(key, key)).toEqual([]);
  });
});

describe('what an SDK with idempotency keys says of them (test/fixtures/runtime/idempotency.yaml)', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const folder = join(fixturesFolder, 'runtime');
    const result = await generateSdk({ specPath: join(folder, 'idempotency.yaml'), cwd: folder, format: false });
    files = new Map(result.files!.map((file) => [file.path, file.content]));
  });

  it('the argument’s JSDoc says the SDK sends a key of its own; a key the caller must give says nothing', () => {
    const operations = files.get('operations/default.ts')!;
    expect(operations).toContain(
      [
        '  /**',
        '   * Left out, the SDK sends a random UUID (`crypto.randomUUID()`), the same on every retry of this call,',
        '   * and retries the call as it retries a GET. Give your own key to repeat the call later without repeating',
        '   * its effect.',
        '   */',
        "  'Idempotency-Key'?: string;",
      ].join('\n'),
    );
    expect(operations).toContain("export interface CreateTransferArgs {\n  'x-idempotency-key': string;\n}");
  });

  it('the README marks the key optional in the reference and says which calls are retried for it', () => {
    const readme = files.get('README.md')!;
    expect(readme).toContain(
      '| `Idempotency-Key` | header | `string` | no | Left out, the SDK sends a random UUID, the same on every retry of the call, and retries the call as it retries a GET. |',
    );
    expect(readme).toContain('| `x-idempotency-key` | header | `string` | yes |   |');
    expect(readme).toContain(
      '- Calls that send an idempotency key (`createPayment`, and each operation whose reference says so)',
    );
  });

  it('an SDK without keys says nothing of them (the Qovery SDK)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'generated', 'qovery', 'README.md'), 'utf8');
    expect(readme).toContain('## Retries and timeouts');
    expect(readme).not.toMatch(/idempotency/i);
  });
});

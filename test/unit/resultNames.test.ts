import { join } from 'node:path';
import { buildFromFiles, specText, writeTempFiles } from '../support/buildFromText';
import { generateInto } from '../support/generateInto';

/** A 3.0 document: `paths` and `schemas` in YAML flow style. */
const spec = (paths: string, schemas = ''): Record<string, string> => ({
  'openapi.yaml': specText({ paths, ...(schemas ? { schemas } : {}) }),
});

const page = [
  '{ type: object, required: [data], properties: {',
  '  data: { type: array, items: { type: object, required: [id], properties: { id: { type: string } } } },',
  '  next_cursor: { type: string, nullable: true } } }',
].join(' ');

const paths = [
  '/keys:',
  '  get:',
  '    operationId: listKeys',
  '    parameters: [{ name: cursor, in: query, schema: { type: string } }]',
  `    responses: { '200': { description: a page, content: { application/json: { schema: ${page} } } } }`,
  '/keys/{id}:',
  '  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
  '  get:',
  '    operationId: getKey',
  "    responses: { '200': { description: one, content: { application/json: { schema: { $ref: '#/components/schemas/Key' } } } } }",
  '  delete:',
  '    operationId: deleteKey',
  "    responses: { '204': { description: gone } }",
].join('\n');

describe('the names of what a call resolves to (<Operation>Response) and of a list item (<Operation>Item)', () => {
  it('names every result, a list item too, and nothing for a call without a body', async () => {
    const { model, diagnostics } = await buildFromFiles(
      spec(paths, 'Key: { type: object, properties: { id: { type: string } } }'),
    );
    expect(diagnostics).toEqual([]);
    const names = Object.fromEntries(model!.operations.map((operation) => [operation.operationId, operation.names]));
    expect(names['listKeys']).toMatchObject({ response: 'ListKeysResponse', item: 'ListKeysItem' });
    expect(names['getKey']).toMatchObject({ response: 'GetKeyResponse' });
    expect(names['getKey']).not.toHaveProperty('item');
    expect(names['deleteKey']).not.toHaveProperty('response');
  });

  it('keeps a model of the name that is the result itself, and suffixes a name another model has', async () => {
    const schemas = [
      'ListKeysResponse: { type: object, properties: { total: { type: integer } } }',
      'GetKeyResponse: { type: object, properties: { id: { type: string } } }',
    ].join('\n');
    const own = paths.replace("'#/components/schemas/Key'", "'#/components/schemas/GetKeyResponse'");
    const { model, diagnostics } = await buildFromFiles(spec(own, schemas));
    const names = Object.fromEntries(model!.operations.map((operation) => [operation.operationId, operation.names]));
    // The models keep their names: the operations' names are claimed after every other.
    expect(model!.models.map((named) => named.name).sort()).toEqual(['GetKeyResponse', 'ListKeysResponse']);
    expect(names['getKey']).toMatchObject({ response: 'GetKeyResponse' });
    expect(names['listKeys']).toMatchObject({ response: 'ListKeysResponse2' });
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([
      ['SDK3001', '/paths/~1keys/get'],
    ]);
  });

  it('declares an inline result once, as an interface, and reads an inline item from it', async () => {
    const { folder, cleanup } = writeTempFiles(
      spec(paths, 'Key: { type: object, properties: { id: { type: string } } }'),
    );
    const sdk = await generateInto({ specPath: join(folder, 'openapi.yaml'), cwd: folder });
    try {
      const text = sdk.files!.find((file) => file.path === 'operations/default.ts')?.content ?? '';
      expect(text).toContain('export interface ListKeysResponse {');
      expect(text).toContain("export type ListKeysItem = ListKeysResponse['data'][number];");
      expect(text).toContain('): PagePromise<ListKeysResponse, ListKeysItem> {');
      expect(text).toContain('export type GetKeyResponse = Key;');
      // The signature of a call whose result is a model names the model.
      expect(text).toContain('): ApiPromise<Key> {');
      // The inline page is written once, and none of the names declared here is imported from the models.
      expect(text.match(/next_cursor\?: string \| null;/g)).toHaveLength(1);
      expect(text).toMatch(/import type \{ Key \} from '\.\.\/models\.js';/);
    } finally {
      sdk.cleanup();
      cleanup();
    }
  });
});

import { diffModels } from '../../generator/diff/diffModels';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles } from '../support/buildFromText';

/** The model of a document of `version` whose `/items` path item is `item` (YAML, indented under it). */
async function modelOf(version: string, item: string): Promise<SdkModel> {
  const text = [`openapi: ${version}`, 'info: { title: Diff, version: 1.0.0 }', 'paths:', '  /items:', item].join('\n');
  const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': text });
  expect(diagnostics).toEqual([]);
  return model!;
}

const ok = "responses: { '204': { description: done } }";
const changes = (before: SdkModel, after: SdkModel) =>
  diffModels(before, after).changes.map(({ severity, kind, subject, message }) => [severity, kind, subject, message]);

describe('diff of query and additionalOperations methods', () => {
  it('a GET that became a QUERY (3.1 to 3.2) is a method change, as is a QUERY that became a custom method', async () => {
    const get = await modelOf('3.1.0', `    get: { operationId: searchItems, ${ok} }`);
    const query = await modelOf('3.2.0', `    query: { operationId: searchItems, ${ok} }`);
    const link = await modelOf('3.2.0', `    additionalOperations: { Link: { operationId: searchItems, ${ok} } }`);
    expect(changes(get, query)).toEqual([
      ['breaking', 'operation-method-changed', 'searchItems', 'method changed: GET /items -> QUERY /items'],
    ]);
    expect(changes(query, link)).toEqual([
      ['breaking', 'operation-method-changed', 'searchItems', 'method changed: QUERY /items -> Link /items'],
    ]);
    expect(changes(link, link)).toEqual([]);
  });

  it('operations without operationId are matched by method and path, the custom method as written', async () => {
    const purge = await modelOf('3.2.0', `    additionalOperations: { PURGE: { ${ok} } }`);
    const both = await modelOf(
      '3.2.0',
      [`    query: { ${ok} }`, `    additionalOperations: { PURGE: { ${ok} } }`].join('\n'),
    );
    const ban = await modelOf('3.2.0', `    additionalOperations: { BAN: { ${ok} } }`);
    expect(changes(purge, both)).toEqual([
      ['non-breaking', 'operation-added', 'queryItems', 'operation added (QUERY /items)'],
    ]);
    expect(changes(purge, ban)).toEqual([
      ['breaking', 'operation-removed', 'purgeItems', 'operation removed (PURGE /items)'],
      ['non-breaking', 'operation-added', 'banItems', 'operation added (BAN /items)'],
    ]);
  });
});

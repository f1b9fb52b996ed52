import { diffModels } from '../../generator/diff/diffModels';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles, specText } from '../support/buildFromText';

/** `POST /bulk` sending `content` (its Media Type Object), and a model `Row` with `rowProperties`. */
async function modelOf(
  content: string,
  rowProperties = '{ id: { type: string } }',
  version = '3.2.0',
): Promise<SdkModel> {
  const paths = [
    '/bulk:',
    '  post:',
    '    operationId: bulkImport',
    `    requestBody: { required: true, content: { ${content} } }`,
    "    responses: { '204': { description: stored } }",
  ].join('\n');
  const schemas = `Row: { type: object, required: [id], properties: ${rowProperties} }`;
  const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': specText({ version, paths, schemas }) });
  expect(diagnostics).toEqual([]);
  return model!;
}

const changes = (before: SdkModel, after: SdkModel) =>
  diffModels(before, after).changes.map(({ severity, kind, subject, message }) => [severity, kind, subject, message]);

const rows = "application/jsonl: { itemSchema: { $ref: '#/components/schemas/Row' } }";

describe('diff of request bodies of items (JSON lines, JSON text sequences)', () => {
  it('finds typing the items of a body of bytes harmless: bytes are still taken', async () => {
    const typed = await modelOf(rows);
    const widened = [
      'non-breaking',
      'type-widened',
      'bulkImport.body',
      'type widened (Blob -> Iterable<Row> | AsyncIterable<Row> | Blob) in a request',
    ];
    // Nothing describes the items, or a schema of bytes describes the body.
    expect(changes(await modelOf('application/jsonl: {}'), typed)).toEqual([widened]);
    const bytes = 'application/jsonl: { schema: { type: string, format: binary } }';
    expect(
      changes(
        await modelOf(bytes, undefined, '3.0.3'),
        await modelOf(rows.replace('itemSchema', 'schema'), undefined, '3.0.3'),
      ),
    ).toEqual([widened]);
    expect(changes(typed, typed)).toEqual([]);
  });

  it('finds the items narrowed, or the body back to bytes only, breaking', async () => {
    const before = await modelOf(rows, '{ id: { type: string }, kind: { type: string, enum: [a, b] } }');
    const after = await modelOf(
      rows,
      '{ id: { type: string }, kind: { type: string, enum: [a] }, n: { type: integer } }',
    );
    expect(changes(before, after)).toEqual([
      [
        'breaking',
        'enum-value-removed',
        'Row.kind',
        'enum value "b" removed from a request: callers that send it are refused',
      ],
      ['non-breaking', 'property-added', 'Row.n', 'property added to a request'],
    ]);
    const inline = (properties: string) =>
      `application/json-seq: { itemSchema: { type: object, properties: ${properties} } }`;
    expect(
      changes(await modelOf(inline('{ id: { type: string } }')), await modelOf(inline('{ id: { type: integer } }'))),
    ).toEqual([['breaking', 'type-changed', 'bulkImport.body (each item).id', 'type changed (string -> number)']]);
    expect(changes(await modelOf(rows), await modelOf('application/jsonl: {}'))).toEqual([
      [
        'breaking',
        'type-narrowed',
        'bulkImport.body',
        'type narrowed (Iterable<Row> | AsyncIterable<Row> | Blob -> Blob) in a request: values accepted before are refused now',
      ],
    ]);
  });
});

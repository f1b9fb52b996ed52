import { diffModels } from '../../generator/diff/diffModels';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles, specText } from '../support/buildFromText';

/** A model `Event`, a union of inline objects told apart by `type`, that `GET /events` returns. */
async function modelOf(members: readonly string[]): Promise<SdkModel> {
  const schemas = ['Event:', '  oneOf:', ...members.map((member) => `    - ${member}`)].join('\n');
  const paths = [
    '/events:',
    '  get:',
    '    operationId: getEvent',
    "    responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } } } }",
  ].join('\n');
  const { model, diagnostics } = await buildFromFiles({
    'openapi.yaml': specText({ version: '3.1.0', paths, schemas }),
  });
  expect(diagnostics).toEqual([]);
  return model!;
}

const changes = (before: SdkModel, after: SdkModel) =>
  diffModels(before, after).changes.map(({ severity, kind, subject, message }) => [severity, kind, subject, message]);

const created =
  '{ type: object, required: [type, id], properties: { type: { const: created }, id: { type: string } } }';
const deleted = '{ type: object, required: [type], properties: { type: { enum: [deleted, purged] } } }';

describe('diff of unions of inline objects', () => {
  it('compares the members that share a tag one by one, and names a member added or removed by its tag', async () => {
    const before = await modelOf([created, deleted]);
    const createdWithNumber = created.replace('id: { type: string }', 'id: { type: integer }');
    const deletedOnly = deleted.replace('[deleted, purged]', '[deleted]');
    const moved = '{ type: object, required: [type], properties: { type: { const: moved }, to: { type: string } } }';
    expect(changes(before, await modelOf([createdWithNumber, deletedOnly, moved]))).toEqual([
      ['breaking', 'type-changed', "Event (type: 'created').id", 'type changed (string -> number)'],
      [
        'breaking',
        'type-widened',
        "Event (type: 'moved')",
        'member added to a response: code that handles every case of the old type misses it',
      ],
      ['non-breaking', 'enum-value-removed', "Event (type: 'deleted').type", 'enum value "purged" removed'],
    ]);
    expect(changes(before, before)).toEqual([]);
  });
});

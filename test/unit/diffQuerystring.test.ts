import { diffModels } from '../../generator/diff/diffModels';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles, specText } from '../support/buildFromText';

async function modelWith(parameter: string): Promise<SdkModel> {
  const paths = [
    '/events:',
    '  get:',
    '    operationId: search',
    `    parameters: [${parameter}]`,
    '    responses: { "200": { description: ok } }',
  ].join('\n');
  const { model } = await buildFromFiles({ 'openapi.yaml': specText({ version: '3.2.0', paths }) });
  return model!;
}

const form =
  '{ name: filter, in: querystring, content: { application/x-www-form-urlencoded: { schema: { type: object } } } }';
const json = '{ name: filter, in: querystring, content: { application/json: { schema: { type: object } } } }';
const required =
  '{ name: filter, in: querystring, required: true, content: { application/json: { schema: { type: object } } } }';
const query = '{ name: filter, in: query, schema: { type: object } }';

async function changes(before: string, after: string): Promise<string[][]> {
  const diff = diffModels(await modelWith(before), await modelWith(after));
  return diff.changes.map((change) => [change.severity, change.kind, change.message]);
}

describe('sdkgen diff on querystring parameters', () => {
  it('reports a querystring parameter added, required or removed as for any parameter', async () => {
    expect(await changes('', required)).toEqual([
      ['breaking', 'parameter-added', 'new required querystring parameter filter'],
    ]);
    expect(await changes('', json)).toEqual([
      ['non-breaking', 'parameter-added', 'optional querystring parameter filter added'],
    ]);
    expect(await changes(json, required)).toEqual([
      ['breaking', 'parameter-required', 'querystring parameter filter became required'],
    ]);
    expect(await changes(json, '')).toEqual([
      ['breaking', 'parameter-removed', 'querystring parameter filter removed'],
    ]);
  });

  it('reports a new media type, which the SDK encodes by itself, as non-breaking', async () => {
    expect(await changes(form, json)).toEqual([
      [
        'non-breaking',
        'parameter-media-type-changed',
        'querystring parameter filter now sent as application/json (was application/x-www-form-urlencoded)',
      ],
    ]);
  });

  it('sees a query parameter that became the whole query string as a removal and an addition', async () => {
    expect(await changes(query, json)).toEqual([
      ['breaking', 'parameter-removed', 'query parameter filter removed'],
      ['non-breaking', 'parameter-added', 'optional querystring parameter filter added'],
    ]);
  });
});

import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import type { Operation, SdkModel } from '../../generator/model/types';
import { buildFromFiles, specText } from '../support/buildFromText';

async function modelOf(version: string, paths: string[]): Promise<{ model: SdkModel; diagnostics: Diagnostic[] }> {
  const { model, diagnostics } = await buildFromFiles({
    'openapi.yaml': specText({ version, paths: paths.join('\n') }),
  });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { model: model!, diagnostics };
}

function operation(model: SdkModel, operationId: string): Operation {
  return model.operations.find((candidate) => candidate.operationId === operationId)!;
}

/** Code, severity, line, column and pointer of each diagnostic (the spec's paths start on line 4, indented by 2). */
const placed = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => [d.code, d.severity, d.file, d.position?.line, d.position?.column, d.pointer]);

describe('model: querystring parameters and the cookie style (OpenAPI 3.2)', () => {
  it('reads a querystring parameter as one argument typed by its media type, with a form encoding map', async () => {
    const { model, diagnostics } = await modelOf('3.2.0', [
      '/events:',
      '  get:',
      '    operationId: search',
      '    parameters:',
      '      - name: filter',
      '        in: querystring',
      '        required: true',
      '        description: What to find.',
      '        content:',
      '          application/x-www-form-urlencoded:',
      '            schema: { type: object, properties: { status: { type: string } } }',
      '            encoding: { status: { style: form, explode: false } }',
      '    responses: { "200": { description: ok } }',
    ]);
    expect(diagnostics).toEqual([]);
    expect(operation(model, 'search').parameters).toEqual([
      {
        name: 'filter',
        in: 'querystring',
        argName: 'filter',
        required: true,
        type: {
          kind: 'object',
          bases: [],
          properties: [
            {
              name: 'status',
              required: false,
              readOnly: false,
              writeOnly: false,
              type: { kind: 'string' },
              docs: {},
            },
          ],
        },
        style: '',
        explode: false,
        allowReserved: false,
        mediaType: 'application/x-www-form-urlencoded',
        encoding: [{ property: 'status', style: 'form', explode: false }],
        docs: { description: 'What to find.' },
      },
    ]);
  });

  it('types a form without fields as any fields, a string form as text, JSON and text by their schemas', async () => {
    const { model, diagnostics } = await modelOf('3.2.0', [
      '/a:',
      '  get:',
      '    operationId: anyFields',
      '    parameters: [{ name: q, in: querystring, content: { application/x-www-form-urlencoded: {} } }]',
      '    responses: { "200": { description: ok } }',
      '/b:',
      '  get:',
      '    operationId: encoded',
      '    parameters:',
      '      - { name: q, in: querystring, content: { application/x-www-form-urlencoded: { schema: { type: string } } } }',
      '    responses: { "200": { description: ok } }',
      '/c:',
      '  get:',
      '    operationId: json',
      '    parameters: [{ name: q, in: querystring, content: { application/json: { schema: { type: integer } } } }]',
      '    responses: { "200": { description: ok } }',
      '/d:',
      '  get:',
      '    operationId: list',
      '    parameters:',
      '      - { name: q, in: querystring, content: { application/x-www-form-urlencoded: { schema: { type: array } } } }',
      '    responses: { "200": { description: ok } }',
      '/e:',
      '  get:',
      '    operationId: choice',
      '    parameters:',
      '      - { name: q, in: querystring, content: { application/x-www-form-urlencoded: { schema: { enum: [a, b] } } } }',
      '    responses: { "200": { description: ok } }',
    ]);
    const typeOf = (id: string) => operation(model, id).parameters[0]!.type;
    const anyFields = { kind: 'object', bases: [], properties: [], additionalProperties: { kind: 'unknown' } };
    expect(typeOf('anyFields')).toEqual(anyFields);
    expect(typeOf('encoded')).toEqual({ kind: 'string' });
    expect(typeOf('json')).toEqual({ kind: 'number' });
    expect(typeOf('list')).toEqual(anyFields);
    // An enum of strings is no fields either, though its type is a union.
    expect(typeOf('choice')).toEqual(anyFields);
    expect(placed(diagnostics)).toEqual([
      ['SDK3205', 'warning', 'openapi.yaml', 24, 11, '/paths/~1d/get/parameters/0'],
      ['SDK3205', 'warning', 'openapi.yaml', 30, 11, '/paths/~1e/get/parameters/0'],
    ]);
  });

  it('cookie style explodes by default, as form does', async () => {
    const { model, diagnostics } = await modelOf('3.2.0', [
      '/c:',
      '  get:',
      '    operationId: cookies',
      '    parameters:',
      '      - { name: a, in: cookie, style: cookie, schema: { type: array, items: { type: string } } }',
      '      - { name: b, in: cookie, style: cookie, explode: false, schema: { type: string } }',
      '    responses: { "200": { description: ok } }',
    ]);
    expect(diagnostics).toEqual([]);
    expect(operation(model, 'cookies').parameters.map((p) => [p.name, p.style, p.explode])).toEqual([
      ['a', 'cookie', true],
      ['b', 'cookie', false],
    ]);
  });

  it('skips a querystring parameter without content, and ignores the fields it must not use (warnings)', async () => {
    const { model, diagnostics } = await modelOf('3.2.0', [
      '/a:',
      '  get:',
      '    operationId: noContent',
      '    parameters: [{ name: q, in: querystring, schema: { type: object } }]',
      '    responses: { "200": { description: ok } }',
      '/b:',
      '  get:',
      '    operationId: extraFields',
      '    parameters:',
      '      - name: q',
      '        in: querystring',
      '        style: form',
      '        content:',
      '          application/json: { schema: { type: object } }',
      '          text/plain: { schema: { type: string } }',
      '    responses: { "200": { description: ok } }',
    ]);
    expect(operation(model, 'noContent').parameters).toEqual([]);
    expect(operation(model, 'extraFields').parameters.map((p) => [p.in, p.mediaType])).toEqual([
      ['querystring', 'application/json'],
    ]);
    expect(placed(diagnostics)).toEqual([
      ['SDK3220', 'warning', 'openapi.yaml', 7, 20, '/paths/~1a/get/parameters/0'],
      ['SDK3221', 'warning', 'openapi.yaml', 15, 11, '/paths/~1b/get/parameters/0/style'],
      ['SDK3221', 'warning', 'openapi.yaml', 18, 13, '/paths/~1b/get/parameters/0/content/text~1plain'],
    ]);
    expect(diagnostics.map((d) => d.hint)).toEqual([
      'Describe it under `content` with one media type, e.g. `application/x-www-form-urlencoded` and an object schema.',
      'Remove `schema`, `style`, `explode` and `allowReserved`: the media type under `content` says how it is encoded.',
      'Keep one media type under `content`.',
    ]);
  });

  it('keeps the first of two querystring parameters, path item included, and drops query parameters beside it', async () => {
    const { model, diagnostics } = await modelOf('3.2.0', [
      '/items:',
      '  parameters:',
      '    - { name: shared, in: querystring, content: { application/json: {} } }',
      '    - { name: page, in: query, schema: { type: integer } }',
      '  get:',
      '    operationId: list',
      '    parameters:',
      '      - { name: own, in: querystring, content: { text/plain: {} } }',
      '      - { name: size, in: query, schema: { type: integer } }',
      '      - { name: X-Trace, in: header, schema: { type: string } }',
      '    responses: { "200": { description: ok } }',
      '  put:',
      '    operationId: replace',
      '    responses: { "200": { description: ok } }',
    ]);
    expect(operation(model, 'list').parameters.map((p) => [p.in, p.name])).toEqual([
      ['querystring', 'shared'],
      ['header', 'X-Trace'],
    ]);
    expect(operation(model, 'replace').parameters.map((p) => [p.in, p.name])).toEqual([['querystring', 'shared']]);
    // Each reported once, though both operations use the path item's parameters.
    expect(placed(diagnostics)).toEqual([
      ['SDK3222', 'warning', 'openapi.yaml', 11, 11, '/paths/~1items/get/parameters/0'],
      ['SDK3223', 'warning', 'openapi.yaml', 7, 9, '/paths/~1items/parameters/1'],
      ['SDK3223', 'warning', 'openapi.yaml', 12, 11, '/paths/~1items/get/parameters/1'],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'An operation has more than one querystring parameter; "own" is skipped, "shared" is the query string.',
      'The query parameter "page" is skipped: the querystring parameter "shared" is the whole query string.',
      'The query parameter "size" is skipped: the querystring parameter "shared" is the whole query string.',
    ]);
  });

  it('honours in: querystring and style: cookie in a 3.1 or 3.0 document, with a warning once per place', async () => {
    for (const version of ['3.1.0', '3.0.3']) {
      const { model, diagnostics } = await modelOf(version, [
        '/a:',
        '  parameters:',
        '    - { name: q, in: querystring, content: { application/json: {} } }',
        '    - { name: s, in: cookie, style: cookie, schema: { type: string } }',
        '  get: { operationId: one, responses: { "200": { description: ok } } }',
        '  put: { operationId: two, responses: { "200": { description: ok } } }',
      ]);
      expect(operation(model, 'one').parameters.map((p) => [p.in, p.style])).toEqual([
        ['querystring', ''],
        ['cookie', 'cookie'],
      ]);
      expect(placed(diagnostics)).toEqual([
        ['SDK3224', 'warning', 'openapi.yaml', 6, 20, '/paths/~1a/parameters/0/in'],
        ['SDK3224', 'warning', 'openapi.yaml', 7, 32, '/paths/~1a/parameters/1/style'],
      ]);
      expect(diagnostics[0]!.message).toBe(
        `\`in: querystring\` is OpenAPI 3.2, but the document is ${version.slice(0, 3)}; the SDK honours it.`,
      );
      expect(diagnostics[0]!.hint).toBe('Set `openapi: 3.2.0` at the top of the document.');
    }
  });
});

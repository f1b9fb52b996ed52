import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SdkModel } from '../../generator/model/types';
import { defaultServerUrl } from '../../generator/model/servers';
import { buildFromFiles, specText, writeTempFiles } from '../support/buildFromText';
import { generateInto } from '../support/generateInto';
import { typecheck } from '../support/typecheck';

async function modelOf(parts: Parameters<typeof specText>[0]): Promise<SdkModel> {
  const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': specText(parts) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

describe('model: what a request needs', () => {
  it('keeps server URLs as written, with their variables, defaults and allowed values', async () => {
    const model = await modelOf({
      extra: [
        'servers:',
        '  - url: https://{region}.example.com:{port}/v1',
        '    description: Regional',
        '    variables:',
        '      region: { default: eu, enum: [eu, us], description: Where }',
        '      port: { default: 8443 }',
        '  - url: /relative',
      ].join('\n'),
    });
    expect(model.servers).toEqual([
      {
        url: 'https://{region}.example.com:{port}/v1',
        description: 'Regional',
        variables: [
          { name: 'region', default: 'eu', enum: ['eu', 'us'], description: 'Where' },
          { name: 'port', default: '8443' },
        ],
      },
      { url: '/relative', variables: [] },
    ]);
    expect(defaultServerUrl(model.servers[0]!)).toBe('https://eu.example.com:8443/v1');
  });

  it('gives an operation its own servers, else its path item servers, else none', async () => {
    const model = await modelOf({
      paths: [
        '/files:',
        '  servers: [{ url: https://files.example.com }]',
        '  get: { operationId: listFiles, responses: { "200": { description: ok } } }',
        '  post:',
        '    operationId: upload',
        '    servers: [{ url: "https://{host}.example.com", variables: { host: { default: up } } }]',
        '    responses: { "200": { description: ok } }',
        '/plain:',
        '  get: { operationId: plain, responses: { "200": { description: ok } } }',
      ].join('\n'),
    });
    const byId = new Map(model.operations.map((operation) => [operation.operationId, operation]));
    expect(byId.get('listFiles')!.servers).toEqual([{ url: 'https://files.example.com', variables: [] }]);
    expect(byId.get('upload')!.servers).toEqual([
      { url: 'https://{host}.example.com', variables: [{ name: 'host', default: 'up' }] },
    ]);
    expect(byId.get('plain')!.servers).toBeUndefined();
  });

  it('keeps each parameter style, explode (defaulting to true for form only), allowReserved and content media type', async () => {
    const model = await modelOf({
      paths: [
        '/items/{id}:',
        '  get:',
        '    operationId: getItem',
        '    parameters:',
        '      - { name: id, in: path, required: true, style: matrix, explode: true, schema: { type: string } }',
        '      - { name: tags, in: query, schema: { type: array, items: { type: string } } }',
        '      - { name: ids, in: query, style: pipeDelimited, schema: { type: array, items: { type: integer } } }',
        '      - { name: filter, in: query, style: deepObject, allowReserved: true, schema: { type: object } }',
        '      - { name: meta, in: query, content: { application/json: { schema: { type: object } } } }',
        '      - { name: X-Trace, in: header, schema: { type: string } }',
        '      - { name: session, in: cookie, schema: { type: string } }',
        '    responses: { "200": { description: ok } }',
      ].join('\n'),
    });
    const facts = model.operations[0]!.parameters.map((p) => [
      p.name,
      p.style,
      p.explode,
      p.allowReserved,
      p.mediaType,
    ]);
    expect(facts).toEqual([
      ['id', 'matrix', true, false, undefined],
      ['tags', 'form', true, false, undefined],
      ['ids', 'pipeDelimited', false, false, undefined],
      ['filter', 'deepObject', false, true, undefined],
      ['meta', 'form', true, false, 'application/json'],
      ['X-Trace', 'simple', false, false, undefined],
      ['session', 'form', true, false, undefined],
    ]);
  });

  it('keeps the encoding of multipart and form bodies, by property', async () => {
    const model = await modelOf({
      paths: [
        '/upload:',
        '  post:',
        '    operationId: upload',
        '    requestBody:',
        '      content:',
        '        multipart/form-data:',
        '          schema: { type: object, properties: { file: { type: string, format: binary }, meta: { type: object } } }',
        '          encoding:',
        '            file: { contentType: image/png }',
        '            meta: { contentType: application/json }',
        '        application/x-www-form-urlencoded:',
        '          schema: { type: object, properties: { ids: { type: array, items: { type: integer } } } }',
        '          encoding: { ids: { style: pipeDelimited, explode: false, allowReserved: true } }',
        '        application/octet-stream: {}',
        '    responses: { "204": { description: done } }',
      ].join('\n'),
    });
    const contents = model.operations[0]!.requestBody!.contents;
    expect(contents.map((content) => [content.mediaType, content.encoding])).toEqual([
      [
        'multipart/form-data',
        [
          { property: 'file', contentType: 'image/png' },
          { property: 'meta', contentType: 'application/json' },
        ],
      ],
      [
        'application/x-www-form-urlencoded',
        [{ property: 'ids', style: 'pipeDelimited', explode: false, allowReserved: true }],
      ],
      ['application/octet-stream', []],
    ]);
    expect(contents[2]!.type).toEqual({ kind: 'binary' });
  });

  it('gives a form whose schema says nothing of its fields, or is not an object, any fields, and the SDK compiles', async () => {
    const forms = [
      ['multipart/form-data', '{}'],
      ['application/x-www-form-urlencoded', '{}'],
      ['multipart/form-data', '{ type: string }'],
      ['application/x-www-form-urlencoded', '{ type: string }'],
      ['application/x-www-form-urlencoded', '{ type: string, format: binary }'],
      // Schemas that allow a value that is not an object, through a $ref, an enum or a member.
      ['application/x-www-form-urlencoded', "{ $ref: '#/components/schemas/Color' }"],
      ['application/x-www-form-urlencoded', '{ enum: [a, b] }'],
      ['multipart/form-data', "{ oneOf: [{ type: string }, { $ref: '#/components/schemas/Note' }] }"],
      ['multipart/form-data', "{ $ref: '#/components/schemas/Note' }"],
    ];
    const paths = forms.flatMap(([mediaType, schema], index) => [
      `/forms/${index}:`,
      '  post:',
      `    operationId: send${index}`,
      `    requestBody: { content: { ${mediaType}: { schema: ${schema} } } }`,
      '    responses: { "204": { description: done } }',
    ]);
    const schemas =
      'Color: { type: string, enum: [red, green] }\nNote: { type: object, properties: { text: { type: string } } }';
    const { folder, cleanup } = writeTempFiles({ 'openapi.yaml': specText({ paths: paths.join('\n'), schemas }) });
    const sdk = await generateInto({ specPath: join(folder, 'openapi.yaml'), cwd: folder });
    try {
      expect(sdk.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([
        ['SDK3205', '/paths/~1forms~12/post/requestBody/content/multipart~1form-data/schema'],
        ['SDK3205', '/paths/~1forms~15/post/requestBody/content/application~1x-www-form-urlencoded/schema'],
        ['SDK3205', '/paths/~1forms~16/post/requestBody/content/application~1x-www-form-urlencoded/schema'],
        ['SDK3205', '/paths/~1forms~17/post/requestBody/content/multipart~1form-data/schema'],
      ]);
      expect(sdk.diagnostics[1]!.message).toMatch(/^The application\/x-www-form-urlencoded body is named fields, /);
      const anyFields = { kind: 'object', bases: [], properties: [], additionalProperties: { kind: 'unknown' } };
      const bodies = sdk.model!.operations.map((operation) => operation.requestBody!.contents[0]!.type);
      // A URL-encoded form given as one string or bytes stays so: it is sent as written.
      expect(bodies).toEqual([
        anyFields,
        anyFields,
        anyFields,
        { kind: 'string' },
        { kind: 'binary' },
        anyFields,
        anyFields,
        anyFields,
        { kind: 'ref', name: 'Note' },
      ]);
      writeFileSync(
        join(sdk.folder!, 'check.ts'),
        [
          "import { createClient } from './index.js';",
          'const client = createClient({});',
          'const sent = [',
          "  client.send0({ body: { file: new Blob(['x']), note: 'a' } }),",
          '  client.send1({ body: { ids: [1, 2] } }),',
          "  client.send2({ body: { file: new Blob(['x']) } }),",
          "  client.send3({ body: 'text=tacos&lang=en' }),",
          "  client.send4({ body: new Blob(['text=tacos']) }),",
          "  client.send5({ body: { color: 'red' } }),",
          "  client.send6({ body: { a: 'b' } }),",
          "  client.send7({ body: { text: 'a' } }),",
          "  client.send8({ body: { text: 'a' } }),",
          '];',
          '// @ts-expect-error a form of Note fields takes no number',
          'const note = client.send8({ body: { text: 1 } });',
          '// @ts-expect-error a multipart form is named fields, not one text',
          "const text = client.send0({ body: 'file=x' });",
        ].join('\n'),
      );
      expect(typecheck(sdk.folder!, [join(sdk.folder!, 'check.ts')]).errors).toEqual([]);
    } finally {
      sdk.cleanup();
      cleanup();
    }
  });
});

import { typeText } from '../../generator/emit/typeSyntax';
import type { MediaContent } from '../../generator/model/types';
import { buildFromFiles, specText } from '../support/buildFromText';

/** The success contents of the one operation of a spec whose `GET /s` answers `content`, and the diagnostics. */
async function streamOf(version: string, content: string, schemas?: string) {
  const paths = `/s:\n  get:\n    operationId: watch\n    responses:\n      '200':\n        description: ok\n        content:\n${content.replace(/^/gm, '          ')}`;
  const { model, diagnostics } = await buildFromFiles({
    'openapi.yaml': specText({ version, paths, ...(schemas ? { schemas } : {}) }),
  });
  const contents: readonly MediaContent[] = model!.operations[0]!.responses[0]!.contents;
  const models = Object.fromEntries(
    model!.models.map((named) => [named.name, typeText(named.type).replace(/\s*\n\s*/g, ' ')]),
  );
  return { contents: contents.map((c) => [c.mediaType, typeText(c.type), c.stream]), models, diagnostics };
}

describe('streamed responses', () => {
  it('types JSON lines and sequences by itemSchema, or in 3.2 by the items of the whole schema; before 3.2 the schema is the item', async () => {
    const schemas = 'Entry: { type: object, properties: { n: { type: integer } } }';
    const entries = "{ type: array, items: { $ref: '#/components/schemas/Entry' } }";
    expect(
      (await streamOf('3.2.0', `application/jsonl: { itemSchema: { $ref: '#/components/schemas/Entry' } }`, schemas))
        .contents,
    ).toEqual([['application/jsonl', 'AsyncIterable<Entry>', 'jsonLines']]);
    expect((await streamOf('3.2.0', `application/geo+json-seq: { schema: ${entries} }`, schemas)).contents).toEqual([
      ['application/geo+json-seq', 'AsyncIterable<Entry>', 'jsonSequence'],
    ]);
    expect((await streamOf('3.1.0', `application/json-seq: { schema: ${entries} }`, schemas)).contents).toEqual([
      ['application/json-seq', 'AsyncIterable<Entry[]>', 'jsonSequence'],
    ]);
  });

  it('reads a Media Type Object through a $ref to components/mediaTypes', async () => {
    const spec = [
      'openapi: 3.2.0',
      'info: { title: T, version: 1.0.0 }',
      'paths:',
      '  /s:',
      '    get:',
      "      responses: { '200': { description: ok, content: { application/x-ndjson: { $ref: '#/components/mediaTypes/Lines' } } } }",
      'components:',
      '  schemas: { Entry: { type: string } }',
      "  mediaTypes: { Lines: { itemSchema: { $ref: '#/components/schemas/Entry' } } }",
    ].join('\n');
    const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': spec });
    expect(diagnostics).toEqual([]);
    const [content] = model!.operations[0]!.responses[0]!.contents;
    expect([typeText(content!.type), content!.stream]).toEqual(['AsyncIterable<Entry>', 'jsonLines']);
  });

  it('models whole server-sent events, and says which events it cannot tell apart to parse their JSON data', async () => {
    const json =
      '{ contentMediaType: application/json, contentSchema: { type: object, properties: { n: { type: integer } } } }';
    const { contents, models, diagnostics } = await streamOf(
      '3.2.0',
      `text/event-stream:\n  itemSchema:\n    required: [data]\n    oneOf:\n      - properties: { event: { const: count }, data: ${json} }\n      - properties: { data: ${json} }\n      - properties: { event: { const: note } }`,
    );
    expect(contents).toEqual([
      ['text/event-stream', 'AsyncIterable<WatchEvent>', { reader: 'serverSentEvents', jsonData: ['count'] }],
    ]);
    expect(models['WatchEvent']).toBe(
      "| { data: { n?: number; }; event?: 'count'; id?: string; retry?: number; } | { data: string; event?: string; id?: string; retry?: number; } | { data: string; event?: 'note'; id?: string; retry?: number; }",
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'SDK3206',
        severity: 'warning',
        pointer: '/paths/~1s/get/responses/200/content/text~1event-stream/itemSchema/oneOf/1/properties/data',
      }),
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectOperations } from '../../generator/model/selectOperations';
import { generateSdk } from '../../generator/pipeline';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles } from '../support/buildFromText';
import { fixturesFolder } from '../support/fixtureSdk';

/** A document of `version` whose paths are `paths` (YAML, already indented under `paths:`). */
const documentOf = (version: string, paths: string, extra = ''): string =>
  [`openapi: ${version}`, 'info: { title: Methods, version: 1.0.0 }', 'paths:', paths, extra].join('\n');

const ok = "responses: { '204': { description: done } }";

async function build(text: string): Promise<Awaited<ReturnType<typeof buildFromFiles>>> {
  const built = await buildFromFiles({ 'openapi.yaml': text });
  expect(built.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return built;
}

const endpoints = (model: SdkModel | undefined) =>
  model!.operations.map((operation) => [operation.method, operation.path, operation.names.function]);

describe('OpenAPI 3.2 query and additionalOperations (test/fixtures/runtime/methods.yaml)', () => {
  const fixture = readFileSync(join(fixturesFolder, 'runtime', 'methods.yaml'), 'utf8');

  it('make operations that send the method as written, fixed fields first, path-item parameters and security applied', async () => {
    const { model, diagnostics } = await build(fixture);
    expect(diagnostics).toEqual([]);
    expect(endpoints(model)).toEqual([
      ['GET', '/items', 'listItems'],
      ['QUERY', '/items', 'searchItems'],
      ['GET', '/items/{id}', 'getItem'],
      ['LINK', '/items/{id}', 'linkItem'],
      // No operationId: named from method and path, as for any method.
      ['PURGE', '/items/{id}', 'purgeItemsById'],
      ['Refresh', '/cache', 'refreshCache'],
    ]);
    const [, search, , link, purge] = model!.operations;
    expect(search!.parameters.map((parameter) => [parameter.name, parameter.in])).toEqual([['tenant', 'query']]);
    expect(search!.requestBody!.required).toBe(true);
    expect(search!.pointer).toBe('/paths/~1items/query');
    expect(link!.pointer).toBe('/paths/~1items~1{id}/additionalOperations/LINK');
    expect(link!.parameters.map((parameter) => parameter.name)).toEqual(['id']);
    expect([link!.security, purge!.security]).toEqual([undefined, []]);
    expect(model!.webhooks.map((webhook) => [webhook.name, webhook.method, webhook.payload])).toEqual([
      ['itemChanged', 'POST', 'ItemChangedPostWebhook'],
      ['itemChanged', 'NOTIFY', 'ItemChangedNotifyWebhook'],
    ]);
  });

  it('show their methods as sent in the README and the JSDoc', async () => {
    const { files } = await generateSdk({
      specPath: join('runtime', 'methods.yaml'),
      cwd: fixturesFolder,
      format: false,
    });
    const text = (path: string) => files!.find((file) => file.path === path)!.content;
    for (const route of ['QUERY /items', 'LINK /items/{id}', 'PURGE /items/{id}', 'Refresh /cache']) {
      expect([route, text('README.md').includes(`\`${route}\``)]).toEqual([route, true]);
      expect([route, text('operations/default.ts').includes(` * \`${route}\``)]).toEqual([route, true]);
    }
    expect(text('README.md')).toContain('| `itemChanged` | webhook | `NOTIFY` | `ItemChangedNotifyWebhook` |');
  });

  it('are chosen by path like any operation (include/exclude)', async () => {
    const { model } = await build(fixture);
    const kept = selectOperations(model!, { exclude: { paths: ['/items'] } }).model;
    expect(endpoints(kept).map(([method]) => method)).toEqual(['GET', 'LINK', 'PURGE', 'Refresh']);
  });

  it('list the fixed fields in their order, then the additional operations in document order, whatever the YAML order', async () => {
    const { model } = await build(
      documentOf(
        '3.2.0',
        [
          '  /a:',
          '    additionalOperations:',
          `      PURGE: { ${ok} }`,
          `      M-SEARCH: { ${ok} }`,
          `      COPY: { ${ok} }`,
          `    query: { ${ok} }`,
          `    trace: { ${ok} }`,
          `    get: { ${ok} }`,
        ].join('\n'),
      ),
    );
    expect(endpoints(model)).toEqual([
      ['GET', '/a', 'getA'],
      ['TRACE', '/a', 'traceA'],
      ['QUERY', '/a', 'queryA'],
      ['PURGE', '/a', 'purgeA'],
      ['M-SEARCH', '/a', 'mSearchA'],
      ['COPY', '/a', 'copyA'],
    ]);
  });

  it("take the path item's servers and parameters, and their own, as any operation does", async () => {
    const { model } = await build(
      documentOf(
        '3.2.0',
        [
          '  /a/{id}:',
          '    servers: [{ url: https://cache.example.com }]',
          '    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
          `    query: { ${ok} }`,
          '    additionalOperations:',
          `      PURGE: { servers: [{ url: https://edge.example.com }], parameters: [{ name: hard, in: query, schema: { type: boolean } }], ${ok} }`,
        ].join('\n'),
      ),
    );
    expect(
      model!.operations.map((operation) => [
        operation.method,
        operation.servers?.map((server) => server.url),
        operation.parameters.map((parameter) => parameter.name),
      ]),
    ).toEqual([
      ['QUERY', ['https://cache.example.com'], ['id']],
      ['PURGE', ['https://edge.example.com'], ['id', 'hard']],
    ]);
  });

  it('keep derived names unique: methods that differ in case, and a name an operationId already took', async () => {
    const { model, diagnostics } = await build(
      documentOf(
        '3.2.0',
        [
          '  /a:',
          `    post: { operationId: purgeA, ${ok} }`,
          '    additionalOperations:',
          `      PURGE: { ${ok} }`,
          `      Purge: { ${ok} }`,
        ].join('\n'),
      ),
    );
    expect(endpoints(model)).toEqual([
      ['POST', '/a', 'purgeA'],
      ['PURGE', '/a', 'purgeA2'],
      ['Purge', '/a', 'purgeA3'],
    ]);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['SDK3204', 'SDK3204']);
  });

  it('warn of an additionalOperations key a fixed field covers, or that is no method name, and skip it', async () => {
    const { model, diagnostics } = await build(
      documentOf(
        '3.2.0',
        [
          '  /a:',
          `    get: { ${ok} }`,
          '    additionalOperations:',
          `      Get: { ${ok} }`,
          `      QUERY: { ${ok} }`,
          `      'NOT A METHOD': { ${ok} }`,
          `      'a/b': { ${ok} }`,
          `      LINK: { ${ok} }`,
        ].join('\n'),
      ),
    );
    expect(endpoints(model).map(([method]) => method)).toEqual(['GET', 'LINK']);
    expect(
      diagnostics.map(({ code, severity, pointer, position }) => [code, severity, pointer, position?.line]),
    ).toEqual([
      ['SDK3210', 'warning', '/paths/~1a/additionalOperations/Get', 7],
      ['SDK3210', 'warning', '/paths/~1a/additionalOperations/QUERY', 8],
      ['SDK3211', 'warning', '/paths/~1a/additionalOperations/NOT A METHOD', 9],
      ['SDK3211', 'warning', '/paths/~1a/additionalOperations/a~1b', 10],
    ]);
    expect(diagnostics[0]).toMatchObject({
      file: expect.stringContaining('openapi.yaml'),
      position: { line: 7, column: expect.any(Number) },
      hint: "Remove the entry: the path item's `get` field already holds the GET operation.",
    });
    expect(diagnostics[1]!.hint).toBe("Move the operation to the path item's `query` field.");
    expect(diagnostics[2]!.message).toContain('"NOT A METHOD" is not an HTTP method name');
  });

  it('keep a CONNECT or TRACK operation, with a warning that platform fetch refuses to send it', async () => {
    const { model, diagnostics } = await build(
      documentOf(
        '3.2.0',
        ['  /a:', '    additionalOperations:', `      TRACK: { ${ok} }`, `      connect: { ${ok} }`].join('\n'),
      ),
    );
    expect(endpoints(model).map(([method]) => method)).toEqual(['TRACK', 'connect']);
    expect(diagnostics.map(({ code, pointer }) => [code, pointer])).toEqual([
      ['SDK3213', '/paths/~1a/additionalOperations/TRACK'],
      ['SDK3213', '/paths/~1a/additionalOperations/connect'],
    ]);
    // What the warning says: the platform's fetch throws before sending anything.
    await expect(fetch('http://127.0.0.1:9/', { method: 'TRACK' })).rejects.toMatchObject({ name: 'TypeError' });
  });

  it.each(['3.1.0', '3.0.3'])(
    'in a %s document, ignore query and additionalOperations with a warning that says how to use them',
    async (version) => {
      const callback = [
        'webhooks:',
        '  ping:',
        `    query: { ${ok} }`,
        'components:',
        '  callbacks:',
        '    done:',
        "      '{$request.body#/url}':",
        `        additionalOperations: { NOTIFY: { ${ok} } }`,
      ].join('\n');
      const { model, diagnostics } = await build(
        documentOf(
          version,
          [
            '  /a:',
            `    get: { ${ok}, callbacks: { done: { $ref: '#/components/callbacks/done' } } }`,
            `    query: { ${ok} }`,
            `    additionalOperations: { LINK: { ${ok} } }`,
          ].join('\n'),
          callback,
        ),
      );
      expect(endpoints(model)).toEqual([['GET', '/a', 'getA']]);
      expect(model!.webhooks).toEqual([]);
      const pointers = [
        '/paths/~1a/query',
        '/paths/~1a/additionalOperations',
        '/components/callbacks/done/{$request.body#~1url}/additionalOperations',
        '/webhooks/ping/query',
      ];
      expect(diagnostics.map(({ code, severity, pointer }) => [code, severity, pointer])).toEqual(
        pointers.map((pointer) => ['SDK3212', 'warning', pointer]),
      );
      expect(diagnostics[0]).toMatchObject({
        message: `\`query\` is a Path Item field of OpenAPI 3.2; this is a ${version.slice(0, 3)} document, so it is ignored.`,
        hint: 'Set `openapi: 3.2.0` at the top of the document to use it.',
        position: { line: 6 },
      });
    },
  );
});

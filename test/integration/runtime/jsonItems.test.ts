import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fixturesFolder } from '../../support/fixtureSdk';
import { generateInto, type GeneratedSdk } from '../../support/generateInto';
import { listenOnLoopback, type Listening } from '../../support/loopback';
import { typecheck } from '../../support/typecheck';

/** What the server received of one request. */
interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** How the server answers a request, once it has read the whole body. */
type Answer = (response: ServerResponse) => void;

/** A promise and what settles it, for a step that waits for another. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const ok: Answer = (response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"received":1}');
};

const unavailable: Answer = (response) => {
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
  response.end('{}');
};

/** Compile-time checks of the SDK generated with `dates: 'Date'`; each `@ts-expect-error` must be needed. */
const check = `
  import { createClient, type BulkImportArgs, type Event, type RowInput } from './index.js';
  export async function check(rows: AsyncIterable<RowInput>): Promise<number> {
    const client = createClient();
    const sent = await client.bulkImport({ body: [{ id: 'a', at: new Date() }, { id: 'b', at: '2026-01-01T00:00:00Z' }] });
    await client.bulkImport({ body: rows });
    await client.bulkImport({ body: new Set([{ id: 'c' }]) });
    await client.bulkImport({ body: (function* () { yield { id: 'd' }; })() });
    // Bytes already encoded, as before the items were typed.
    await client.bulkImport({ body: '{"id":"e"}\\n' });
    await client.bulkImport({ body: new Uint8Array([123, 125, 10]) });
    await client.bulkImport({ body: new Blob(['{}\\n']) });
    await client.ingestEvents({ body: (async function* (): AsyncGenerator<Event> { yield { kind: 'click' }; })() });
    await client.uploadRaw({ body: '{}\\n' });
    await client.uploadRaw();
    // @ts-expect-error an item is a Row: its id is a string
    await client.bulkImport({ body: [{ id: 1 }] });
    // @ts-expect-error an item's required id is missing
    await client.bulkImport({ body: [{ at: new Date() }] });
    // @ts-expect-error seq is readOnly: a request leaves it out
    await client.bulkImport({ body: [{ id: 'a', seq: 1 }] });
    // @ts-expect-error the items of an async iterable are typed too
    await client.ingestEvents({ body: (async function* () { yield { kind: 'scroll' }; })() });
    // @ts-expect-error one item is not the items
    await client.bulkImport({ body: { id: 'a' } });
    // @ts-expect-error a body nothing describes takes bytes only
    await client.uploadRaw({ body: [{ id: 'a' }] });
    const body: BulkImportArgs['body'] = [];
    return sent.received + (body ? 1 : 0);
  }`;

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time and type-checked below. */
describe('request bodies of items: JSON lines and JSON text sequences (test/fixtures/runtime/jsonItems.yaml, ndjson30.yaml)', () => {
  let listening: Listening;
  let generated: GeneratedSdk;
  let older: GeneratedSdk;
  let sdk: any;
  let sdk30: any;
  const received: Received[] = [];
  /** How to answer each next request; an unexpected one gets a 500. */
  const answers: Answer[] = [];
  /** Told of each chunk of a body as it arrives. */
  let onChunk: ((text: string) => void) | undefined;

  beforeAll(async () => {
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => {
        body += chunk;
        onChunk?.(chunk);
      });
      request.on('end', () => {
        received.push({
          method: request.method,
          url: request.url,
          contentType: request.headers['content-type'],
          body,
        });
        (answers.shift() ?? ((answer) => answer.writeHead(500).end()))(response);
      });
    });
    listening = await listenOnLoopback(server);
    const folder = join(fixturesFolder, 'runtime');
    [generated, older] = await Promise.all([
      generateInto({ specPath: join(folder, 'jsonItems.yaml'), cwd: folder, options: { dates: 'Date' } }),
      generateInto({ specPath: join(folder, 'ndjson30.yaml'), cwd: folder }),
    ]);
    if (!generated.folder || !older.folder) throw new Error(JSON.stringify([generated.diagnostics, older.diagnostics]));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require(join(generated.folder, 'index.ts'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk30 = require(join(older.folder, 'index.ts'));
  });
  afterAll(async () => {
    await listening.close();
    generated.cleanup();
    older.cleanup();
  });
  beforeEach(() => {
    received.length = 0;
    answers.length = 0;
    onChunk = undefined;
  });

  const client = (options: object = {}): any => sdk.createClient({ baseUrl: listening.url, ...options });

  it('compiles under strict settings: items typed by their schema in their request form, bytes still taken', () => {
    writeFileSync(join(generated.folder!, 'check.ts'), check);
    expect(typecheck(generated.folder!, [join(generated.folder!, 'check.ts')]).errors).toEqual([]);
  });

  it('sends an array as JSON lines, one JSON text per line, dates as their ISO text', async () => {
    answers.push(ok);
    const rows = [{ id: 'a', at: new Date('2026-01-02T03:04:05.000Z') }, { id: 'b\nc' }, { id: 'd', at: 'soon' }];
    expect(await client().bulkImport({ body: rows })).toEqual({ received: 1 });
    expect(received).toEqual([
      {
        method: 'POST',
        url: '/bulk',
        contentType: 'application/jsonl',
        body: '{"id":"a","at":"2026-01-02T03:04:05.000Z"}\n{"id":"b\\nc"}\n{"id":"d","at":"soon"}\n',
      },
    ]);
  });

  it('sends a JSON text sequence with a record separator before each item (RFC 7464)', async () => {
    answers.push(ok);
    await client().ingestEvents({ body: new Set([{ kind: 'click' }, { kind: 'view', count: 2 }]) });
    expect(received).toEqual([
      {
        method: 'POST',
        url: '/events',
        contentType: 'application/json-seq',
        body: '\u001e{"kind":"click"}\n\u001e{"kind":"view","count":2}\n',
      },
    ]);
  });

  it('streams the items of an async iterable as it yields them', async () => {
    answers.push(ok);
    const firstArrived = deferred<string>();
    onChunk = (text) => firstArrived.resolve(text);
    let seenBeforeLast: string | undefined;
    async function* rows(): AsyncGenerator<object> {
      yield { id: 'first' };
      // The server must have the first line before the last one exists: the body was not gathered first.
      seenBeforeLast = await firstArrived.promise;
      yield { id: 'last', at: new Date('2026-01-02T03:04:05.000Z') };
    }
    await client().bulkImport({ body: rows() });
    expect(seenBeforeLast).toBe('{"id":"first"}\n');
    expect(received).toEqual([
      {
        method: 'POST',
        url: '/bulk',
        contentType: 'application/jsonl',
        body: '{"id":"first"}\n{"id":"last","at":"2026-01-02T03:04:05.000Z"}\n',
      },
    ]);
  });

  it('retries an array with the same bytes, and sends an async iterable once', async () => {
    answers.push(unavailable, ok);
    await client().bulkImport({ body: [{ id: 'a' }, { id: 'b' }] }, { retry: 1 });
    expect(received.map(({ body }) => body)).toEqual(['{"id":"a"}\n{"id":"b"}\n', '{"id":"a"}\n{"id":"b"}\n']);

    received.length = 0;
    answers.push(unavailable, ok);
    async function* rows(): AsyncGenerator<object> {
      yield { id: 'a' };
    }
    const error = await client()
      .bulkImport({ body: rows() }, { retry: 1 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(sdk.ApiError);
    expect(error.status).toBe(503);
    expect(received.map(({ body }) => body)).toEqual(['{"id":"a"}\n']);
  });

  it('rejects an item JSON cannot encode with its TypeError, sending nothing', async () => {
    const error = await client()
      .bulkImport({ body: [{ id: 'a' }, { id: 'b', count: 1n }] })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/BigInt/);
    // The next call is the first the server sees.
    answers.push(ok);
    await client().bulkImport({ body: [{ id: 'c' }] });
    expect(received.map(({ body }) => body)).toEqual(['{"id":"c"}\n']);
  });

  it('fails the call as a broken send when an async item cannot be encoded, with the error as the cause', async () => {
    async function* rows(): AsyncGenerator<object> {
      yield { id: 'a' };
      yield { id: 'b', count: 1n };
    }
    const error = await client()
      .bulkImport({ body: rows() }, { retry: 2 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(sdk.NetworkError);
    // Node.js's fetch fails with its own TypeError, whose cause is the item's (here from jest's realm, so wrapped).
    const causes: { name: string; message: string }[] = [];
    for (let cause = error.cause; cause; cause = cause.cause) causes.push(cause);
    expect(causes.at(-1)?.message).toMatch(/serialize a BigInt/);
  });

  it('closes the async iterable when the call is aborted, reading no item more', async () => {
    const firstArrived = deferred<void>();
    onChunk = () => firstArrived.resolve();
    const gate = deferred<void>();
    const closed = deferred<void>();
    const reached: string[] = [];
    async function* rows(): AsyncGenerator<object> {
      try {
        for (const id of ['a', 'b', 'c', 'd']) {
          reached.push(id);
          yield { id };
          if (id === 'a') await gate.promise;
        }
      } finally {
        closed.resolve();
      }
    }
    const controller = new AbortController();
    const call = client()
      .bulkImport({ body: rows() }, { signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    await firstArrived.promise;
    controller.abort();
    expect(await call).toBeInstanceOf(sdk.AbortError);
    // The generator was busy (waiting after its first item): it is closed at its next step.
    gate.resolve();
    await closed.promise;
    expect(reached).toEqual(['a', 'b']);
  });

  it('sends bytes already encoded as they are', async () => {
    answers.push(
      ok,
      ok,
      (response) => response.writeHead(204).end(),
      (response) => response.writeHead(204).end(),
    );
    await client().bulkImport({ body: '{"id":"a"}\r\n{"id":"b"}' });
    await client().ingestEvents({ body: new TextEncoder().encode('\u001e1\n') });
    await client().uploadRaw({ body: '{"free":"form"}\n' });
    await client().uploadRaw();
    expect(received.map(({ contentType, body }) => [contentType, body])).toEqual([
      ['application/jsonl', '{"id":"a"}\r\n{"id":"b"}'],
      ['application/json-seq', '\u001e1\n'],
      ['application/x-ndjson', '{"free":"form"}\n'],
      [undefined, ''],
    ]);
  });

  it('takes the schema of a JSON lines body before OpenAPI 3.2 as each item', async () => {
    answers.push(
      (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"errors":false}'),
      (response) => response.writeHead(204).end(),
    );
    const older = sdk30.createClient({ baseUrl: listening.url });
    const actions = [{ index: { _id: '1' } }, { doc: { title: 'x' } }];
    expect(await older.bulk({ body: actions })).toEqual({ errors: false });
    await older.putVectors({ body: [[1, 2], [3]] });
    expect(received.map(({ url, contentType, body }) => [url, contentType, body])).toEqual([
      ['/_bulk', 'application/x-ndjson', '{"index":{"_id":"1"}}\n{"doc":{"title":"x"}}\n'],
      ['/vectors', 'application/x-ndjson', '[1,2]\n[3]\n'],
    ]);
  });
});

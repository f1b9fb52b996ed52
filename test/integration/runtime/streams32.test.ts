import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFixture } from '../../support/runtimeFixture';

/** How the server answers the next request. */
type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('streams an OpenAPI 3.2 itemSchema describes (test/fixtures/runtime/streams32.yaml)', () => {
  let server: Server;
  let handle: Handler;
  let sdk: any;
  let cleanup: () => void;
  let client: any;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => handle(request, body, response));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    ({ sdk, cleanup } = await loadFixture<any>('runtime/streams32.yaml'));
    client = sdk.createClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    cleanup();
  });

  async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
    const items: unknown[] = [];
    for await (const item of stream) items.push(item);
    return items;
  }

  /** Answers with `chunks` written one by one, each after the last is flushed. */
  function answer(contentType: string, chunks: readonly string[]): Handler {
    return (_, __, response) => {
      response.writeHead(200, { 'content-type': contentType });
      const write = (index: number): void => {
        if (index === chunks.length) response.end();
        else response.write(chunks[index]!, () => write(index + 1));
      };
      write(0);
    };
  }

  it('yields whole events, parsing the data of the events whose schema says it is JSON', async () => {
    let seen: { method?: string | undefined; accept?: string | undefined; body?: string } = {};
    const events = answer('text/event-stream', [
      'event: delta\nid: 1\ndata: {"text":"Hel"}\n\n',
      ': a comment\nevent: ping\ndata: {"not":"parsed"}\nretry: 5000\nunknown: skipped\n\n',
      'event: delta\ndata: {"text":',
      '"lo"}\n\nevent: done\ndata: [DONE]\n\n',
    ]);
    handle = (request, body, response) => {
      seen = { method: request.method, accept: request.headers.accept, body };
      events(request, body, response);
    };
    expect(await collect(await client.chat({ body: { prompt: 'hi' } }))).toEqual([
      { event: 'delta', id: '1', data: { text: 'Hel' } },
      { event: 'ping', data: '{"not":"parsed"}', retry: 5000 },
      { event: 'delta', data: { text: 'lo' } },
      { event: 'done', data: '[DONE]' },
    ]);
    expect(seen).toEqual({ method: 'POST', accept: 'text/event-stream', body: '{"prompt":"hi"}' });
  });

  it('reads every event as the HTML standard says: ids with NUL and retries that are not digits are dropped', async () => {
    handle = answer('text/event-stream', [
      'id: a\0b\nretry: soon\nevent:\ndata: {"level":1,\ndata: "message":"two lines"}\n\n',
      'id: 7\nretry: 10\ndata: {"level":2,"message":"last"}\n\n',
      'data: [DONE]\n\ndata: {"level":3,"message":"after the end"}\n\n',
    ]);
    expect(await collect(await client.watchUpdates())).toEqual([
      { data: { level: 1, message: 'two lines' } },
      { id: '7', retry: 10, data: { level: 2, message: 'last' } },
    ]);
  });

  it('hands text data over as sent, and fails with an SdkError for JSON data that is not JSON', async () => {
    handle = answer('text/event-stream', ['data: first\ndata: second\n\nevent: note\ndata: {not json\n\n']);
    expect(await collect(await client.watchNotes())).toEqual([
      { data: 'first\nsecond' },
      { event: 'note', data: '{not json' },
    ]);
    handle = answer('text/event-stream', ['data: {not json\n\n']);
    await expect(collect(await client.watchUpdates())).rejects.toBeInstanceOf(sdk.SdkError);
  });

  it('reads JSON lines and JSON text sequences by the content type the response comes as', async () => {
    handle = answer('application/jsonl', ['{"level":1,"message":"a"}\n{"level":2,', '"message":"b"}\n']);
    expect(await collect(await client.tailLogs())).toEqual([
      { level: 1, message: 'a' },
      { level: 2, message: 'b' },
    ]);
    // RFC 7464: a record separator before each value; a record split across writes waits for its end.
    handle = answer('application/json-seq', [
      '\u001e{"level":1,"message":"a\\nb"}\n\u001e{"level":',
      '2,"message":"c"}\n',
      '\u001e3\n',
    ]);
    expect(await collect(await client.tailLogs())).toEqual([
      { level: 1, message: 'a\nb' },
      { level: 2, message: 'c' },
      3,
    ]);
    handle = answer('application/json-seq', ['\u001e{"level":1}\n\u001e{cut']);
    await expect(collect(await client.tailLogs())).rejects.toBeInstanceOf(sdk.SdkError);
  });

  it('streams the items of a sequence whose schema describes the whole as an array', async () => {
    handle = answer('application/x-ndjson', ['{"level":1,"message":"a"}\n\n{"level":2,"message":"b"}']);
    expect(await collect(await client.logExcerpt())).toEqual([
      { level: 1, message: 'a' },
      { level: 2, message: 'b' },
    ]);
  });
});

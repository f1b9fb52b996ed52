import { getEventListeners, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFixture } from '../../support/runtimeFixture';

/** How the server answers the next request: it writes the stream itself, and may keep it open. */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const eventStream = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('server-sent events (test/fixtures/runtime/events.yaml)', () => {
  let server: Server;
  let handle: Handler;
  let closed: Promise<void>;
  let sdk: any;
  let cleanup: () => void;
  let client: any;

  beforeAll(async () => {
    server = createServer((request, response) => {
      closed = once(response, 'close').then(() => undefined);
      handle(request, response);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    ({ sdk, cleanup } = await loadFixture<any>('runtime/events.yaml'));
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

  it('resolves once the response starts, then yields each event as it arrives, parsed as JSON', async () => {
    let request: IncomingMessage | undefined;
    let send: (text: string) => void = () => {};
    handle = (incoming, response) => {
      request = incoming;
      response.writeHead(200, eventStream);
      response.flushHeaders();
      send = (text) => (text ? response.write(text) : response.end());
    };
    const stream: AsyncIterable<unknown> = await client.streamTicks({ from: 1 });
    expect([request!.url, request!.headers.accept]).toEqual(['/ticks?from=1', 'text/event-stream']);
    const iterator = stream[Symbol.asyncIterator]();
    const first = iterator.next();
    send(': a comment, then the first event split across writes\ndata: {"type":"tick",');
    send('"n":1}\r');
    send('\n\r\n');
    expect(await first).toEqual({ done: false, value: { type: 'tick', n: 1 } });
    // Several data lines join with a line feed; an event without data and other fields are skipped.
    send('event: tick\nid: 2\ndata: {"type":"tick",\ndata: "n":2}\n\nevent: nothing\n\n');
    send('data: {"type":"tick","n":3}\n\n');
    send('');
    expect(await collect({ [Symbol.asyncIterator]: () => iterator })).toEqual([
      { type: 'tick', n: 2 },
      { type: 'tick', n: 3 },
    ]);
  });

  it('yields text as sent when the schema says the data is a string; a half-sent last event is dropped', async () => {
    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.end('data: first line\ndata:second line\n\ndata: [DONE]\n\ndata: é\n\ndata: cut off');
    };
    expect(await collect(await client.streamLines())).toEqual(['first line\nsecond line', '[DONE]', 'é']);
  });

  it('ends a JSON stream at [DONE]', async () => {
    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.end('data: {"type":"tick","n":1}\n\ndata: [DONE]\n\ndata: {"type":"tick","n":2}\n\n');
    };
    expect(await collect(await client.streamTicks())).toEqual([{ type: 'tick', n: 1 }]);
  });

  it('closes the connection when the caller leaves the loop', async () => {
    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.write('data: {"type":"tick","n":1}\n\n');
    };
    for await (const tick of await client.streamTicks()) {
      expect(tick).toEqual({ type: 'tick', n: 1 });
      break;
    }
    await closed; // The test times out if the connection stays open.
  });

  it('ends with an AbortError when the caller aborts, and the timeout does not cut a stream that started', async () => {
    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.write('data: {"type":"tick","n":1}\n\n');
      setTimeout(() => response.write('data: {"type":"tick","n":2}\n\n'), 150);
    };
    const controller = new AbortController();
    const seen: unknown[] = [];
    const reading = (async () => {
      for await (const tick of await client.streamTicks({}, { signal: controller.signal, timeout: 50 })) {
        seen.push(tick);
        if (seen.length === 2) controller.abort(new Error('enough'));
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(sdk.AbortError);
    await expect(reading).rejects.toMatchObject({ cause: new Error('enough') });
    expect(seen).toEqual([
      { type: 'tick', n: 1 },
      { type: 'tick', n: 2 },
    ]);
    await closed;
  });

  it('listens to the caller’s signal only while the stream is read: none held by a stream never read', async () => {
    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.write('data: {"type":"tick","n":1}\n\n');
    };
    const controller = new AbortController();
    const stream: AsyncIterable<unknown> = await client.streamTicks({}, { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { type: 'tick', n: 1 } });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    const next = iterator.next();
    controller.abort(new Error('enough'));
    await expect(next).rejects.toBeInstanceOf(sdk.AbortError);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await closed;
  });

  it('ends a stream whose call’s signal aborted before its first read with an AbortError', async () => {
    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.write('data: {"type":"tick","n":1}\n\n');
    };
    const controller = new AbortController();
    const stream: AsyncIterable<unknown> = await client.streamTicks({}, { signal: controller.signal });
    controller.abort(new Error('too late'));
    const failure = await collect(stream).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(sdk.AbortError);
    expect(failure).toMatchObject({ cause: new Error('too late') });
    await closed;
  });

  it('closes the connection of a stream when an onResponse hook throws, and the call rejects', async () => {
    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.write('data: {"type":"tick","n":1}\n\n');
    };
    let seen: Response | undefined;
    const hooked = sdk.createClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      onResponse: ({ response }: { response: Response }) => {
        seen = response;
        throw new Error('refused by the hook');
      },
    });
    const error = await hooked.streamTicks({}, { retry: false }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(sdk.SdkError);
    expect(error.cause).toEqual(new Error('refused by the hook'));
    // The body was cancelled: it ends at once, without the event the server sent.
    expect(await seen!.body!.getReader().read()).toEqual({ done: true, value: undefined });
    await closed;
  });

  it('rejects with the typed ApiError for a documented error status, read as JSON', async () => {
    handle = (_, response) => {
      response.writeHead(429, { 'content-type': 'application/json' });
      response.end('{"message":"slow down"}');
    };
    const error = await client.streamTicks({}, { retry: false }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(sdk.ApiError);
    expect([error.status, error.body]).toEqual([429, { message: 'slow down' }]);
  });

  it('fails with a NetworkError when the connection breaks, and an SdkError for data that is not JSON', async () => {
    handle = (request, response) => {
      response.writeHead(200, eventStream);
      response.write('data: {"type":"tick","n":1}\n\n', () => setTimeout(() => request.socket.destroy(), 20));
    };
    const seen: unknown[] = [];
    const broken = (async () => {
      for await (const tick of await client.streamTicks()) seen.push(tick);
    })();
    await expect(broken).rejects.toBeInstanceOf(sdk.NetworkError);
    expect(seen).toEqual([{ type: 'tick', n: 1 }]);

    handle = (_, response) => {
      response.writeHead(200, eventStream);
      response.end('data: not json\n\n');
    };
    const invalid = collect(await client.streamTicks());
    await expect(invalid).rejects.toBeInstanceOf(sdk.SdkError);
    await expect(invalid).rejects.toThrow('streamTicks (GET /ticks): the stream sent data that is not valid JSON.');
  });

  it('JSON lines: each line parsed as it arrives, blank lines skipped, a line that is not JSON an SdkError', async () => {
    let send: (text: string) => void = () => {};
    handle = (request, response) => {
      expect(request.headers.accept).toBe('application/x-ndjson');
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.flushHeaders();
      send = (text) => (text ? response.write(text) : response.end());
    };
    const iterator = (await client.streamLogs())[Symbol.asyncIterator]();
    const first = iterator.next();
    send('{"level":"info",');
    send('"text":"started"}\r\n\n');
    expect(await first).toEqual({ done: false, value: { level: 'info', text: 'started' } });
    send('{"level":"error","text":"failed"}\n');
    send('');
    expect(await collect({ [Symbol.asyncIterator]: () => iterator })).toEqual([{ level: 'error', text: 'failed' }]);

    handle = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end('{"level":"info","text":"a"}\nnot json\n');
    };
    const invalid = collect(await client.streamLogs());
    await expect(invalid).rejects.toThrow('streamLogs (GET /logs): the stream sent data that is not valid JSON.');
  });

  it('reads JSON as JSON and a stream as a stream when the operation offers both', async () => {
    handle = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('[{"type":"tick","n":1}]');
    };
    expect(await client.getTicks()).toEqual([{ type: 'tick', n: 1 }]);
    handle = (request, response) => {
      expect(request.headers.accept).toBe('application/json, text/event-stream');
      response.writeHead(200, eventStream);
      response.end('data: {"type":"tick","n":5}\n\n');
    };
    expect(await collect(await client.getTicks())).toEqual([{ type: 'tick', n: 5 }]);
  });
});

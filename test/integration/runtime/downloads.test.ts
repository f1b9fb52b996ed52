import { createHash } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { generateInto } from '../../support/generateInto';
import { fixturesFolder } from '../../support/fixtureSdk';

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A body the server sends in chunks of 64 KiB, holding back all but the first until `release()`. */
interface HeldBody {
  readonly handler: Handler;
  /** Lets the server send the rest of the body. */
  readonly release: () => void;
  /** Chunks written so far. */
  readonly written: () => number;
  /** Resolves once the server ended the body, or the connection closed before. */
  readonly finished: Promise<'ended' | 'closed'>;
  readonly sha256: string;
  readonly bytes: number;
}

const chunkSize = 64 * 1024;

function heldBody(chunks: number): HeldBody {
  const all = Array.from({ length: chunks }, (_, index) => Buffer.alloc(chunkSize, index % 251));
  const sha256 = createHash('sha256').update(Buffer.concat(all)).digest('hex');
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let written = 0;
  let finish!: (how: 'ended' | 'closed') => void;
  const finished = new Promise<'ended' | 'closed'>((resolve) => (finish = resolve));
  const handler: Handler = async (_, response) => {
    response.on('close', () => finish(response.writableEnded ? 'ended' : 'closed'));
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.write(all[0]);
    written = 1;
    await released;
    // Written as the client reads them; a closed connection ends the pipeline.
    function* rest(): Generator<Buffer> {
      for (const chunk of all.slice(1)) {
        written++;
        yield chunk;
      }
    }
    await pipeline(Readable.from(rest()), response).catch(() => undefined);
  };
  return { handler, release, written: () => written, finished, sha256, bytes: chunks * chunkSize };
}

/** Reads a stream to its end: its bytes' sha256, their count and the number of chunks. */
async function digest(body: ReadableStream<Uint8Array>): Promise<{ sha256: string; bytes: number; chunks: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let chunks = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    bytes += chunk.length;
    chunks++;
  }
  return { sha256: hash.digest('hex'), bytes, chunks };
}

const json = (status: number, body: unknown): Handler => {
  return (_, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
};

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('asResponse(): the raw Response, its body unread (test/fixtures/runtime/downloads.yaml)', () => {
  let server: Server;
  let url: string;
  let sdk: any;
  let cleanup: () => void;
  const handlers: Handler[] = [];
  const requests: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

  beforeAll(async () => {
    const generated = await generateInto({
      specPath: join(fixturesFolder, 'runtime', 'downloads.yaml'),
      cwd: fixturesFolder,
      options: { dates: 'Date' },
    });
    if (!generated.folder) throw new Error(JSON.stringify(generated.diagnostics));
    cleanup = generated.cleanup;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require(join(generated.folder, 'index.ts'));
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      const handler = handlers.shift();
      if (handler) void handler(request, response);
      else json(500, { message: 'no reply set' })(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    cleanup();
  });
  beforeEach(() => {
    handlers.length = 0;
    requests.length = 0;
  });
  afterEach(async () => {
    // A rejection no one handles is reported once the microtasks and pending I/O callbacks have run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled.splice(0)).toEqual([]);
  });

  const client = (options: object = {}): any =>
    sdk.createClient({ baseUrl: url, retry: { delay: 1, maxDelay: 1 }, ...options });
  const rejection = async (promise: Promise<unknown>): Promise<any> =>
    promise.then(
      () => {
        throw new Error('it resolved');
      },
      (error: unknown) => error,
    );

  it('resolves once the headers arrive, before the server has sent the body, which streams chunk by chunk', async () => {
    const body = heldBody(256); // 16 MiB
    handlers.push(body.handler);
    const response: Response = await client().downloadFile({ id: 'big' }).asResponse();
    // The server still holds back all but its first chunk: the SDK resolved without reading to the end.
    expect([response.status, response.bodyUsed, body.written()]).toEqual([200, false, 1]);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.url).toBe(`${url}/files/big`);
    body.release();
    const read = await digest(response.body!);
    expect([read.sha256, read.bytes]).toEqual([body.sha256, body.bytes]);
    expect(read.chunks).toBeGreaterThan(1);
    expect(await body.finished).toBe('ended');
  });

  it('awaiting the same operation still reads the whole body into a Blob', async () => {
    const body = heldBody(4);
    body.release();
    handlers.push(body.handler);
    const blob: Blob = await client().downloadFile({ id: 'small' });
    expect(blob).toBeInstanceOf(Blob);
    expect(
      createHash('sha256')
        .update(Buffer.from(await blob.arrayBuffer()))
        .digest('hex'),
    ).toBe(body.sha256);
  });

  it('a status that is not a success rejects with the ApiError awaiting the call gives, its body read', async () => {
    handlers.push(json(404, { message: 'no such file' }));
    const call = client().downloadFile({ id: 'gone' });
    const error = await rejection(call.asResponse());
    expect(error).toBeInstanceOf(sdk.ApiError);
    expect(sdk.isApiErrorOf(error, 'downloadFile')).toBe(true);
    expect([error.status, error.body]).toEqual([404, { message: 'no such file' }]);
    expect(await rejection(call)).toBe(error);
    expect(await rejection(call.withResponse())).toBe(error);
    expect(requests).toEqual(['GET /files/gone']);
  });

  it('retries before the response as the call would, then hands over the unread body', async () => {
    const body = heldBody(2);
    handlers.push(json(503, { message: 'busy' }), body.handler);
    const response: Response = await client().downloadFile({ id: 'a' }).asResponse();
    expect([response.status, body.written()]).toEqual([200, 1]);
    expect(requests).toEqual(['GET /files/a', 'GET /files/a']);
    body.release();
    expect((await digest(response.body!)).sha256).toBe(body.sha256);
  });

  it('runs the hooks and sends the credentials and headers as for any call', async () => {
    const body = heldBody(1);
    body.release();
    const seen: string[] = [];
    handlers.push((request, response) => {
      seen.push(String(request.headers['accept']), String(request.headers['x-trace']));
      return body.handler(request, response);
    });
    const response: Response = await client({
      onResponse: ({ response }: { response: Response }) => void seen.push(`hook ${response.status}`),
    })
      .downloadFile({ id: 'a' }, { headers: { 'x-trace': 't1' } })
      .asResponse();
    expect(seen).toEqual(['application/octet-stream', 't1', 'hook 200']);
    expect((await digest(response.body!)).bytes).toBe(body.bytes);
  });

  describe('timeout and signal', () => {
    it('the timeout covers the wait for the response', async () => {
      handlers.push(() => undefined); // never answers
      const error = await rejection(client().downloadFile({ id: 'slow' }, { timeout: 20 }).asResponse());
      expect(error).toBeInstanceOf(sdk.TimeoutError);
    });

    it('but not the read of the body: a body read after the timeout has run out arrives whole', async () => {
      const body = heldBody(8);
      handlers.push(body.handler);
      // Long enough for the headers to arrive on a loaded machine (the timeout covers their wait), then run out.
      const response: Response = await client().downloadFile({ id: 'a' }, { timeout: 500 }).asResponse();
      // Timers fire in order: once this one has, the call's 500 ms have run out.
      await new Promise((resolve) => setTimeout(resolve, 500));
      body.release();
      expect((await digest(response.body!)).sha256).toBe(body.sha256);
    });

    it("the call's signal aborts the body's read with the call's AbortError, and the connection closes", async () => {
      const body = heldBody(64);
      handlers.push(body.handler);
      const controller = new AbortController();
      const response: Response = await client().downloadFile({ id: 'a' }, { signal: controller.signal }).asResponse();
      const reader = response.body!.getReader();
      expect((await reader.read()).value!.length).toBeGreaterThan(0);
      controller.abort('the user left');
      const error = await rejection(reader.read());
      expect(error).toBeInstanceOf(sdk.AbortError);
      expect(error.cause).toBe('the user left');
      expect(await body.finished).toBe('closed');
      expect(response.url).toBe(`${url}/files/a`);
    });

    it("fails the read with the call's AbortError where fetch fails its body with a copy of the reason (workerd)", async () => {
      const body = heldBody(64);
      handlers.push(body.handler);
      // workerd errors the body of a fetch its signal aborted with a new Error of the reason's message.
      const copying = async (input: string, init: RequestInit): Promise<Response> => {
        const response = await fetch(input, init);
        const reader = response.body!.getReader();
        const copy = new ReadableStream<Uint8Array>({
          pull: (controller) =>
            reader.read().then(
              (chunk) => (chunk.done ? controller.close() : controller.enqueue(chunk.value)),
              (error: Error) => controller.error(new Error(error.message)),
            ),
          cancel: (reason) => reader.cancel(reason),
        });
        return new Response(copy, response);
      };
      const controller = new AbortController();
      const response: Response = await client({ fetch: copying })
        .downloadFile({ id: 'a' }, { signal: controller.signal })
        .asResponse();
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort('the user left');
      const error = await rejection(reader.read());
      expect(error).toBeInstanceOf(sdk.AbortError);
      expect(error.cause).toBe('the user left');
      expect(await body.finished).toBe('closed');
    });

    it('listens to the signal while the body is read, and no longer once it ended or was cancelled', async () => {
      const controller = new AbortController();
      const listeners = (): number => getEventListeners(controller.signal, 'abort').length;
      const whole = heldBody(4);
      handlers.push(whole.handler);
      const response: Response = await client().downloadFile({ id: 'a' }, { signal: controller.signal }).asResponse();
      expect(listeners()).toBe(1);
      whole.release();
      expect((await digest(response.body!)).sha256).toBe(whole.sha256);
      expect(listeners()).toBe(0);

      const cancelled = heldBody(4);
      handlers.push(cancelled.handler);
      const other: Response = await client().downloadFile({ id: 'b' }, { signal: controller.signal }).asResponse();
      expect(listeners()).toBe(1);
      await other.body!.cancel();
      expect(listeners()).toBe(0);
      expect(await cancelled.finished).toBe('closed');
    });

    it("a connection that breaks during the read fails it with fetch's error, and the signal is let go", async () => {
      const controller = new AbortController();
      handlers.push((_, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1000' });
        response.write(Buffer.alloc(10));
        setImmediate(() => response.destroy());
      });
      const response: Response = await client().downloadFile({ id: 'a' }, { signal: controller.signal }).asResponse();
      const error = await rejection(digest(response.body!));
      expect(error.name).toBe('TypeError'); // from fetch's realm, not jest's
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    });

    it('a signal aborted while waiting for the response rejects with an AbortError', async () => {
      handlers.push(() => undefined);
      const controller = new AbortController();
      const call = client().downloadFile({ id: 'a' }, { signal: controller.signal }).asResponse();
      await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      expect(await rejection(call)).toBeInstanceOf(sdk.AbortError);
    });
  });

  describe('the three ways on one call', () => {
    it('asResponse() takes the body: awaiting the call or withResponse() then rejects with an SdkError, one request sent', async () => {
      const body = heldBody(2);
      body.release();
      handlers.push(body.handler);
      const call = client().downloadFile({ id: 'a' });
      const response: Response = await call.asResponse();
      const error = await rejection(call);
      expect(error).toBeInstanceOf(sdk.SdkError);
      expect(error.message).toMatch(/asResponse\(\)/);
      expect(await rejection(call.withResponse())).toBe(error);
      // Asked again, it gives the same Response, still unread.
      expect(await call.asResponse()).toBe(response);
      expect((await digest(response.body!)).sha256).toBe(body.sha256);
      expect(requests).toEqual(['GET /files/a']);
    });

    it('asResponse() after the data was read gives the same Response, its body used', async () => {
      const body = heldBody(2);
      body.release();
      handlers.push(body.handler);
      const call = client().downloadFile({ id: 'a' });
      const blob: Blob = await call;
      expect(blob.size).toBe(body.bytes);
      const { data, response } = await call.withResponse();
      expect(data).toBe(blob);
      const raw: Response = await call.asResponse();
      expect(raw).toBe(response);
      expect([raw.status, raw.bodyUsed]).toEqual([200, true]);
      expect(requests).toEqual(['GET /files/a']);
    });

    it('withResponse() alone, and awaiting alone, give the data as before', async () => {
      handlers.push(json(200, { id: 'e1', createdAt: '2026-01-02T03:04:05Z' }));
      const { data, response } = await client().getExport({ id: 'e1' }).withResponse();
      expect([data, response.status]).toEqual([{ id: 'e1', createdAt: new Date('2026-01-02T03:04:05Z') }, 200]);
      handlers.push(json(200, { id: 'e2', createdAt: '2026-01-02T03:04:05Z' }));
      expect(await client().getExport({ id: 'e2' })).toEqual({ id: 'e2', createdAt: new Date('2026-01-02T03:04:05Z') });
    });

    it('no unhandled rejection when only asResponse() or only withResponse() meets an error status', async () => {
      handlers.push(json(404, { message: 'a' }), json(404, { message: 'b' }));
      expect((await rejection(client().downloadFile({ id: 'a' }).asResponse())).status).toBe(404);
      expect((await rejection(client().downloadFile({ id: 'b' }).withResponse())).status).toBe(404);
      // afterEach checks that nothing went unhandled.
    });
  });

  it('leaves the JSON as sent: dates are revived only in the data', async () => {
    handlers.push(json(200, { id: 'e1', createdAt: '2026-01-02T03:04:05Z' }));
    const response: Response = await client().getExport({ id: 'e1' }).asResponse();
    expect(await response.json()).toEqual({ id: 'e1', createdAt: '2026-01-02T03:04:05Z' });
  });

  it("on a list's call gives the first page's response; iterating that call then rejects, having no page to read", async () => {
    handlers.push(json(200, { data: [{ id: 'e1', createdAt: '2026-01-02T03:04:05Z' }], next_cursor: 'c2' }));
    const call = client().listExports();
    const response: Response = await call.asResponse();
    expect(await response.json()).toEqual({
      data: [{ id: 'e1', createdAt: '2026-01-02T03:04:05Z' }],
      next_cursor: 'c2',
    });
    const iterated = (async () => {
      for await (const item of call) void item;
    })();
    expect(await rejection(iterated)).toBeInstanceOf(sdk.SdkError);
    expect(requests).toEqual(['GET /exports']);
  });

  it('a list iterated as before is unchanged', async () => {
    handlers.push(
      json(200, { data: [{ id: 'e1', createdAt: '2026-01-02T03:04:05Z' }], next_cursor: 'c2' }),
      json(200, { data: [{ id: 'e2', createdAt: '2026-01-03T03:04:05Z' }], next_cursor: null }),
    );
    const ids: string[] = [];
    for await (const item of client().listExports()) ids.push(`${item.id} ${item.createdAt.getUTCDate()}`);
    expect(ids).toEqual(['e1 2', 'e2 3']);
    expect(requests).toEqual(['GET /exports', 'GET /exports?cursor=c2']);
  });

  it('on an event stream gives the stream itself, unparsed', async () => {
    handlers.push((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: one\n\ndata: two\n\n');
    });
    const response: Response = await client().tailLogs().asResponse();
    expect(await response.text()).toBe('data: one\n\ndata: two\n\n');
    handlers.push((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: one\n\ndata: two\n\n');
    });
    const lines: string[] = [];
    for await (const line of await client().tailLogs()) lines.push(line);
    expect(lines).toEqual(['one', 'two']);
  });
});

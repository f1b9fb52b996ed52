import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startRecordingServer, type RecordingServer, type Reply } from '../../support/recordingServer';
import { loadFixture } from '../../support/runtimeFixture';

/**
 * A server that records each request line as it came on the socket: Node's
 * HTTP server refuses methods it does not know, such as one in mixed case.
 */
async function startRequestLineServer(): Promise<{ url: string; lines: string[]; stop: () => Promise<void> }> {
  const lines: string[] = [];
  const server: Server = createServer((socket) => {
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      lines.push(head.slice(0, head.indexOf('\r\n')));
      socket.end('HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lines,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('QUERY and custom methods on the wire (test/fixtures/runtime/methods.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  const json = (status: number, body: unknown): Reply => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const item = { id: 'a', name: 'Lamp' };
  const unavailable = json(503, { message: 'busy' });

  beforeAll(async () => {
    server = await startRecordingServer(json(200, item));
    ({ sdk, cleanup } = await loadFixture<any>('runtime/methods.yaml'));
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const clientWith = (options: object = {}): any =>
    sdk.createClient({ baseUrl: server.url, auth: { apiKey: 'k' }, retry: { delay: 1, maxDelay: 1 }, ...options });
  const rejection = async (call: Promise<unknown>): Promise<any> => {
    try {
      await call;
    } catch (error) {
      return error;
    }
    throw new Error('the call resolved');
  };

  it('a QUERY operation sends its JSON body with the QUERY method and resolves to the typed response', async () => {
    const results = { items: [item], total: 1 };
    server.reply(json(200, results));
    expect(await clientWith().searchItems({ tenant: 't1', body: { text: 'lamp', limit: 2 } })).toEqual(results);
    const [request] = server.requests;
    expect([request!.method, request!.url, request!.headers['content-type'], request!.headers['x-api-key']]).toEqual([
      'QUERY',
      '/items?tenant=t1',
      'application/json',
      'k',
    ]);
    expect(JSON.parse(request!.body.toString())).toEqual({ text: 'lamp', limit: 2 });
  });

  it('an additionalOperations entry sends its own method, with its body', async () => {
    expect(await clientWith().linkItem({ id: 'a', body: { target: 'b' } })).toEqual(item);
    expect(server.requests.map((request) => [request.method, request.url, request.body.toString()])).toEqual([
      ['LINK', '/items/a', '{"target":"b"}'],
    ]);
  });

  it('an operation without operationId is named from method and path; its own `security: []` sends no key', async () => {
    server.reply({ status: 204 });
    expect(await clientWith().purgeItemsById({ id: 'a b' })).toBeUndefined();
    const [request] = server.requests;
    expect([request!.method, request!.url, request!.headers['x-api-key']]).toEqual([
      'PURGE',
      '/items/a%20b',
      undefined,
    ]);
  });

  it('a method in mixed case goes out as the spec spells it', async () => {
    const raw = await startRequestLineServer();
    try {
      expect(await sdk.createClient({ baseUrl: raw.url }).refreshCache()).toBeUndefined();
      expect(raw.lines).toEqual(['Refresh /cache HTTP/1.1']);
    } finally {
      await raw.stop();
    }
  });

  describe('retries', () => {
    it('QUERY is idempotent: a 503 is retried', async () => {
      server.reply(unavailable, json(200, { items: [], total: 0 }));
      expect(await clientWith().searchItems({ tenant: 't', body: { text: 'x' } })).toEqual({ items: [], total: 0 });
      expect(server.requests.map((request) => [request.method, request.body.toString()])).toEqual([
        ['QUERY', '{"text":"x"}'],
        ['QUERY', '{"text":"x"}'],
      ]);
    });

    it('a method of the API’s own is not retried by default', async () => {
      server.reply(unavailable);
      expect((await rejection(clientWith().linkItem({ id: 'a', body: { target: 'b' } }))).status).toBe(503);
      expect(server.requests).toHaveLength(1);
    });

    it('a method of the API’s own is retried when the client names it in `retry.methods`', async () => {
      server.reply(unavailable);
      const client = clientWith({ retry: { delay: 1, maxDelay: 1, methods: ['LINK'] } });
      expect(await client.linkItem({ id: 'a', body: { target: 'b' } })).toEqual(item);
      expect(server.requests.map((request) => request.method)).toEqual(['LINK', 'LINK']);
    });
  });
});

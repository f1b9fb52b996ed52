import { startRecordingServer, type RecordingServer, type Reply } from '../../support/recordingServer';
import { loadFixture } from '../../support/runtimeFixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('retries, timeouts, aborts and hooks on the wire (test/fixtures/runtime/resilience.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  /** Waits of 1 ms between attempts, so the tests do not sit through the default backoff. */
  const fast = { delay: 1, maxDelay: 1 };
  const json = (status: number, body: unknown): Reply => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const item = json(200, { id: 'a' });
  const unavailable = json(503, { message: 'busy' });

  beforeAll(async () => {
    server = await startRecordingServer(item);
    ({ sdk, cleanup } = await loadFixture<any>('runtime/resilience.yaml'));
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const clientWith = (options: object = {}): any => sdk.createClient({ baseUrl: server.url, retry: fast, ...options });
  const rejection = async (call: Promise<unknown>): Promise<any> => {
    try {
      await call;
    } catch (error) {
      return error;
    }
    throw new Error('the call resolved');
  };

  describe('retries', () => {
    it('a 503 then a 200: resolves to the 200 body after two requests', async () => {
      server.reply(unavailable);
      expect(await clientWith().getItem({ id: 'a' })).toEqual({ id: 'a' });
      expect(server.requests.map((request) => request.url)).toEqual(['/items/a', '/items/a']);
    });

    it('a 429 with Retry-After in seconds is retried', async () => {
      server.reply({ status: 429, headers: { 'retry-after': '1' } });
      expect(await clientWith().getItem({ id: 'a' })).toEqual({ id: 'a' });
      expect(server.requests).toHaveLength(2);
    });

    it('a 429 with Retry-After as an HTTP-date is retried', async () => {
      server.reply({ status: 429, headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() } });
      expect(await clientWith().getItem({ id: 'a' })).toEqual({ id: 'a' });
      expect(server.requests).toHaveLength(2);
    });

    it('a 429 asking to wait more than 60 s is not waited for: it rejects at once', async () => {
      server.reply({ status: 429, headers: { 'retry-after': '3600' } });
      const error = await rejection(clientWith().getItem({ id: 'a' }));
      expect([error.constructor, error.status]).toEqual([sdk.ApiError, 429]);
      expect(server.requests).toHaveLength(1);
    });

    it.each([408, 409, 500, 502, 504])('a %i is retried for an idempotent method', async (status) => {
      server.reply({ status });
      expect(await clientWith().getItem({ id: 'a' })).toEqual({ id: 'a' });
      expect(server.requests).toHaveLength(2);
    });

    it('a dropped connection (network error) is retried for an idempotent method', async () => {
      server.reply('reset');
      expect(await clientWith().getItem({ id: 'a' })).toEqual({ id: 'a' });
      expect(server.requests).toHaveLength(2);
    });

    it('DELETE is idempotent: retried too', async () => {
      server.reply(unavailable, { status: 204 });
      expect(await clientWith().deleteItem({ id: 'a' })).toBeUndefined();
      expect(server.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
    });

    it.each([400, 401, 404, 422])('a %i is not retried', async (status) => {
      server.reply(json(status, { message: 'no' }));
      expect((await rejection(clientWith().getItem({ id: 'a' }))).status).toBe(status);
      expect(server.requests).toHaveLength(1);
    });

    it('gives up after 2 retries by default, with the last error', async () => {
      server.reply(unavailable, unavailable, json(500, { message: 'last' }));
      const error = await rejection(clientWith().getItem({ id: 'a' }));
      expect([error.status, error.body]).toEqual([500, { message: 'last' }]);
      expect(server.requests).toHaveLength(3);
    });

    it('POST is not retried by default, after a 503 or a dropped connection', async () => {
      server.reply(unavailable, 'reset');
      const client = clientWith();
      expect((await rejection(client.createItem({ body: { id: 'a' } }))).status).toBe(503);
      expect((await rejection(client.createItem({ body: { id: 'a' } }))).name).toBe('NetworkError');
      expect(server.requests).toHaveLength(2);
    });

    it('POST is retried when the client opts in with `methods`', async () => {
      server.reply(unavailable, json(201, { id: 'b' }));
      const client = clientWith({ retry: { ...fast, methods: ['POST'] } });
      expect(await client.createItem({ body: { id: 'b' } })).toEqual({ id: 'b' });
      expect(server.requests.map((request) => request.body.toString())).toEqual(['{"id":"b"}', '{"id":"b"}']);
    });

    it('POST is retried when the call opts in with its own `retry`', async () => {
      server.reply(unavailable, json(201, { id: 'c' }));
      expect(await clientWith().createItem({ body: { id: 'c' } }, { retry: 1 })).toEqual({ id: 'c' });
      expect(server.requests).toHaveLength(2);
    });

    it('the count is configurable per client', async () => {
      server.reply(unavailable, unavailable, unavailable, unavailable);
      expect(await clientWith({ retry: { ...fast, retries: 4 } }).getItem({ id: 'a' })).toEqual({ id: 'a' });
      expect(server.requests).toHaveLength(5);
    });

    it('the count is configurable per call, over the client’s', async () => {
      server.reply(unavailable, unavailable);
      const client = clientWith({ retry: { ...fast, retries: 5 } });
      expect((await rejection(client.getItem({ id: 'a' }, { retry: 1 }))).status).toBe(503);
      expect(server.requests).toHaveLength(2);
      server.reply(unavailable);
      expect((await rejection(client.getItem({ id: 'a' }, { retry: false }))).status).toBe(503);
      expect(server.requests).toHaveLength(3);
    });

    it('`retry: 0` on the client turns retries off', async () => {
      server.reply(unavailable);
      expect((await rejection(clientWith({ retry: 0 }).getItem({ id: 'a' }))).status).toBe(503);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('timeouts and aborts', () => {
    it('the client’s timeout rejects a call with a TimeoutError', async () => {
      server.reply('hang');
      const error = await rejection(clientWith({ timeout: 50 }).getItem({ id: 'a' }));
      expect(error).toBeInstanceOf(sdk.TimeoutError);
      expect(error).toBeInstanceOf(sdk.SdkError);
      expect(error).not.toBeInstanceOf(sdk.AbortError);
      expect(error.message).toBe('getItem (GET /items/a) timed out after 50 ms.');
    });

    it('a call’s timeout applies without a client timeout', async () => {
      server.reply('hang');
      expect(await rejection(clientWith().getItem({ id: 'a' }, { timeout: 50 }))).toBeInstanceOf(sdk.TimeoutError);
    });

    it('a call’s timeout overrides the client’s', async () => {
      const client = clientWith({ timeout: 1 });
      expect(await client.getItem({ id: 'a' }, { timeout: 60_000 })).toEqual({ id: 'a' });
    });

    it('the timeout covers the waits between retries', async () => {
      server.reply({ status: 503, headers: { 'retry-after': '30' } });
      expect(await rejection(clientWith().getItem({ id: 'a' }, { timeout: 100 }))).toBeInstanceOf(sdk.TimeoutError);
      expect(server.requests).toHaveLength(1);
    });

    it('the caller’s AbortSignal, combined with a timeout, rejects with an AbortError carrying its reason', async () => {
      server.reply('hang');
      const controller = new AbortController();
      const call = clientWith({ timeout: 60_000 }).getItem({ id: 'a' }, { signal: controller.signal });
      while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const reason = new Error('user left');
      controller.abort(reason);
      const error = await rejection(call);
      expect(error).toBeInstanceOf(sdk.AbortError);
      expect(error).not.toBeInstanceOf(sdk.TimeoutError);
      expect(error.cause).toBe(reason);
    });

    it('the timeout still applies when the caller passes a signal', async () => {
      server.reply('hang');
      const call = clientWith().getItem({ id: 'a' }, { signal: new AbortController().signal, timeout: 50 });
      expect(await rejection(call)).toBeInstanceOf(sdk.TimeoutError);
    });

    it('an already aborted signal sends nothing', async () => {
      const error = await rejection(clientWith().getItem({ id: 'a' }, { signal: AbortSignal.abort() }));
      expect(error).toBeInstanceOf(sdk.AbortError);
      expect(server.requests).toHaveLength(0);
    });

    it('aborting during the wait before a retry stops the retries', async () => {
      server.reply({ status: 503, headers: { 'retry-after': '30' } });
      const controller = new AbortController();
      const call = clientWith({
        onError: () => setTimeout(() => controller.abort(), 1),
      }).getItem({ id: 'a' }, { signal: controller.signal });
      expect(await rejection(call)).toBeInstanceOf(sdk.AbortError);
      expect(server.requests).toHaveLength(1);
    });

    it('no response at all is a NetworkError, neither an ApiError nor a timeout', async () => {
      const client = sdk.createClient({ baseUrl: 'http://127.0.0.1:1', retry: 0 });
      const error = await rejection(client.getItem({ id: 'a' }));
      expect(error).toBeInstanceOf(sdk.NetworkError);
      expect(error).toBeInstanceOf(sdk.SdkError);
      expect(error).not.toBeInstanceOf(sdk.ApiError);
      expect(error.message).toBe('getItem (GET /items/a) got no response.');
    });
  });

  describe('errors', () => {
    it('a documented 404: an ApiError with the status, parsed body, headers and request id; isApiErrorOf narrows it', async () => {
      server.reply({
        status: 404,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-7' },
        body: '{"message":"no item a"}',
      });
      const error = await rejection(clientWith().getItem({ id: 'a' }));
      expect(error).toBeInstanceOf(sdk.ApiError);
      expect([error.status, error.body, error.requestId, error.headers.get('x-request-id')]).toEqual([
        404,
        { message: 'no item a' },
        'req-7',
        'req-7',
      ]);
      expect(error.message).toBe('getItem failed with status 404 Not Found (GET /items/a), request id req-7');
      expect([sdk.isApiErrorOf(error, 'getItem'), sdk.isApiErrorOf(error, 'createItem')]).toEqual([true, false]);
    });

    it('a documented 422 carries its own body; an error body that is not JSON stays text', async () => {
      server.reply(json(422, { fields: ['id'] }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
        body: '<html>',
      });
      expect((await rejection(clientWith({ retry: 0 }).getItem({ id: 'a' }))).body).toEqual({ fields: ['id'] });
      expect((await rejection(clientWith({ retry: 0 }).getItem({ id: 'a' }))).body).toBe('<html>');
    });
  });

  describe('requests that cannot be built', () => {
    it('a body JSON cannot encode (a BigInt): the call rejects, it never throws, and nothing is sent', async () => {
      server.requests.length = 0;
      let call: Promise<unknown> | undefined;
      expect(() => (call = clientWith().createItem({ body: { id: 1n } }))).not.toThrow();
      expect(typeof (call as any).withResponse).toBe('function');
      expect(await rejection(call!)).toBeInstanceOf(TypeError);
      expect(server.requests).toHaveLength(0);
    });

    it('a path value that cannot be encoded (an invalid Date): the call rejects, it never throws', async () => {
      let call: Promise<unknown> | undefined;
      expect(() => (call = clientWith().getItem({ id: new Date(Number.NaN) }))).not.toThrow();
      expect(await rejection(call!)).toBeInstanceOf(RangeError);
    });
  });

  describe('hooks', () => {
    it('onRequest, onResponse and onError run on every attempt; onRequest can sign the request', async () => {
      server.reply(unavailable, 'reset');
      const seen: string[] = [];
      const client = clientWith({
        onRequest: (context: any) => {
          seen.push(`request ${context.operationId} #${context.attempt}`);
          context.init.headers.set('x-signature', `sig-${context.attempt}`);
        },
        onResponse: (context: any) => void seen.push(`response #${context.attempt} ${context.response.status}`),
        onError: (context: any) => void seen.push(`error #${context.attempt} ${context.error.name}`),
      });
      expect(await client.getItem({ id: 'a' })).toEqual({ id: 'a' });
      expect(seen).toEqual([
        'request getItem #1',
        'response #1 503',
        'error #1 ApiError',
        'request getItem #2',
        'error #2 NetworkError',
        'request getItem #3',
        'response #3 200',
      ]);
      expect(server.requests.map((request) => request.headers['x-signature'])).toEqual(['sig-1', 'sig-2', 'sig-3']);
    });

    it('onError also runs for an attempt that fails before its request is sent (an invalid header value)', async () => {
      server.requests.length = 0;
      const seen: string[] = [];
      const client = clientWith({
        headers: { 'x-trace': 'a\nb' },
        onError: (context: any) =>
          void seen.push(`error ${context.operationId} #${context.attempt} ${context.error.name}`),
      });
      const error = await rejection(client.getItem({ id: 'a' }));
      expect(error).toBeInstanceOf(sdk.SdkError);
      expect(error.message).toBe('Header x-trace has an invalid value; not sent.');
      expect(seen).toEqual(['error getItem #1 SdkError']);
      expect(server.requests).toHaveLength(0);
    });

    it('async hooks are awaited before the request is sent', async () => {
      const client = clientWith({
        onRequest: async (context: any) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          context.url += '?traced=1';
        },
      });
      await client.getItem({ id: 'a' });
      expect(server.requests.map((request) => request.url)).toEqual(['/items/a?traced=1']);
    });
  });
});

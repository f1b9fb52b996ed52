import { startRecordingServer, type RecordingServer, type Reply } from '../../support/recordingServer';
import { loadFixture } from '../../support/runtimeFixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('idempotency keys on the wire (test/fixtures/runtime/idempotency.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  /** Waits of 1 ms between attempts, so the tests do not sit through the default backoff. */
  const fast = { delay: 1, maxDelay: 1 };
  const created: Reply = {
    status: 201,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'p1', amount: 5 }),
  };
  const unavailable: Reply = { status: 503 };
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  beforeAll(async () => {
    server = await startRecordingServer(created);
    ({ sdk, cleanup } = await loadFixture<any>('runtime/idempotency.yaml'));
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const clientWith = (options: object = {}): any => sdk.createClient({ baseUrl: server.url, retry: fast, ...options });
  const keys = (name = 'idempotency-key'): unknown[] => server.requests.map((request) => request.headers[name]);
  const rejection = async (call: Promise<unknown>): Promise<any> => {
    try {
      await call;
    } catch (error) {
      return error;
    }
    throw new Error('the call resolved');
  };

  it('a POST whose key is left out sends a random UUID, a new one for each call', async () => {
    const client = clientWith();
    expect(await client.createPayment({ body: { amount: 5 } })).toEqual({ id: 'p1', amount: 5 });
    await client.createPayment({ body: { amount: 5 } });
    const [first, second] = keys();
    expect(first).toMatch(uuid);
    expect(second).toMatch(uuid);
    expect(second).not.toBe(first);
  });

  it('after a 503 and a dropped connection, the same key is sent on each retry of the call', async () => {
    server.reply(unavailable, 'reset');
    expect(await clientWith().createPayment({ body: { amount: 5 } })).toEqual({ id: 'p1', amount: 5 });
    expect(server.requests.map((request) => request.method)).toEqual(['POST', 'POST', 'POST']);
    const [key] = keys();
    expect(key).toMatch(uuid);
    expect(keys()).toEqual([key, key, key]);
    expect(server.requests.map((request) => request.body.toString())).toEqual(Array(3).fill('{"amount":5}'));
  });

  it('a 409 (the same key still in progress) is retried with the same key', async () => {
    server.reply({ status: 409 });
    expect(await clientWith().createPayment({ body: { amount: 5 } })).toEqual({ id: 'p1', amount: 5 });
    expect(keys()).toEqual([keys()[0], keys()[0]]);
  });

  it('the caller’s own key is sent unchanged, on every attempt', async () => {
    server.reply(unavailable);
    await clientWith().createPayment({ 'Idempotency-Key': 'order-1234 retry', body: { amount: 5 } });
    expect(keys()).toEqual(['order-1234 retry', 'order-1234 retry']);
  });

  it('a key from a $ref’d parameter, nullable: null also gets a fresh UUID, kept on retries', async () => {
    server.reply(unavailable, { status: 202 });
    expect(await clientWith().sendMessage({ 'x-idempotency-key': null, body: 'hi' })).toBeUndefined();
    const [key, retried] = keys('x-idempotency-key');
    expect(key).toMatch(uuid);
    expect(retried).toBe(key);
  });

  it('gives up after 2 retries by default, like a GET', async () => {
    server.reply(unavailable, unavailable, unavailable);
    expect((await rejection(clientWith().createPayment({ body: { amount: 5 } }))).status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(new Set(keys()).size).toBe(1);
  });

  it('the client’s `retry: 0` and a `methods` list without POST still turn retries off; a call’s `retry` still wins', async () => {
    server.reply(unavailable, unavailable, unavailable, { status: 500 });
    expect((await rejection(clientWith({ retry: 0 }).createPayment({ body: { amount: 5 } }))).status).toBe(503);
    const getOnly = clientWith({ retry: { ...fast, methods: ['GET'] } });
    expect((await rejection(getOnly.createPayment({ body: { amount: 5 } }))).status).toBe(503);
    expect(server.requests).toHaveLength(2);
    const call = getOnly.createPayment({ body: { amount: 5 } }, { retry: { retries: 1 } });
    expect((await rejection(call)).status).toBe(500);
    expect(server.requests).toHaveLength(4);
    expect(keys()[2]).toBe(keys()[3]);
  });

  it('an operation without such a header is still not retried on POST by default', async () => {
    server.reply(unavailable, 'reset');
    const client = clientWith();
    expect((await rejection(client.createItem({ body: { id: 'a' } }))).status).toBe(503);
    expect((await rejection(client.createItem({ body: { id: 'a' } }))).name).toBe('NetworkError');
    expect(server.requests).toHaveLength(2);
    expect(keys()).toEqual([undefined, undefined]);
  });

  it('a key whose schema has a pattern is the caller’s to give: sent as given, and the POST is not retried', async () => {
    server.reply(unavailable);
    const error = await rejection(clientWith().createTransfer({ 'x-idempotency-key': 'abcdefgh' }));
    expect(error.status).toBe(503);
    expect(keys('x-idempotency-key')).toEqual(['abcdefgh']);
  });
});

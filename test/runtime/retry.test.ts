import { createHttpClient, type OperationRequest } from '../../templates/client';
import { ApiError, NetworkError, SdkError, TimeoutError } from '../../templates/errors';
import { callRetry, retryDelay } from '../../templates/retry';

const getItem: OperationRequest = { operationId: 'getItem', method: 'GET', path: '/items/a', security: [] };

function apiError(status: number, headers: Record<string, string> = {}): ApiError {
  const response = new Response(null, { status, headers });
  return new ApiError({ operationId: 'getItem', method: 'GET', path: '/items/a', response, body: undefined });
}

describe('retryDelay: exponential backoff with jitter', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [1, 250, 500],
    [2, 500, 1000],
    [3, 1000, 2000],
    [4, 2000, 4000],
    [5, 4000, 8000],
    [6, 4000, 8000],
  ])('attempt %i waits between %i and %i ms (the default 500 ms doubling, at most 8 s)', (attempt, low, high) => {
    const options = { retries: 10 };
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(retryDelay(options, attempt, apiError(503))).toBe(low);
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(retryDelay(options, attempt, apiError(503))).toBeCloseTo(high, 2);
  });

  it('jitter spreads clients that failed together', () => {
    const waits = new Set(Array.from({ length: 20 }, () => retryDelay(5, 1, apiError(503))));
    expect(waits.size).toBeGreaterThan(1);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(250);
  });

  it('delay and maxDelay shape the waits', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    const options = { retries: 5, delay: 100, maxDelay: 300 };
    expect([1, 2, 3, 4].map((attempt) => Math.round(retryDelay(options, attempt, apiError(500))!))).toEqual([
      100, 200, 300, 300,
    ]);
  });

  it('stops after `retries` attempts after the first', () => {
    expect(retryDelay(2, 2, apiError(503))).toBeDefined();
    expect(retryDelay(2, 3, apiError(503))).toBeUndefined();
    expect(retryDelay(0, 1, apiError(503))).toBeUndefined();
    expect(retryDelay(false, 1, apiError(503))).toBeUndefined();
  });

  it.each([408, 409, 429, 500, 502, 503, 504])('retries a %i', (status) => {
    expect(retryDelay(2, 1, apiError(status))).toBeDefined();
  });

  it.each([400, 401, 403, 404, 422])('does not retry a %i', (status) => {
    expect(retryDelay(2, 1, apiError(status))).toBeUndefined();
  });

  it('retries a NetworkError, not a TimeoutError or another SdkError', () => {
    expect(retryDelay(2, 1, new NetworkError('no response'))).toBeDefined();
    expect(retryDelay(2, 1, new TimeoutError('late'))).toBeUndefined();
    expect(retryDelay(2, 1, new SdkError('invalid JSON'))).toBeUndefined();
    expect(retryDelay(2, 1, new TypeError('bug'))).toBeUndefined();
  });
});

describe('retryDelay: Retry-After (RFC 9110 §10.2.3)', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('in seconds', () => {
    expect(retryDelay(2, 1, apiError(429, { 'retry-after': '3' }))).toBe(3000);
    expect(retryDelay(2, 1, apiError(503, { 'retry-after': '0' }))).toBe(0);
  });

  it('as an HTTP-date, measured from now', () => {
    expect(retryDelay(2, 1, apiError(429, { 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }))).toBe(7000);
  });

  it('a date in the past: at once', () => {
    expect(retryDelay(2, 1, apiError(429, { 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }))).toBe(0);
  });

  it('longer than 60 s: not waited for, the call fails', () => {
    expect(retryDelay(2, 1, apiError(429, { 'retry-after': '61' }))).toBeUndefined();
    expect(retryDelay(2, 1, apiError(503, { 'retry-after': 'Thu, 01 Jan 2026 01:00:00 GMT' }))).toBeUndefined();
  });

  it('unreadable: the usual backoff', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(retryDelay(2, 1, apiError(429, { 'retry-after': 'soon' }))).toBe(250);
    jest.restoreAllMocks();
  });

  it('is still bounded by the count', () => {
    expect(retryDelay(1, 2, apiError(429, { 'retry-after': '1' }))).toBeUndefined();
  });
});

describe('callRetry: which calls are retried', () => {
  it('idempotent methods by default (QUERY too), not POST, PATCH or a method of the API’s own', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE', 'QUERY'])
      expect([method, callRetry(method, 3, undefined)]).toEqual([method, { retries: 3 }]);
    for (const method of ['POST', 'PATCH', 'PURGE', 'LINK', 'query', 'Get'])
      expect([method, callRetry(method, 3, undefined)]).toEqual([method, { retries: 0 }]);
    expect(callRetry('GET', undefined, undefined)).toEqual({});
  });

  it('the client’s `methods` name the methods retried, any method as sent', () => {
    expect(callRetry('POST', { retries: 3, methods: ['GET', 'POST'] }, undefined)).toMatchObject({ retries: 3 });
    expect(callRetry('PUT', { methods: ['POST'] }, undefined)).toEqual({ retries: 0 });
    expect(callRetry('PURGE', { retries: 3, methods: ['PURGE'] }, undefined)).toMatchObject({ retries: 3 });
    expect(callRetry('QUERY', { methods: ['PURGE'] }, undefined)).toEqual({ retries: 0 });
  });

  it('a call’s own retry applies whatever the method, over the client’s fields', () => {
    expect(callRetry('POST', { retries: 5, delay: 10 }, 1)).toEqual({ retries: 1, delay: 10 });
    expect(callRetry('GET', 5, false)).toEqual({ retries: 0 });
    expect(callRetry('POST', undefined, { delay: 1 })).toEqual({ delay: 1 });
  });
});

describe('the client waits as retryDelay says (fake clock, fake fetch)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    jest.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** A fetch answering from a list, recording the fake time of each attempt. */
  function fakeFetch(...responses: (() => Response)[]) {
    const times: number[] = [];
    const fetch = async (): Promise<Response> => {
      times.push(Date.now() - new Date('2026-01-01T00:00:00Z').getTime());
      const next = responses.shift();
      if (!next) throw new TypeError('fetch failed');
      return next();
    };
    return { fetch: fetch as typeof globalThis.fetch, times };
  }
  const ok = () => new Response('{"id":"a"}', { headers: { 'content-type': 'application/json' } });

  it('backs off 250 ms, then 500 ms (jitter at its lowest)', async () => {
    const { fetch, times } = fakeFetch(
      () => new Response(null, { status: 503 }),
      () => new Response(null, { status: 502 }),
      ok,
    );
    const call = createHttpClient({ baseUrl: 'http://api', fetch }).request(() => getItem);
    await jest.advanceTimersByTimeAsync(249);
    expect(times).toEqual([0]);
    await jest.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 250]);
    await jest.advanceTimersByTimeAsync(499);
    expect(times).toEqual([0, 250]);
    await jest.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 250, 750]);
    await expect(call).resolves.toEqual({ id: 'a' });
  });

  it('waits the Retry-After seconds of a 429', async () => {
    const { fetch, times } = fakeFetch(() => new Response(null, { status: 429, headers: { 'retry-after': '4' } }), ok);
    const call = createHttpClient({ baseUrl: 'http://api', fetch }).request(() => getItem);
    await jest.advanceTimersByTimeAsync(3999);
    expect(times).toEqual([0]);
    await jest.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 4000]);
    await expect(call).resolves.toEqual({ id: 'a' });
  });

  it('waits until the Retry-After HTTP-date of a 503', async () => {
    const retryAfter = 'Thu, 01 Jan 2026 00:00:09 GMT';
    const { fetch, times } = fakeFetch(
      () => new Response(null, { status: 503, headers: { 'retry-after': retryAfter } }),
      ok,
    );
    const call = createHttpClient({ baseUrl: 'http://api', fetch }).request(() => getItem);
    await jest.advanceTimersByTimeAsync(8999);
    expect(times).toEqual([0]);
    await jest.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 9000]);
    await expect(call).resolves.toEqual({ id: 'a' });
  });

  it('a network error (fetch rejects) is retried after the backoff, then surfaces as a NetworkError', async () => {
    const { fetch, times } = fakeFetch();
    const call = createHttpClient({ baseUrl: 'http://api', fetch, retry: 1 }).request(() => getItem);
    const settled = expect(call).rejects.toBeInstanceOf(NetworkError);
    await jest.advanceTimersByTimeAsync(250);
    await settled;
    expect(times).toEqual([0, 250]);
  });
});

import { inspect } from 'node:util';
import { startRecordingServer, type RecordingServer } from '../../support/recordingServer';
import { loadFixture } from '../../support/runtimeFixture';

/** One call of the logger: its level, message and structured fields. */
interface Line {
  readonly level: string;
  readonly message: string;
  readonly fields: any;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('logging of a client (logLevel, logger) against a real server (test/fixtures/runtime/auth.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  /** Waits of 20 to 40 ms between attempts: short, and not zero, so a logged wait says something. */
  const retry = { retries: 1, delay: 40, maxDelay: 40 };

  beforeAll(async () => {
    server = await startRecordingServer();
    ({ sdk, cleanup } = await loadFixture<any>('runtime/auth.yaml'));
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  /** A logger that records every line, and a client that logs to it. */
  function capture(options: object = {}): { client: any; lines: Line[] } {
    const lines: Line[] = [];
    const record =
      (level: string) =>
      (message: string, fields: unknown): void =>
        void lines.push({ level, message, fields });
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    return { client: sdk.createClient({ baseUrl: server.url, retry, logger, ...options }), lines };
  }

  const rejection = (call: Promise<unknown>): Promise<any> =>
    call.then(
      () => {
        throw new Error('the call resolved');
      },
      (error: unknown) => error,
    );

  it("'debug' logs each attempt sent and each response: method, URL, operationId, attempt, status, duration", async () => {
    const { client, lines } = capture({ logLevel: 'debug' });
    await client.open();
    const url = `${server.url}/public`;
    expect(lines).toEqual([
      {
        level: 'debug',
        message: `open GET ${url} (attempt 1)`,
        fields: { operationId: 'open', method: 'GET', url, attempt: 1 },
      },
      {
        level: 'debug',
        message: expect.stringMatching(new RegExp(`^open GET ${url}: 200 in \\d+ ms$`)),
        fields: { operationId: 'open', method: 'GET', url, attempt: 1, status: 200, durationMs: expect.any(Number) },
      },
    ]);
    expect(lines[1]!.message).toContain(`in ${lines[1]!.fields.durationMs} ms`);
  });

  it("'info' logs each retry with why and the wait, and no attempt or response", async () => {
    const { client, lines } = capture({ logLevel: 'info' });
    server.reply({ status: 503 });
    await client.open();
    expect(server.requests).toHaveLength(2);
    expect(lines).toEqual([
      {
        level: 'info',
        message: expect.stringMatching(
          /^open failed with status 503 Service Unavailable \(GET \/public\); retrying in (\d+) ms$/,
        ),
        fields: expect.objectContaining({ operationId: 'open', attempt: 1, status: 503 }),
      },
    ]);
    const { retryInMs } = lines[0]!.fields;
    expect(retryInMs).toBeGreaterThanOrEqual(20);
    expect(retryInMs).toBeLessThanOrEqual(40);
    expect(lines[0]!.message).toContain(`retrying in ${retryInMs} ms`);
  });

  it("'debug' follows a retried call attempt by attempt", async () => {
    const { client, lines } = capture({ logLevel: 'debug' });
    server.reply({ status: 503 });
    await client.open();
    expect(lines.map(({ level, fields }) => [level, fields.attempt, fields.status])).toEqual([
      ['debug', 1, undefined],
      ['debug', 1, 503],
      ['info', 1, 503],
      ['debug', 2, undefined],
      ['debug', 2, 200],
    ]);
  });

  it("a call that fails: 'warn' for a 4xx or an abort, 'error' for a 5xx, no response or a timeout", async () => {
    const { client, lines } = capture({ logLevel: 'warn' });
    server.reply({ status: 404 }, { status: 500 }, { status: 500 }, 'reset', 'reset', 'hang');
    await rejection(client.open());
    await rejection(client.open());
    await rejection(client.open());
    await rejection(client.open({}, { timeout: 50 }));
    const controller = new AbortController();
    const aborted = rejection(client.open({}, { signal: controller.signal }));
    controller.abort();
    await aborted;
    expect(lines.map(({ level, message, fields }) => [level, message, fields.error, fields.status])).toEqual([
      ['warn', 'open failed with status 404 Not Found (GET /public)', 'ApiError', 404],
      ['error', 'open failed with status 500 Internal Server Error (GET /public)', 'ApiError', 500],
      ['error', 'open (GET /public) got no response.', 'NetworkError', undefined],
      ['error', 'open (GET /public) timed out after 50 ms.', 'TimeoutError', undefined],
      ['warn', 'open (GET /public) was aborted.', 'AbortError', undefined],
    ]);
    expect(lines.map((line) => line.fields.attempt)).toEqual([1, 2, 2, 1, 1]);
  });

  it("'error' leaves out warnings, retries and attempts", async () => {
    const { client, lines } = capture({ logLevel: 'error' });
    server.reply({ status: 404 }, { status: 503 }, { status: 503 });
    await rejection(client.open());
    await rejection(client.open());
    expect(lines.map(({ level, fields }) => [level, fields.status, fields.attempt])).toEqual([['error', 503, 2]]);
  });

  it("a logger without logLevel gets warnings and errors only; 'off' silences it", async () => {
    const quiet = capture();
    server.reply({ status: 503 }, { status: 404 });
    await rejection(quiet.client.open());
    expect(quiet.lines.map(({ level, fields }) => [level, fields.status])).toEqual([['warn', 404]]);

    const off = capture({ logLevel: 'off' });
    server.reply({ status: 500 }, { status: 500 });
    await rejection(off.client.open());
    expect(off.lines).toEqual([]);
  });

  it("a call's own logLevel overrides the client's", async () => {
    const { client, lines } = capture({ logLevel: 'off' });
    await client.open({}, { logLevel: 'debug' });
    await client.open();
    expect(lines.map((line) => line.level)).toEqual(['debug', 'debug']);
  });

  it('by default nothing is printed, even when a call fails after retries', async () => {
    const methods = ['debug', 'info', 'warn', 'error', 'log'] as const;
    const spies = methods.map((method) => jest.spyOn(console, method).mockImplementation(() => {}));
    try {
      server.reply({ status: 503 }, { status: 503 });
      await rejection(sdk.createClient({ baseUrl: server.url, retry }).open());
      await sdk.createClient({ baseUrl: server.url }).open();
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      // With a level and no logger, the console is the logger.
      await sdk.createClient({ baseUrl: server.url, logLevel: 'debug' }).open();
      expect(spies[0]).toHaveBeenCalledTimes(2);
      expect(spies[0]!.mock.calls[0]![0]).toBe(`open GET ${server.url}/public (attempt 1)`);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('a logger that throws changes nothing: the call resolves, or rejects with its own error', async () => {
    const failure = new Error('log sink down');
    const fail = (): never => {
      throw failure;
    };
    const logger = { debug: fail, info: fail, warn: fail, error: fail };
    const seen: string[] = [];
    const client = sdk.createClient({
      baseUrl: server.url,
      retry,
      logLevel: 'debug',
      logger,
      onResponse: ({ response }: any) => void seen.push(`${response.status}`),
    });
    server.reply({ status: 503 });
    expect(await client.open()).toEqual({ ok: true });
    expect(seen).toEqual(['503', '200']);
    server.reply({ status: 404 });
    const error = await rejection(client.open());
    expect([error.name, error.status]).toEqual(['ApiError', 404]);
  });

  describe('no credential in any logged text', () => {
    it('a query parameter whose name says secret, though the spec does not declare it a credential', async () => {
      const { client, lines } = capture({ logLevel: 'debug' });
      const query = '?page=2&access_token=t0k3n&X-Amz-Signature=s1g&apiKey=k3y&passphrase=p4ss&author=ann';
      await client.request(() => ({ operationId: 'raw', method: 'GET', path: '/public', query }));
      expect(server.requests[0]!.url).toBe(`/public${query}`);
      expect(lines.map((line) => line.fields.url)).toEqual([
        `${server.url}/public?page=2&access_token=***&X-Amz-Signature=***&apiKey=***&passphrase=***&author=***`,
        `${server.url}/public?page=2&access_token=***&X-Amz-Signature=***&apiKey=***&passphrase=***&author=***`,
      ]);
    });

    it('a user and password in baseUrl', async () => {
      const baseUrl = server.url.replace('//', '//ann:hunter2@');
      const { client, lines } = capture({ logLevel: 'debug', baseUrl, retry: 0 });
      const error = await rejection(client.open());
      expect(error.name).toBe('NetworkError');
      expect(lines.map(({ level, fields }) => [level, fields.url])).toEqual([
        ['debug', server.url.replace('//', '//***@') + '/public'],
        ['error', server.url.replace('//', '//***@') + '/public'],
      ]);
      expect(JSON.stringify(lines)).not.toContain('hunter2');
    });

    /** Every credential, as given and as sent (encoded, base64), and the parts a server may echo. */
    const secrets = {
      bearer: ['bearer-token-1f9a'],
      basic: ['ann:pässword-77', 'pässword-77', Buffer.from('ann:pässword-77', 'utf8').toString('base64')],
      headerKey: ['hk-secret-42'],
      queryKey: ['query key&x=9', encodeURIComponent('query key&x=9')],
      cookieKey: ['cookie key;z', encodeURIComponent('cookie key;z')],
      oauth: ['oauth-token-5c'],
      oidc: ['oidc-token-8d'],
    };
    const auth = {
      bearer: secrets.bearer[0],
      basic: secrets.basic[0],
      headerKey: secrets.headerKey[0],
      queryKey: secrets.queryKey[0],
      cookieKey: secrets.cookieKey[0],
      oauth: () => secrets.oauth[0],
      oidc: async () => secrets.oidc[0],
    };
    const calls = {
      bearer: 'byDefault',
      basic: 'withBasic',
      headerKey: 'withHeaderKey',
      queryKey: 'withQueryKey',
      cookieKey: 'withCookieKey',
      oauth: 'withOauth',
      oidc: 'withOidc',
    } as const;

    it.each(Object.keys(calls) as (keyof typeof calls)[])(
      '%s: every event of a retried, then failed, then successful call',
      async (scheme) => {
        const { client, lines } = capture({ logLevel: 'debug', auth });
        const call = calls[scheme];
        // A server that echoes the credential in its error body: bodies are not logged.
        const echo = JSON.stringify({ message: `invalid credential ${secrets[scheme].join(' ')}` });
        server.reply({ status: 503 }, { status: 401, body: echo }, { status: 503 }, 'reset');
        await rejection(client[call]());
        await rejection(client[call]());
        await client[call]();
        expect(server.requests).toHaveLength(5);
        const text = lines
          .map(({ level, message, fields }) => [level, message, JSON.stringify(fields), inspect(fields)].join(' '))
          .join('\n');
        // Sent, response and retry; sent, response and failure; sent, response, retry, sent and failure; sent, response.
        expect(lines).toHaveLength(13);
        for (const secret of secrets[scheme]) expect(text).not.toContain(secret);
        if (scheme === 'queryKey') expect(lines[0]!.fields.url).toBe(`${server.url}/query-key?api_key=***`);
      },
    );
  });
});

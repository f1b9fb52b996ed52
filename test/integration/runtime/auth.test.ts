import { inspect } from 'node:util';
import { startRecordingServer, type RecordedRequest, type RecordingServer } from '../../support/recordingServer';
import { loadFixture } from '../../support/runtimeFixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('auth on the wire (test/fixtures/runtime/auth.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  /** A credential for every scheme of the spec: each operation must pick only its own. */
  const everything = {
    bearer: 'bearer-token',
    basic: 'ann:pässword',
    headerKey: 'hk-secret',
    queryKey: 'query key&x=1',
    cookieKey: 'cookie key;x',
    oauth: () => 'oauth-token',
    oidc: async () => 'oidc-token',
  };

  beforeAll(async () => {
    server = await startRecordingServer();
    ({ sdk, cleanup } = await loadFixture<any>('runtime/auth.yaml'));
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });

  const clientWith = (auth: object): any => sdk.createClient({ baseUrl: server.url, auth });

  async function sent(call: Promise<unknown>): Promise<RecordedRequest> {
    server.requests.length = 0;
    await call;
    expect(server.requests).toHaveLength(1);
    return server.requests[0]!;
  }

  /** What a request carried of each place a credential can go. */
  const credentials = (request: RecordedRequest) => ({
    authorization: request.headers['authorization'],
    apiKey: request.headers['x-api-key'],
    query: new URL(request.url, server.url).search,
    cookie: request.headers['cookie'],
  });
  const none = { authorization: undefined, apiKey: undefined, query: '', cookie: undefined };

  it('HTTP bearer, the document default: only the Authorization header', async () => {
    const request = await sent(clientWith(everything).byDefault());
    expect(credentials(request)).toEqual({ ...none, authorization: 'Bearer bearer-token' });
  });

  it('HTTP basic: base64 of user:password in UTF-8', async () => {
    const request = await sent(clientWith(everything).withBasic());
    const expected = Buffer.from('ann:pässword', 'utf8').toString('base64');
    expect(credentials(request)).toEqual({ ...none, authorization: `Basic ${expected}` });
  });

  it('apiKey in a header: sent as given under its name', async () => {
    const request = await sent(clientWith(everything).withHeaderKey());
    expect(credentials(request)).toEqual({ ...none, apiKey: 'hk-secret' });
  });

  it('apiKey in the query: encoded, so it cannot add parameters', async () => {
    const request = await sent(clientWith(everything).withQueryKey());
    expect(credentials(request)).toEqual({ ...none, query: '?api_key=query%20key%26x%3D1' });
    expect(new URL(request.url, server.url).searchParams.get('api_key')).toBe('query key&x=1');
  });

  it('apiKey in a cookie: encoded, so it cannot add cookies', async () => {
    const request = await sent(clientWith(everything).withCookieKey());
    expect(credentials(request)).toEqual({ ...none, cookie: 'key=cookie%20key%3Bx' });
  });

  it('OAuth 2: the token provider is called for every request, so a refreshed token is used', async () => {
    let issued = 0;
    const client = clientWith({ oauth: () => `token-${++issued}` });
    const first = await sent(client.withOauth());
    const second = await sent(client.withOauth());
    expect([first.headers['authorization'], second.headers['authorization']]).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(credentials(second)).toEqual({ ...none, authorization: 'Bearer token-2' });
  });

  it('OpenID Connect: an async token provider, called again for a retried attempt', async () => {
    let issued = 0;
    const client = clientWith({ oidc: async () => `id-token-${++issued}` });
    server.requests.length = 0;
    server.reply({ status: 503 });
    await client.withOidc({}, { retry: { retries: 1, delay: 1 } });
    expect(server.requests.map((request) => request.headers['authorization'])).toEqual([
      'Bearer id-token-1',
      'Bearer id-token-2',
    ]);
  });

  it('a token provider that throws: the call rejects with an SdkError caused by it, onError sees it, nothing is sent', async () => {
    const failure = new Error('token service down');
    const seen: string[] = [];
    const client = sdk.createClient({
      baseUrl: server.url,
      auth: {
        oauth: () => {
          throw failure;
        },
      },
      onError: (context: any) => void seen.push(`${context.operationId} #${context.attempt} ${context.error.name}`),
    });
    server.requests.length = 0;
    let call: Promise<unknown> | undefined;
    expect(() => (call = client.withOauth())).not.toThrow();
    const error: any = await call!.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(sdk.SdkError);
    expect([error.message, error.cause]).toEqual(['withOauth (GET /oauth) failed.', failure]);
    expect(seen).toEqual(['withOauth #1 SdkError']);
    expect(server.requests).toHaveLength(0);
  });

  it('both schemes of one requirement (A and B) are sent together', async () => {
    const request = await sent(clientWith(everything).withBoth());
    expect(credentials(request)).toEqual({ ...none, apiKey: 'hk-secret', query: '?api_key=query%20key%26x%3D1' });
  });

  it('alternatives (A or B): the one the caller configured is sent', async () => {
    const onlyKey = await sent(clientWith({ headerKey: 'hk-secret' }).withEither());
    expect(credentials(onlyKey)).toEqual({ ...none, apiKey: 'hk-secret' });
    const onlyBasic = await sent(clientWith({ basic: 'u:p' }).withEither());
    expect(credentials(onlyBasic)).toEqual({ ...none, authorization: 'Basic dTpw' });
  });

  it('alternatives (A or B) with both configured: only the first the spec lists', async () => {
    const request = await sent(clientWith(everything).withEither());
    expect(credentials(request)).toEqual({
      ...none,
      authorization: `Basic ${Buffer.from('ann:pässword').toString('base64')}`,
    });
  });

  it('security: [] sends no credential at all', async () => {
    expect(credentials(await sent(clientWith(everything).open()))).toEqual(none);
  });

  it('optional auth ({} or bearer): the bearer token when configured, nothing otherwise', async () => {
    expect(credentials(await sent(clientWith({ bearer: 't' }).optionalAuth()))).toEqual({
      ...none,
      authorization: 'Bearer t',
    });
    expect(credentials(await sent(clientWith({}).optionalAuth()))).toEqual(none);
  });

  it.each(['byDefault', 'withBasic', 'withHeaderKey', 'withQueryKey', 'withCookieKey', 'withOauth', 'withOidc'])(
    'a 401 to %s: the ApiError shows no credential, however it is printed',
    async (operation) => {
      server.reply({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"message":"who?"}' });
      const error = await clientWith(everything)
        [operation]()
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(error).toBeInstanceOf(sdk.ApiError);
      const printed = [
        String(error),
        (error as Error).stack,
        JSON.stringify(error),
        inspect(error, { showHidden: true, depth: Infinity, getters: true }),
      ].join('\n');
      const basic = Buffer.from(everything.basic).toString('base64');
      for (const secret of [
        'bearer-token',
        'pässword',
        basic,
        'hk-secret',
        'query key',
        'query%20key',
        'cookie key',
        'cookie%20key',
        'oauth-token',
        'oidc-token',
      ])
        expect(printed).not.toContain(secret);
    },
  );

  it('a scheme without a credential is not sent (the server answers for it)', async () => {
    expect(credentials(await sent(clientWith({ headerKey: 'k' }).byDefault()))).toEqual(none);
  });
});

import { loadFixture } from '../../support/runtimeFixture';
import { startRecordingServer, type RecordingServer } from '../../support/recordingServer';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('whole query strings and RFC 6265 cookies on the wire (test/fixtures/runtime/querystring.yaml)', () => {
  let server: RecordingServer;
  let client: any;
  let cleanup: () => void;

  beforeAll(async () => {
    server = await startRecordingServer();
    let sdk: any;
    ({ sdk, cleanup } = await loadFixture<any>('runtime/querystring.yaml'));
    client = sdk.createClient({ baseUrl: server.url });
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });

  async function sent(call: Promise<unknown>): Promise<{ url: string; headers: Record<string, unknown> }> {
    server.requests.length = 0;
    await call;
    expect(server.requests).toHaveLength(1);
    return server.requests[0]!;
  }

  it('a URL-encoded querystring sends its fields as a form body would, with their encodings', async () => {
    const request = await sent(
      client.searchEvents({
        filter: {
          startDate: '2026-01-01',
          status: 'open',
          tags: ['a b', 'c&d=e+f'],
          codes: ['x', 'y'],
          meta: { a: 1 },
          absent: undefined,
        },
      }),
    );
    expect(request.url).toBe(
      '/events?startDate=2026-01-01&status=open&tags=a%20b&tags=c%26d%3De%2Bf&codes=x|y&meta=%7B%22a%22%3A1%7D',
    );
  });

  it('a JSON querystring sends the JSON text, percent-encoded whole, as the query', async () => {
    const request = await sent(client.selectJson({ selector: { numbers: [1, 2], flag: null } }));
    expect(request.url).toBe('/selector?%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Anull%7D');
    expect(decodeURIComponent(request.url.slice('/selector?'.length))).toBe('{"numbers":[1,2],"flag":null}');
  });

  it('a text querystring is percent-encoded whole: reserved characters and non-ASCII text included', async () => {
    expect((await sent(client.selectText({ path: '$.a.b[1:1]' }))).url).toBe('/path?%24.a.b%5B1%3A1%5D');
    const request = await sent(client.selectText({ path: 'a=1&b=2 + é/?#' }));
    expect(request.url).toBe('/path?a%3D1%26b%3D2%20%2B%20%C3%A9%2F%3F%23');
  });

  it('an optional querystring left out sends no "?"', async () => {
    expect((await sent(client.selectJson())).url).toBe('/selector');
    expect((await sent(client.selectText({}))).url).toBe('/path');
    expect((await sent(client.selectText({ path: '' }))).url).toBe('/path');
  });

  it('a URL-encoded querystring typed as a string is sent as written, "#" aside; path-item querystrings apply', async () => {
    const request = await sent(client.getRaw({ id: 'x', raw: 'a=1&b=%20#frag' }));
    expect(request.url).toBe('/raw/x?a=1&b=%20%23frag');
  });

  it('style: cookie sends values unescaped, "; " between pairs, objects and lists exploded', async () => {
    const request = await sent(
      client.sendCookies({
        session: 'abc.DEF-123_=',
        prefs: { theme: 'dark', size: 2 },
        ids: ['a', 'b'],
        legacy: 'x y;z',
      }),
    );
    expect(request.headers['cookie']).toBe('session=abc.DEF-123_=; theme=dark; size=2; ids=a; ids=b; legacy=x%20y%3Bz');
    expect((await sent(client.sendCookies({ session: '"quoted"' }))).headers['cookie']).toBe('session="quoted"');
  });

  it('refuses, before sending, a cookie value that would corrupt the Cookie header, without quoting it', async () => {
    server.requests.length = 0;
    for (const session of ['a;b=1', 'a,b', 'a b', 'tab\there', 'é', 'a"b', 'a\\b']) {
      const error = await client.sendCookies({ session }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe('Cookie session: a value cannot be sent unescaped (RFC 6265); escape it first.');
    }
    const badName = await client.sendCookies({ prefs: { 'a b': 'x' } }).catch((e: unknown) => e);
    expect(badName).toBeInstanceOf(TypeError);
    expect(badName.message).toBe('Cookie prefs: a cookie name must be a token (RFC 6265).');
    const unexploded = await client.sendCookies({ flat: ['a', 'b'] }).catch((e: unknown) => e);
    expect(unexploded.message).toBe('Cookie flat: a list or object cannot be sent unexploded (RFC 6265).');
    expect(server.requests).toHaveLength(0);
    expect((await sent(client.sendCookies({ flat: 'one' as any }))).headers['cookie']).toBe('flat=one');
  });
});

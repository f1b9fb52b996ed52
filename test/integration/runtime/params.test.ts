import { loadFixture } from '../../support/runtimeFixture';
import { startRecordingServer, type RecordingServer } from '../../support/recordingServer';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('parameters on the wire (test/fixtures/runtime/params.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  let client: any;

  beforeAll(async () => {
    server = await startRecordingServer();
    ({ sdk, cleanup } = await loadFixture<any>('runtime/params.yaml'));
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

  it('path, simple: every value is one encoded segment', async () => {
    expect((await sent(client.getSimple({ id: 'a/b?c#d e' }))).url).toBe('/simple/a%2Fb%3Fc%23d%20e');
  });

  it('path, label exploded', async () => {
    expect((await sent(client.getLabel({ ids: ['a', 'b.c'] }))).url).toBe('/label/.a.b%2Ec');
  });

  it('path, matrix', async () => {
    expect((await sent(client.getMatrix({ point: { x: 1, y: 2 } }))).url).toBe('/matrix/;point=x,1,y,2');
  });

  it('refuses a path parameter of "." or "..", which would change the route, before sending', async () => {
    server.requests.length = 0;
    for (const id of ['..', '.']) await expect(client.getSimple({ id })).rejects.toThrow(/"\." or "\.\."/);
    expect(server.requests).toHaveLength(0);
    expect((await sent(client.getSimple({ id: '%2e%2e' }))).url).toBe('/simple/%252e%252e');
    expect((await sent(client.getSimple({ id: '...' }))).url).toBe('/simple/...');
  });

  it('refuses an empty path parameter, which would drop its segment, before sending', async () => {
    server.requests.length = 0;
    const call = client.getSimple({ id: '' });
    expect(typeof call.withResponse).toBe('function');
    await expect(call).rejects.toThrow('getSimple: a path parameter is empty, "." or "..".');
    await expect(client.getLabel({ ids: '' })).rejects.toThrow(/"\." or "\.\."/);
    expect(server.requests).toHaveLength(0);
    expect((await sent(client.getMatrix({ point: '' }))).url).toBe('/matrix/;point');
  });

  it('query: form (exploded and not), spaceDelimited, pipeDelimited, deepObject, allowReserved, content; absent ones not sent', async () => {
    const request = await sent(
      client.search({
        tags: ['a b', 'c&d'],
        ids: [1, 2],
        words: ['x', 'y'],
        codes: ['p', 'q'],
        filter: { min: 1, max: 2 },
        next: '/page?n=2',
        meta: { a: 1 },
      }),
    );
    expect(request.url).toBe(
      '/search?tags=a%20b&tags=c%26d&ids=1,2&words=x%20y&codes=p|q&filter[min]=1&filter[max]=2&next=/page?n%3D2&meta=%7B%22a%22%3A1%7D',
    );
  });

  it('sends no query string when every parameter is absent', async () => {
    expect((await sent(client.search())).url).toBe('/search');
  });

  it('header and cookie parameters', async () => {
    const request = await sent(client.search({ 'X-Trace': 't-1', 'X-Sizes': [1, 2], session: 'a b;c' }));
    expect(request.headers['x-trace']).toBe('t-1');
    expect(request.headers['x-sizes']).toBe('1,2');
    expect(request.headers['cookie']).toBe('session=a%20b%3Bc');
  });

  it('refuses a header value with CR, LF or NUL before sending, without quoting it', async () => {
    server.requests.length = 0;
    for (const value of ['a\r\nX-Injected: 1', 'a\nb', 'a\0b']) {
      const error = await client.search({ 'X-Trace': value }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(sdk.SdkError);
      expect(error.message).toBe('Header X-Trace has an invalid value; not sent.');
    }
    const fromOptions = await client.search({}, { headers: { 'x-other': 'secret\r\nevil' } }).catch((e: unknown) => e);
    expect(fromOptions.message).not.toContain('secret');
    expect(server.requests).toHaveLength(0);
  });
});

import { startRecordingServer, type RecordingServer } from '../../support/recordingServer';
import { loadFixture } from '../../support/runtimeFixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('servers (test/fixtures/runtime/servers.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  let port: string;

  beforeAll(async () => {
    server = await startRecordingServer({ status: 200 });
    port = new URL(server.url).port;
    ({ sdk, cleanup } = await loadFixture<any>('runtime/servers.yaml'));
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  /** Where the calls went: the URL each request asked for, through a fetch that records it and then sends it. */
  function recordingFetch(): { fetch: typeof fetch; urls: string[] } {
    const urls: string[] = [];
    const fetchThrough = (async (url: string, init: RequestInit) => {
      urls.push(url);
      return fetch(url, init);
    }) as typeof fetch;
    return { fetch: fetchThrough, urls };
  }

  it('the document’s server, its variables from the caller and the rest from their defaults', async () => {
    await sdk.createClient({ serverVariables: { port } }).ping();
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/ping']);
  });

  it('a variable given one of its enum values', async () => {
    await sdk.createClient({ serverVariables: { port, base: 'v2' } }).ping();
    expect(server.requests.map((request) => request.url)).toEqual(['/v2/ping']);
  });

  it('every default when the caller gives none (the spec’s port 1: nothing listens there)', async () => {
    const { fetch, urls } = recordingFetch();
    const error = await sdk
      .createClient({ fetch, retry: 0 })
      .ping()
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(sdk.NetworkError);
    expect(urls).toEqual(['http://127.0.0.1:1/v1/ping']);
    expect(sdk.defaultBaseUrl).toBe('http://127.0.0.1:1/v1');
  });

  it('a path’s own servers win over the document’s, with their own variables', async () => {
    const { fetch, urls } = recordingFetch();
    await sdk.createClient({ fetch, serverVariables: { port: '1', filesPort: port } }).listFiles();
    expect(urls).toEqual([`http://127.0.0.1:${port}/files/files`]);
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([['GET', '/files/files']]);
  });

  it('an operation’s own servers win over its path’s', async () => {
    const { fetch, urls } = recordingFetch();
    await sdk.createClient({ fetch, serverVariables: { filesPort: '2', uploadPort: port } }).uploadFile();
    expect(urls).toEqual([`http://127.0.0.1:${port}/upload/files`]);
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([['POST', '/upload/files']]);
  });

  it('baseUrl replaces every server of the spec', async () => {
    const client = sdk.createClient({ baseUrl: `${server.url}/proxy/` });
    await client.ping();
    await client.listFiles();
    await client.uploadFile();
    expect(server.requests.map((request) => request.url)).toEqual(['/proxy/ping', '/proxy/files', '/proxy/files']);
  });
});

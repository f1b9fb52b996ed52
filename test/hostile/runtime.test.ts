import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { generateSdk } from '../../generator/pipeline';
import { writeTempFiles } from '../support/buildFromText';
import { compileSdks, writeSdk } from '../support/compileSdk';
import { probeSdk, type Probe } from '../support/probeSdk';
import { projectRoot } from '../support/runCli';

const specPath = relative(projectRoot, join(__dirname, 'fixtures', 'runtime', 'openapi.yaml'));
const secrets = { token: 'SECRET-TOKEN-7c5e1fd0', key: 'SECRET-KEY-4b23a1c4' };
const hostileIds = ['a/b', '?x=1', '#frag', '%2e%2e', '../../admin', '...', 'a b+c', 'é/ü'];
/** Values no encoding keeps as one path segment: the URL parser of fetch drops `.` and `..` even as `%2E`; `''` is none. */
const unsendableIds = ['..', '.', ''];

interface Received {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Header names as sent. */
  readonly names: string[];
}

/** Loopback server: records every request; `/items/pollute` answers with prototype keys, `/items/fail` with a 500. */
async function startServer(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    received.push({
      url: request.url ?? '',
      headers: request.headers,
      names: request.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase()),
    });
    const json = (status: number, body: string): void =>
      void response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (request.url?.startsWith('/items/pollute')) {
      json(200, '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"ok":true}');
    } else if (request.url?.startsWith('/items/fail')) {
      json(500, '{"message":"boom"}');
    } else {
      json(200, '{"ok":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the runtime of a generated SDK, given hostile values at run time', () => {
  let folder: string;
  let cleanup: () => void;
  let server: Awaited<ReturnType<typeof startServer>>;
  let probe: Probe;
  let result: Record<string, unknown>;

  beforeAll(async () => {
    ({ folder, cleanup } = writeTempFiles({}));
    server = await startServer();
    const generated = await generateSdk({ specPath, cwd: projectRoot });
    expect(compileSdks(writeSdk(folder, generated.files!)).errors).toEqual([]);
    probe = await probeSdk(
      folder,
      `
      const { inspect } = require('node:util');
      const baseUrl = ${JSON.stringify(server.url)};
      const withToken = sdk.createClient({ baseUrl, auth: { token: ${JSON.stringify(secrets.token)} } });
      const withKey = sdk.createClient({ baseUrl, auth: { key: ${JSON.stringify(secrets.key)} + '&admin=1' } });
      const outcome = async (call) => { try { await call(); return 'sent'; } catch (error) { return error.name; } };

      for (const id of ${JSON.stringify(hostileIds)}) await withToken.getItem({ id });
      const unsendable = [];
      for (const id of ${JSON.stringify(unsendableIds)}) unsendable.push(await outcome(() => withToken.getItem({ id })));
      await withToken.getItem({ id: 'query', q: 'a&b=c#d?e', tags: ['x&y', 'z'] });
      await withKey.getItem({ id: 'key' });

      const injected = {};
      for (const value of ['a\\r\\nX-Injected: 1', 'a\\nb', 'a\\rb', 'a\\u0000b']) {
        injected[JSON.stringify(value)] = await outcome(() => withToken.getItem({ id: 'header', 'X-Trace': value }));
      }
      const crlfToken = sdk.createClient({ baseUrl, auth: { token: 'abc\\r\\nX-Injected: 1' } });
      injected.credential = await outcome(() => crlfToken.getItem({ id: 'credential' }));

      const polluted = await withToken.getItem({ id: 'pollute' });
      const fromJson = await outcome(() => withToken.getItem(
        JSON.parse('{"id":"json","__proto__":{"q":"injected"},"constructor":{"prototype":{"q":"injected"}}}'),
        JSON.parse('{"headers":{"x-ok":"1","__proto__":{"x-evil":"1"}},"__proto__":{"headers":{"x-evil":"2"}}}'),
      ));
      const prototypeClean = ({}).polluted === undefined && Object.getOwnPropertyNames(Object.prototype).length === ${Object.getOwnPropertyNames(Object.prototype).length};

      let apiError;
      try { await withToken.getItem({ id: 'fail' }); } catch (error) { apiError = error; }
      let networkError;
      try { await sdk.createClient({ baseUrl: 'http://127.0.0.1:1', auth: { key: ${JSON.stringify(secrets.key)} } }).getItem({ id: 'x' }); } catch (error) { networkError = error; }
      const shown = (error) => [String(error), error.stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\\n');

      return {
        unsendable, injected, fromJson, prototypeClean, pollutedOwnKeys: Object.keys(polluted),
        apiError: { name: apiError.name, status: apiError.status, shown: shown(apiError) },
        networkError: { name: networkError.name, shown: shown(networkError) },
      };
      `,
    );
    result = probe.result as Record<string, unknown>;
  }, 120_000);

  afterAll(async () => {
    await server.close();
    cleanup();
  });

  const request = (id: string): Received => {
    const found = server.received.find((r) => r.url.split('?')[0] === `/items/${id}`);
    if (!found) throw new Error(`no request for /items/${id}`);
    return found;
  };

  it('encodes each path value as one segment: `/`, `?`, `#` and `%` cannot change the route', () => {
    const paths = server.received.slice(0, hostileIds.length).map((r) => r.url.split('?')[0]!);
    expect(paths.map((path) => decodeURIComponent(path.slice('/items/'.length)))).toEqual(hostileIds);
    for (const path of paths) expect(path).toMatch(/^\/items\/[^/?#]+$/);
  });

  it('refuses `.`, `..` and empty path values, which no encoding keeps in their segment', () => {
    expect(result['unsendable']).toEqual(['SdkError', 'SdkError', 'SdkError']);
    const paths = server.received.map((r) => r.url.split('?')[0]!);
    for (const route of ['/', '/items', '/items/']) expect(paths).not.toContain(route);
    expect(server.received.some((r) => !r.url.startsWith('/items/'))).toBe(false);
  });

  it('encodes query names and values: `&`, `=`, `#` and `?` stay inside their value', () => {
    const search = new URL(request('query').url, server.url).searchParams;
    expect([...search.keys()]).toEqual(['q', 'tags', 'tags']);
    expect(search.get('q')).toBe('a&b=c#d?e');
    expect(search.getAll('tags')).toEqual(['x&y', 'z']);
    const keyed = new URL(request('key').url, server.url).searchParams;
    expect([...keyed.entries()]).toEqual([['api_key', `${secrets.key}&admin=1`]]);
  });

  it('uses only credentials the caller gave, never members every object inherits', () => {
    expect(request('query').headers['authorization']).toBe(`Bearer ${secrets.token}`);
    expect(server.received.some((r) => r.names.includes('x-constructor'))).toBe(false);
  });

  it('refuses header values with CR, LF or NUL before anything is sent', () => {
    const injected = result['injected'] as Record<string, string>;
    expect(Object.values(injected)).toHaveLength(5);
    for (const outcome of Object.values(injected)) expect(outcome).not.toBe('sent');
    expect(server.received.filter((r) => /header|credential/.test(r.url))).toEqual([]);
    expect(server.received.some((r) => 'x-injected' in r.headers)).toBe(false);
  });

  it('leaves Object.prototype alone when a response or call arguments carry __proto__ or constructor.prototype', () => {
    expect(result['prototypeClean']).toBe(true);
    expect(result['pollutedOwnKeys']).not.toContain('polluted');
    expect(probe.after).toEqual(probe.before);
  });

  it('ignores prototype keys in arguments and call options parsed from JSON', () => {
    expect(result['fromJson']).toBe('sent');
    const received = request('json');
    expect(new URL(received.url, server.url).searchParams.has('q')).toBe(false);
    expect(received.headers['x-ok']).toBe('1');
    expect(received.names).not.toContain('x-evil');
    expect(received.names).not.toContain('__proto__');
  });

  it('never puts a credential in an error, however it is printed', () => {
    const apiError = result['apiError'] as { name: string; status: number; shown: string };
    const networkError = result['networkError'] as { name: string; shown: string };
    expect([apiError.name, apiError.status, networkError.name]).toEqual(['ApiError', 500, 'NetworkError']);
    for (const shown of [apiError.shown, networkError.shown]) {
      expect(shown).not.toContain(secrets.token);
      expect(shown).not.toContain(secrets.key);
    }
  });
});

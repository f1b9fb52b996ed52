import { build } from 'esbuild';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { createHttpClient, type BaseClientOptions, type OperationRequest } from '../../templates/client';
import { AbortError, ApiError, NetworkError, SdkError, TimeoutError } from '../../templates/errors';
import { parseJson, readBody } from '../../templates/response';
import { basicAuth, cookieAuth, headerAuth, queryAuth, type SecurityScheme } from '../../templates/security';

const secrets = {
  bearer: 'BEARER-SECRET-1f3a',
  password: 'PASSWORD-SECRET-9c2e',
  queryKey: 'QUERY-SECRET-77b1',
  cookieKey: 'COOKIE-SECRET-5d40',
  headerKey: 'HEADER-SECRET-e08c',
};
const schemes = {
  bearer: { name: 'bearer', apply: headerAuth('Authorization', 'Bearer ') },
  basic: { name: 'basic', apply: basicAuth },
  queryKey: { name: 'queryKey', apply: queryAuth('api_key') },
  cookieKey: { name: 'cookieKey', apply: cookieAuth('session') },
  headerKey: { name: 'headerKey', apply: headerAuth('X-Api-Key') },
} satisfies Record<string, SecurityScheme>;
const auth = {
  bearer: secrets.bearer,
  basic: `ann:${secrets.password}`,
  queryKey: secrets.queryKey,
  cookieKey: secrets.cookieKey,
  headerKey: secrets.headerKey,
};

/** One operation per scheme, and one that needs them all at once. */
const operations: [string, OperationRequest][] = [
  ...Object.values(schemes).map((scheme): [string, OperationRequest] => [
    scheme.name,
    { operationId: 'getItem', method: 'GET', path: '/items/a', security: [[scheme]] },
  ]),
  [
    'every scheme at once',
    { operationId: 'getItem', method: 'GET', path: '/items/a', security: [Object.values(schemes)] },
  ],
];

/** Everything a log could show of an error, its causes included. */
function shown(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current !== undefined && current !== null; current = (current as Error).cause) {
    const each = current as Error;
    parts.push(String(each), each.message, each.stack ?? '', JSON.stringify(each) ?? '');
    parts.push(inspect(each, { showHidden: true, depth: Infinity, getters: true }));
  }
  return parts.join('\n');
}

function expectNoSecret(error: unknown): void {
  const text = shown(error);
  for (const secret of [...Object.values(secrets), Buffer.from(`ann:${secrets.password}`).toString('base64')])
    expect(text).not.toContain(secret);
}

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('the call resolved');
    },
    (error: unknown) => error,
  );
}

/** A fetch that answers like the real one: the response's `url` is the request's, query (and key) included. */
function answering(status: number, headers: Record<string, string> = {}): typeof fetch {
  return (async (url: string) => {
    const response = new Response(JSON.stringify({ message: 'no' }), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
    return Object.defineProperty(response, 'url', { value: url });
  }) as typeof fetch;
}

describe('no credential appears in any error, however it is printed', () => {
  const client = (options: BaseClientOptions) =>
    createHttpClient({ baseUrl: 'http://127.0.0.1:1', auth, retry: 0, ...options });

  it.each(operations)('ApiError (%s)', async (_, operation) => {
    const error = await rejection(client({ fetch: answering(401) }).request(() => operation));
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).response.status, (error as ApiError).response.url]).toEqual([401, '']);
    expectNoSecret(error);
  });

  it.each(operations)('NetworkError whose cause quotes the URL (%s)', async (_, operation) => {
    const fetch = (async (url: string) => {
      throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED ${url}`) });
    }) as typeof globalThis.fetch;
    const error = await rejection(client({ fetch }).request(() => operation));
    expect(error).toBeInstanceOf(NetworkError);
    expectNoSecret(error);
  });

  it.each(operations)('NetworkError from an invalid URL, which fetch quotes whole (%s)', async (_, operation) => {
    const error = await rejection(client({ baseUrl: 'http://exa mple' }).request(() => operation));
    expect(error).toBeInstanceOf(NetworkError);
    expectNoSecret(error);
  });

  it('a NetworkError keeps a cause that quotes no secret', async () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:1');
    const fetch = (async () => {
      throw new TypeError('fetch failed', { cause });
    }) as typeof globalThis.fetch;
    const error = await rejection(client({ fetch }).request(() => operations[0]![1]));
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError);
  });

  it.each(operations)('TimeoutError and AbortError (%s)', async (_, operation) => {
    const hang = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as typeof fetch;
    const timedOut = await rejection(client({ fetch: hang, timeout: 5 }).request(() => operation));
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expectNoSecret(timedOut);
    const aborted = await rejection(client({ fetch: hang }).request(() => operation, { signal: AbortSignal.abort() }));
    expect(aborted).toBeInstanceOf(AbortError);
    expectNoSecret(aborted);
  });

  it('a credential that is not a valid header value: an SdkError that does not quote it', async () => {
    for (const token of [`${secrets.bearer}\r\nX-Injected: 1`, `${secrets.bearer}€`]) {
      const error = await rejection(
        createHttpClient({ baseUrl: 'http://127.0.0.1:1', auth: { bearer: token } }).request(() => operations[0]![1]),
      );
      expect(error).toBeInstanceOf(SdkError);
      expect((error as Error).message).toContain('Authorization');
      expectNoSecret(error);
    }
  });
});

describe('a custom fetch returning a stand-in for Response (a test mock)', () => {
  // What mocks often return: the fields a client reads, a body that is not a ReadableStream.
  const standIn = (status: number) =>
    ({
      ok: status < 300,
      status,
      url: '',
      headers: new Headers({ 'content-type': 'application/json' }),
      body: {},
      text: async () => '{"message":"no"}',
    }) as unknown as Response;
  const getItem: OperationRequest = { operationId: 'getItem', method: 'GET', path: '/items/a', security: [] };

  it('fails as any call does when a hook throws after it answered, though its body cannot be cancelled', async () => {
    const hookError = new Error('hook failed');
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1:9',
      retry: false,
      fetch: async () => standIn(200),
      onResponse: () => {
        throw hookError;
      },
    });
    const error = await client.request(() => getItem).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as SdkError).cause).toBe(hookError);
  });

  it('rejects with the ApiError of its status', async () => {
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:9', retry: false, fetch: async () => standIn(404) });
    await expect(client.request(() => getItem)).rejects.toMatchObject({
      name: 'ApiError',
      status: 404,
      body: { message: 'no' },
    });
  });
});

describe('ApiError', () => {
  const response = (status: number, headers: Record<string, string> = {}) =>
    new Response(null, { status, statusText: status === 404 ? 'Not Found' : '', headers });
  const error = (headers: Record<string, string> = {}) =>
    new ApiError({
      operationId: 'getItem',
      method: 'GET',
      path: '/items/a',
      response: response(404, headers),
      body: { message: 'gone' },
    });

  it.each(['x-request-id', 'request-id', 'x-amzn-requestid', 'x-correlation-id'])(
    'takes requestId from the server’s %s header',
    (header) => {
      const thrown = error({ [header]: 'req-42' });
      expect(thrown.requestId).toBe('req-42');
      expect(thrown.message).toBe('getItem failed with status 404 Not Found (GET /items/a), request id req-42');
    },
  );

  it('has no requestId when the server sends none', () => {
    expect(error().requestId).toBeUndefined();
    expect(error().message).toBe('getItem failed with status 404 Not Found (GET /items/a)');
  });

  it('carries status, headers, the parsed body and the raw response; toJSON holds no headers', () => {
    const thrown = error({ 'x-request-id': 'r1', 'x-other': 'o' });
    expect([thrown.status, thrown.body, thrown.headers.get('x-other'), thrown.response.status]).toEqual([
      404,
      { message: 'gone' },
      'o',
      404,
    ]);
    expect(thrown).toBeInstanceOf(SdkError);
    expect(thrown.name).toBe('ApiError');
    expect(JSON.parse(JSON.stringify(thrown))).toEqual({
      name: 'ApiError',
      message: thrown.message,
      status: 404,
      requestId: 'r1',
      body: { message: 'gone' },
    });
  });

  it('narrows on status to the body that status documents', () => {
    type NotFound = { readonly message: string };
    type Invalid = { readonly fields: readonly string[] };
    const thrown = error() as ApiError<404, NotFound> | ApiError<422, Invalid>;
    const described = thrown.status === 404 ? thrown.body.message : thrown.body.fields.join();
    expect(described).toBe('gone');
  });
});

describe('error names', () => {
  it('stay the class names in a minified bundle, where classes are renamed', async () => {
    const bundled = await build({
      entryPoints: [join(__dirname, '../../templates/errors.ts')],
      bundle: true,
      minify: true,
      format: 'cjs',
      write: false,
    });
    const module = { exports: {} as Record<string, new (message: string) => Error> };
    new Function('module', 'exports', bundled.outputFiles[0]!.text)(module, module.exports);
    const { exports } = module;
    const names = ['SdkError', 'NetworkError', 'TimeoutError', 'AbortError', 'ApiError'];
    const errors = names.map((name) =>
      name === 'ApiError'
        ? new (exports[name] as unknown as typeof ApiError)({
            operationId: 'getItem',
            method: 'GET',
            path: '/items/a',
            response: new Response(null, { status: 404 }),
            body: undefined,
          })
        : new exports[name]!('x'),
    );
    expect(errors.map((error) => error.name)).toEqual(names);
    // The minifier did rename them: constructor.name no longer says which error it is.
    expect(errors.map((error) => error.constructor.name)).not.toEqual(names);
  });
});

describe('readBody: the response body by its content type', () => {
  const read = (body: BodyInit | null, init: ResponseInit) => readBody(new Response(body, init));

  it.each([204, 205, 304])('%i: undefined', async (status) => {
    expect(await read(null, { status, headers: { 'content-type': 'application/json' } })).toBeUndefined();
  });

  it('no body at all (as fetch gives for HEAD): undefined, whatever the headers say', async () => {
    expect(await read(null, { headers: { 'content-type': 'image/png', 'content-length': '10' } })).toBeUndefined();
  });

  it('an empty JSON body: undefined', async () => {
    expect(await read('', { headers: { 'content-type': 'application/json' } })).toBeUndefined();
  });

  it.each([
    ['application/json', '{"a":[1]}', { a: [1] }],
    ['application/problem+json; charset=utf-8', '{"title":"t"}', { title: 't' }],
    ['application/vnd.api+json', '{"data":null}', { data: null }],
    ['text/plain; charset=utf-8', 'héllo', 'héllo'],
    ['text/html', '<p>x</p>', '<p>x</p>'],
    ['text/csv', 'a,b', 'a,b'],
    ['application/xml', '<a/>', '<a/>'],
    ['', 'no type', 'no type'],
  ])('%s: %s', async (type, text, expected) => {
    expect(await read(text, { headers: type ? { 'content-type': type } : {} })).toEqual(expected);
  });

  it.each(['image/png', 'application/octet-stream', 'application/pdf'])('%s: a Blob of the bytes', async (type) => {
    const body = await read(new Uint8Array([0, 159, 255]), { headers: { 'content-type': type } });
    expect(body).toBeInstanceOf(Blob);
    expect([(body as Blob).type, [...new Uint8Array(await (body as Blob).arrayBuffer())]]).toEqual([
      type,
      [0, 159, 255],
    ]);
  });

  it('JSON that does not parse: an SdkError for a success, the text for an error status', async () => {
    const headers = { 'content-type': 'application/json' };
    await expect(read('{oops', { headers })).rejects.toBeInstanceOf(SdkError);
    expect(await read('<html>502</html>', { status: 502, headers })).toBe('<html>502</html>');
  });
});

describe('parseJson: JSON with prototype keys leaves Object.prototype untouched', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  afterEach(() => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  /** A naive deep merge, as user code often has: it would pollute Object.prototype through a `__proto__` key. */
  function merge(target: Record<string, any>, source: Record<string, any>): Record<string, any> {
    for (const key of Object.keys(source)) {
      if (typeof source[key] === 'object' && source[key] !== null) merge((target[key] ??= {}), source[key]);
      else target[key] = source[key];
    }
    return target;
  }

  it.each([
    ['__proto__', '{"__proto__":{"polluted":1},"ok":true}'],
    ['__proto__ escaped', '{"\\u005f_proto__":{"polluted":1},"ok":true}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":1}},"ok":true}'],
    ['nested', '{"a":{"b":[{"__proto__":{"polluted":1}}]},"ok":true}'],
  ])('%s', (_, text) => {
    const value = parseJson(text) as Record<string, any>;
    expect(value['ok']).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    merge({}, value);
    Object.assign({}, value);
  });

  it('keeps everything else, a "constructor" key with a value included', () => {
    expect(parseJson('{"constructor":"x","prototype":1,"proto":[{"a":1}]}')).toEqual({
      constructor: 'x',
      prototype: 1,
      proto: [{ a: 1 }],
    });
  });

  it('through readBody, as the client reads every response', async () => {
    const body = await readBody(
      new Response('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}', {
        headers: { 'content-type': 'application/json' },
      }),
    );
    merge({}, body as Record<string, unknown>);
    expect(Object.keys(body as object)).toEqual(['constructor']);
  });
});

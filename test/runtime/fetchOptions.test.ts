import { createHttpClient, type OperationRequest } from '../../templates/client';
import { jsonBody } from '../../templates/body';
import { startRecordingServer } from '../support/recordingServer';

const createItem: OperationRequest = {
  operationId: 'createItem',
  method: 'POST',
  path: '/items',
  body: jsonBody({ name: 'a' }),
  security: [],
};

/** A client whose `fetch` records what it was given, answering 200 `{}`. */
function recording(options: Parameters<typeof createHttpClient>[0] = {}) {
  const seen: { url: string; init: RequestInit }[] = [];
  const client = createHttpClient(
    {
      baseUrl: 'http://127.0.0.1:9',
      ...options,
      fetch: async (url, init) => {
        seen.push({ url: String(url), init: init! });
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    },
    undefined,
  );
  return { client, seen };
}

describe('fetchOptions', () => {
  it("gives fetch the client's options, and a call's own over them", async () => {
    const { client, seen } = recording({ fetchOptions: { credentials: 'include', keepalive: true, mode: 'cors' } });
    await client.request(() => createItem, { fetchOptions: { cache: 'no-store', keepalive: false } });
    await client.request(() => createItem);
    expect(seen.map(({ init }) => [init.credentials, init.mode, init.keepalive, init.cache])).toEqual([
      ['include', 'cors', false, 'no-store'],
      ['include', 'cors', true, undefined],
    ]);
  });

  it("passes a framework's own options through (Next.js's `next`, which Next.js adds to RequestInit's type)", async () => {
    const { client, seen } = recording();
    await client.request(() => createItem, { fetchOptions: { next: { revalidate: 60 } } as never });
    expect((seen[0]!.init as { next?: unknown }).next).toEqual({ revalidate: 60 });
  });

  it('cannot replace the method, headers, body or signal the SDK sends', async () => {
    const other = new AbortController();
    const { client, seen } = recording({
      // @ts-expect-error the SDK sets the method itself
      fetchOptions: { method: 'DELETE' },
    });
    const forced = { headers: { 'x-forced': '1' }, body: 'forced', signal: other.signal } as never;
    await client.request(() => createItem, { fetchOptions: forced });
    const { init } = seen[0]!;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"a"}');
    expect(new Headers(init.headers).get('x-forced')).toBeNull();
    expect(init.signal).not.toBe(other.signal);
    other.abort();
    expect(init.signal!.aborted).toBe(false);
  });

  it("reach Node.js's own fetch, which sends the request with them (a loopback server)", async () => {
    const server = await startRecordingServer();
    try {
      const client = createHttpClient({
        baseUrl: server.url,
        fetchOptions: { credentials: 'include', keepalive: true, mode: 'cors' },
      });
      await expect(client.request(() => createItem, { fetchOptions: { cache: 'no-store' } })).resolves.toEqual({
        ok: true,
      });
      expect(server.requests.map((request) => [request.method, request.body.toString()])).toEqual([
        ['POST', '{"name":"a"}'],
      ]);
    } finally {
      await server.stop();
    }
  });
});

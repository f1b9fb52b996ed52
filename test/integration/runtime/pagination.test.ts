import { startRecordingServer, type RecordingServer, type Reply } from '../../support/recordingServer';
import { loadFixture } from '../../support/runtimeFixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('list operations iterate their pages (test/fixtures/runtime/pagination.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;

  beforeAll(async () => {
    server = await startRecordingServer();
    ({ sdk, cleanup } = await loadFixture<any>('runtime/pagination.yaml'));
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const json = (body: unknown, headers: Record<string, string> = {}): Reply => ({
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const client = (options: object = {}): any =>
    sdk.createClient({ baseUrl: server.url, auth: { bearer: 'secret' }, retry: { delay: 1, maxDelay: 1 }, ...options });
  const all = async (iterable: AsyncIterable<unknown>): Promise<unknown[]> => {
    const items: unknown[] = [];
    for await (const item of iterable) items.push(item);
    return items;
  };
  const targets = (): string[] => server.requests.map((request) => request.url);

  it('follows the URL in links.next, with the credentials and without changing it, until there is none', async () => {
    server.reply(
      json({
        links: { next: `${server.url}/events?kind=deploy&continueToken=t2` },
        events: [{ id: 'a' }, { id: 'b' }],
      }),
      json({ links: { next: `${server.url}/events?kind=deploy&continueToken=t3` }, events: [{ id: 'c' }] }),
      json({ links: { next: null }, events: [{ id: 'd' }] }),
    );
    const events = await all(client().listEvents({ kind: 'deploy' }));
    expect(events).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]);
    expect(targets()).toEqual([
      '/events?kind=deploy',
      '/events?kind=deploy&continueToken=t2',
      '/events?kind=deploy&continueToken=t3',
    ]);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(Array(3).fill('Bearer secret'));
  });

  it('sends an API key in the query once, when the next link repeats it', async () => {
    server.reply(
      json({ links: { next: `${server.url}/events?continueToken=t2&api_key=k%201` }, events: [{ id: 'a' }] }),
      json({ links: { next: `${server.url}/events?continueToken=t3&api_key=other` }, events: [{ id: 'b' }] }),
      json({ events: [{ id: 'c' }] }),
    );
    const events = await all(sdk.createClient({ baseUrl: server.url, auth: { key: 'k 1' } }).listEvents());
    expect(events).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(targets()).toEqual([
      '/events?api_key=k%201',
      '/events?continueToken=t2&api_key=k%201',
      // Another value is not the client's key: the client's is added, as to any URL.
      '/events?continueToken=t3&api_key=other&api_key=k%201',
    ]);
  });

  it('awaiting the call sends one request and gives the first page; withResponse() still works', async () => {
    server.reply(json({ links: { next: `${server.url}/events?p=2` }, events: [{ id: 'a' }] }));
    const first = await client().listEvents();
    expect(first).toEqual({ links: { next: `${server.url}/events?p=2` }, events: [{ id: 'a' }] });
    server.reply(json({ events: [] }));
    const { data, response } = await client().listEvents().withResponse();
    expect([data, response.status]).toEqual([{ events: [] }, 200]);
    expect(targets()).toEqual(['/events', '/events']);
  });

  it('pages() yields whole pages, the first one included; leaving the loop early requests nothing more', async () => {
    server.reply(
      json({ links: { next: '/events?p=2' }, events: [{ id: 'a' }] }),
      json({ links: { next: '/events?p=3' }, events: [{ id: 'b' }] }),
      json({ events: [{ id: 'c' }] }),
    );
    const pages = await all(client().listEvents().pages());
    expect(pages.map((page: any) => page.events[0].id)).toEqual(['a', 'b', 'c']);
    server.requests.length = 0;
    server.reply(json({ links: { next: '/events?p=2' }, events: [{ id: 'a' }, { id: 'b' }] }));
    for await (const event of client().listEvents()) {
      expect(event).toEqual({ id: 'a' });
      break;
    }
    expect(targets()).toEqual(['/events']);
  });

  it('resolves a relative next_page_uri against the page it came from', async () => {
    server.reply(
      json({ calls: [{ sid: 'CA1' }], next_page_uri: '/2010-04-01/Calls.json?PageSize=1&Page=1&PageToken=PA2' }),
      json({ calls: [{ sid: 'CA2' }], next_page_uri: null }),
    );
    expect(await all(client({ baseUrl: `${server.url}/api` }).listCalls({ PageSize: 1 }))).toEqual([
      { sid: 'CA1' },
      { sid: 'CA2' },
    ]);
    expect(targets()).toEqual(['/api/calls?PageSize=1', '/2010-04-01/Calls.json?PageSize=1&Page=1&PageToken=PA2']);
  });

  it('refuses a next page on another origin: the credentials are not sent there', async () => {
    const other = await startRecordingServer();
    try {
      server.reply(json({ links: { next: `${other.url}/events?p=2` }, events: [{ id: 'a' }] }));
      const seen: unknown[] = [];
      const iterate = async (): Promise<void> => {
        for await (const event of client().listEvents()) seen.push(event);
      };
      await expect(iterate()).rejects.toThrow(`The next page is on another origin: ${other.url}/events?p=2`);
      expect(seen).toEqual([{ id: 'a' }]);
      expect(other.requests).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it("behind a baseUrl (a proxy, a mock server), follows links to the spec's server through it, and no other", async () => {
    // The spec's server is http://127.0.0.1 (port 80): the proxy stands for it at <server>/proxy.
    const fetched: string[] = [];
    const loopbackOnly = (url: string, init: RequestInit): Promise<Response> => {
      fetched.push(url);
      return url.startsWith(`${server.url}/`) ? fetch(url, init) : Promise.reject(new Error(`not on loopback: ${url}`));
    };
    const proxied = (): any => client({ baseUrl: `${server.url}/proxy/`, fetch: loopbackOnly });
    server.reply(
      json({ links: { next: 'http://127.0.0.1/events?continueToken=t2' }, events: [{ id: 'a' }] }),
      json({ links: { next: 'http://127.0.0.1/events?continueToken=t3' }, events: [{ id: 'b' }] }),
      json({ events: [{ id: 'c' }] }),
    );
    expect(await all(proxied().listEvents())).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(targets()).toEqual(['/proxy/events', '/proxy/events?continueToken=t2', '/proxy/events?continueToken=t3']);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(Array(3).fill('Bearer secret'));

    // A host that only starts like the spec's server, or another port of it, is another origin still.
    for (const link of ['http://127.0.0.1.example/events?p=2', 'http://127.0.0.1:8080/events?p=2']) {
      server.requests.length = 0;
      fetched.length = 0;
      server.reply(json({ links: { next: link }, events: [{ id: 'a' }] }));
      await expect(all(proxied().listEvents())).rejects.toThrow(`The next page is on another origin: ${link}`);
      expect(fetched).toEqual([`${server.url}/proxy/events`]);
    }
  });

  it('follows the Link header rel="next" (GitHub), whatever else it lists', async () => {
    server.reply(
      json(['a', 'b'], {
        link: `<${server.url}/repos?per_page=2&page=2>; rel="next", <${server.url}/repos?page=9>; rel="last"`,
      }),
      json(['c'], { link: `<${server.url}/repos?per_page=2&page=1>; rel="prev first"` }),
    );
    expect(await all(client().listRepos({ per_page: 2 }))).toEqual(['a', 'b', 'c']);
    expect(targets()).toEqual(['/repos?per_page=2', '/repos?per_page=2&page=2']);
  });

  it('sends response_metadata.next_cursor back as cursor, keeping the other arguments, until it is empty', async () => {
    server.reply(
      json({ members: [{ name: 'a' }], response_metadata: { next_cursor: 'dXNlcjpV' } }),
      json({ members: [], response_metadata: { next_cursor: 'dXNlcjpX' } }),
      json({ members: [{ name: 'b' }], response_metadata: { next_cursor: '' } }),
    );
    // An empty page with a cursor (Slack sends them) does not end the list.
    expect(await all(client().listUsers({ limit: 1 }))).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(targets()).toEqual(['/users?limit=1', '/users?cursor=dXNlcjpV&limit=1', '/users?cursor=dXNlcjpX&limit=1']);
  });

  it('stops when a cursor comes back that was already sent, instead of looping', async () => {
    server.reply(
      json({ members: [{ name: 'a' }], response_metadata: { next_cursor: 'c1' } }),
      json({ members: [{ name: 'b' }], response_metadata: { next_cursor: 'c1' } }),
    );
    expect(await all(client().listUsers())).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(server.requests).toHaveLength(2);
  });

  it('sends the last item’s id as starting_after while has_more is true (Stripe)', async () => {
    server.reply(
      json({ object: 'list', data: [{ id: 'ch_1' }, { id: 'ch_2' }], has_more: true }),
      json({ object: 'list', data: [{ id: 'ch_3' }], has_more: false }),
    );
    expect(await all(client().listCharges({ limit: 2 }))).toEqual([{ id: 'ch_1' }, { id: 'ch_2' }, { id: 'ch_3' }]);
    expect(targets()).toEqual(['/charges?limit=2', '/charges?starting_after=ch_2&limit=2']);
  });

  it('advances offset by the items read and stops at total_count', async () => {
    server.reply(
      json({ entries: [1, 2], total_count: 5 }),
      json({ entries: [3, 4], total_count: 5 }),
      json({ entries: [5], total_count: 5 }),
    );
    expect(await all(client().listMembers({ limit: 2 }))).toEqual([1, 2, 3, 4, 5]);
    expect(targets()).toEqual(['/members?limit=2', '/members?offset=2&limit=2', '/members?offset=4&limit=2']);
  });

  it('starts from the caller’s own offset, and stops at an empty page without a total', async () => {
    server.reply(json({ entries: [7] }), json({ entries: [] }));
    expect(await all(client().listMembers({ offset: 6 }))).toEqual([7]);
    expect(targets()).toEqual(['/members?offset=6', '/members?offset=7']);
  });

  it('advances page by one from the spec’s default, until an empty page', async () => {
    server.reply(json([{ number: 1 }, { number: 2 }]), json([{ number: 3 }]), json([]));
    expect(await all(client().listOrders({ per_page: 2 }))).toEqual([{ number: 1 }, { number: 2 }, { number: 3 }]);
    expect(targets()).toEqual(['/orders?per_page=2', '/orders?page=2&per_page=2', '/orders?page=3&per_page=2']);
  });

  it('stops at a page that repeats the one before (an API that ignores page), without yielding it twice', async () => {
    server.reply(json([{ number: 1 }]), json([{ number: 1 }]));
    expect(await all(client().listOrders())).toEqual([{ number: 1 }]);
    expect(server.requests).toHaveLength(2);
  });

  it('sends NextToken back under the same name (AWS), and follows x-ms-pageable’s nextLink (Azure)', async () => {
    server.reply(json({ Tokens: ['a'], NextToken: 'n2' }), json({ Tokens: ['b'] }));
    expect(await all(client().listTokens())).toEqual(['a', 'b']);
    server.reply(json({ value: ['v1'], nextLink: `${server.url}/vaults?$skiptoken=x` }), json({ value: ['v2'] }));
    expect(await all(client().listVaults())).toEqual(['v1', 'v2']);
    expect(targets()).toEqual(['/tokens', '/tokens?NextToken=n2', '/vaults', '/vaults?$skiptoken=x']);
  });

  it('sends NextToken back in the JSON body of a POST list (AWS), keeping the rest of the body', async () => {
    server.reply(json({ Items: ['a'], NextToken: 'n2' }), json({ Items: ['b'] }));
    expect(await all(client().searchItems({ body: { Query: 'red' } }))).toEqual(['a', 'b']);
    expect(server.requests.map((request) => [request.method, request.url, request.body.toString()])).toEqual([
      ['POST', '/search', '{"Query":"red"}'],
      ['POST', '/search', '{"Query":"red","NextToken":"n2"}'],
    ]);
  });

  it('retries a page that failed as any call, and rejects the iteration with the error of a page that fails', async () => {
    const page = (name: string, next: string): Reply =>
      json({ members: [{ name }], response_metadata: { next_cursor: next } });
    server.reply(page('a', 'c2'), { status: 503 }, page('b', ''));
    expect(await all(client().listUsers())).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(targets()).toEqual(['/users', '/users?cursor=c2', '/users?cursor=c2']);

    server.reply(page('a', 'c2'), { status: 503 });
    const seen: unknown[] = [];
    const iterate = async (): Promise<void> => {
      for await (const member of client({ retry: 0 }).listUsers()) seen.push(member);
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'ApiError', status: 503 });
    expect(seen).toEqual([{ name: 'a' }]);
  });

  it('the call’s signal aborts the page being requested', async () => {
    server.reply(json({ members: [{ name: 'a' }], response_metadata: { next_cursor: 'c2' } }), 'hang');
    const controller = new AbortController();
    const seen: unknown[] = [];
    const iterate = async (): Promise<void> => {
      for await (const member of client().listUsers({}, { signal: controller.signal })) {
        seen.push(member);
        // Aborted once the second page's request has reached the server, which never answers it.
        void server.received(2).then(() => controller.abort());
      }
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([{ name: 'a' }]);
    expect(server.requests).toHaveLength(2);
  });

  it('a list without a way to the next page stays a plain call', async () => {
    server.reply(json(['x', 'y']));
    const call = client().listTags({ limit: 2 });
    expect(await call).toEqual(['x', 'y']);
    expect(typeof call.pages).toBe('undefined');
    expect(Symbol.asyncIterator in call).toBe(false);
  });
});

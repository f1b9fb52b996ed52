import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readmeExamples } from '../../consumer/support/readmeExamples';
import { generateInto } from '../../support/generateInto';
import { fixturesFolder } from '../../support/fixtureSdk';
import { typecheck } from '../../support/typecheck';

/** Compile-time checks of one fixture's SDK, next to its `index.ts`; each `@ts-expect-error` must be needed. */
const checks: Record<string, string> = {
  'resilience.yaml': `
    import { createClient, isApiErrorOf, type GetItemError } from './index.js';
    export async function check(error: unknown): Promise<string> {
      const client = createClient({ retry: { retries: 3, methods: ['GET', 'POST'] }, timeout: 1000 });
      await client.createItem({ body: { id: 'a' } }, { retry: 1, timeout: 50, signal: AbortSignal.timeout(10) });
      const { data, response } = await client.getItem({ id: 'a' }).withResponse();
      void [data.id, response.status];
      if (isApiErrorOf(error, 'getItem')) {
        const documented: GetItemError = error;
        if (documented.status === 404) return documented.body.message;
        // @ts-expect-error a 422 body has no message
        void documented.body.message;
        return documented.body.fields.join();
      }
      // @ts-expect-error methods are named by their strings
      createClient({ retry: { methods: [1] } });
      return '';
    }`,
  'auth.yaml': `
    import { createClient } from './index.js';
    createClient({ auth: { bearer: 't', basic: 'u:p', headerKey: 'k', queryKey: () => 'k', oauth: async () => 't', oidc: () => 't' } });
    // @ts-expect-error only the spec's schemes
    createClient({ auth: { other: 'x' } });`,
  'bodies.yaml': `
    import { createClient } from './index.js';
    export async function check(): Promise<number> {
      const client = createClient();
      const report: Blob = await client.getReport();
      const archive: Blob = await client.getArchive();
      await client.putAvatar({ body: new Uint8Array([255, 216]) });
      const text: string = await client.sendText({ body: 'plain' });
      return report.size + archive.size + text.length;
    }`,
  'downloads.yaml': `
    import { createBaseClient, createClient, downloadFile } from './index.js';
    export async function check(): Promise<number> {
      const client = createClient();
      const file: Blob = await client.downloadFile({ id: 'a' });
      const response: Response = await client.downloadFile({ id: 'a' }, { signal: AbortSignal.timeout(1000) }).asResponse();
      const body: ReadableStream<Uint8Array> | null = response.body;
      const first: Response = await client.listExports().asResponse();
      const standalone: Response = await downloadFile(createBaseClient(), { id: 'a' }).asResponse();
      const { data } = await client.downloadFile({ id: 'a' }).withResponse();
      // @ts-expect-error asResponse() gives the Response, not the Blob
      const blob: Blob = await client.downloadFile({ id: 'a' }).asResponse();
      return file.size + response.status + first.status + standalone.status + data.size + blob.size + (body ? 1 : 0);
    }`,
  'events.yaml': `
    import { createClient, type Tick } from './index.js';
    export async function check(): Promise<number> {
      const client = createClient();
      let sum = 0;
      for await (const tick of await client.streamTicks({ from: 1 })) sum += tick.n;
      for await (const line of await client.streamLines()) sum += line.length;
      for await (const text of await client.streamRaw()) sum += text.length;
      for await (const log of await client.streamLogs()) if (log.level === 'error') sum += log.text.length;
      const ticks = await client.getTicks();
      if (Array.isArray(ticks)) return ticks.length;
      const stream: AsyncIterable<Tick> = ticks;
      // @ts-expect-error a stream is not an event
      const tick: Tick = await client.streamTicks();
      return sum + tick.n + (stream ? 1 : 0);
    }`,
  'methods.yaml': `
    import { createClient, type ItemChangedNotifyWebhook, type Results, type RetryOptions } from './index.js';
    type HttpMethod = NonNullable<RetryOptions['methods']>[number];
    export async function check(): Promise<number> {
      const client = createClient({ auth: { apiKey: 'k' }, retry: { methods: ['GET', 'QUERY', 'LINK', 'Refresh'] } });
      const results: Results = await client.searchItems({ tenant: 't', body: { text: 'x', limit: 1 } });
      const linked = await client.linkItem({ id: 'a', body: { target: 'b' } });
      const purged: void = await client.purgeItemsById({ id: 'a' });
      await client.refreshCache();
      const notified: ItemChangedNotifyWebhook = { id: 'a' };
      // @ts-expect-error a QUERY operation's body is required when the spec says so
      await client.searchItems({ tenant: 't' });
      // @ts-expect-error the body of a custom method is typed
      await client.linkItem({ id: 'a', body: { target: 1 } });
      // The known methods stay literal members (editors suggest them) beside any other string.
      const known: Extract<HttpMethod, 'QUERY' | 'PATCH'> = 'QUERY';
      // @ts-expect-error a method the runtime does not know is no literal member
      const unknown: Extract<HttpMethod, 'PURGE'> = 'PURGE';
      void unknown;
      return results.total + linked.name.length + notified.id.length + known.length + (purged ?? 0);
    }`,
  'streams32.yaml': `
    import { createClient, type ChatEvent, type LogEntry } from './index.js';
    export async function check(): Promise<number> {
      const client = createClient();
      let sum = 0;
      for await (const event of await client.chat({ body: { prompt: 'hi' } })) {
        if (event.event === 'delta') sum += event.data.text.length;
        else sum += event.data.length;
        // @ts-expect-error the data of ping and done events is text
        void (event.event === 'ping' && event.data.text);
      }
      for await (const update of await client.watchUpdates()) sum += update.data.level + (update.id?.length ?? 0);
      for await (const note of await client.watchNotes()) sum += note.data.length + (note.retry ?? 0);
      for await (const entry of await client.tailLogs()) sum += entry.level;
      const excerpt: AsyncIterable<LogEntry> = await client.logExcerpt();
      const handle = (event: ChatEvent): string => event.event;
      return sum + (excerpt ? 1 : 0) + handle({ event: 'done', data: '' }).length;
    }`,
  'querystring.yaml': `
    import { createClient, type SearchEventsArgs } from './index.js';
    export async function check(): Promise<void> {
      const client = createClient();
      const filter: SearchEventsArgs['filter'] = { startDate: '2026-01-01', status: 'open', tags: ['a'] };
      await client.searchEvents({ filter });
      await client.selectJson({ selector: { numbers: [1], flag: null } });
      await client.selectText();
      await client.getRaw({ id: 'x', raw: 'a=1&b=2' });
      await client.sendCookies({ session: 's', prefs: { theme: 'dark', size: 1 }, ids: ['a'] });
      // @ts-expect-error the querystring parameter is required
      await client.searchEvents({});
      // @ts-expect-error its fields are typed by the media type's schema
      await client.searchEvents({ filter: { startDate: '2026-01-01', status: 'pending' } });
      // @ts-expect-error a text query string is a string
      await client.selectText({ path: 1 });
    }`,
  'idempotency.yaml': `
    import { createClient, type CreatePaymentArgs, type Payment } from './index.js';
    export async function check(): Promise<number> {
      const client = createClient({ retry: { retries: 3, methods: ['GET'] } });
      const payment: Payment = await client.createPayment({ body: { amount: 5 } });
      await client.createPayment({ 'Idempotency-Key': crypto.randomUUID(), body: { amount: 5 } }, { retry: false });
      await client.sendMessage();
      await client.sendMessage({ 'x-idempotency-key': null, body: 'hi' });
      await client.createTransfer({ 'x-idempotency-key': 'abcdefgh' });
      const key: CreatePaymentArgs['Idempotency-Key'] = undefined;
      // @ts-expect-error a key the SDK cannot make up (its schema has a pattern) stays required
      await client.createTransfer({});
      // @ts-expect-error a key is a string
      await client.createPayment({ 'Idempotency-Key': 1, body: { amount: 5 } });
      return payment.amount + (key ?? '').length;
    }`,
  'pagination.yaml': `
    import {
      createBaseClient,
      createClient,
      listEvents,
      type Event,
      type EventPage,
      type ListCallsItem,
      type ListCallsResponse,
      type ListChargesItem,
      type ListEventsItem,
      type ListEventsResponse,
      type ListOrdersItem,
      type ListUsersResponse,
      type PagePromise,
    } from './index.js';
    /** Whether two types are the same type (each assignable to the other, \`any\` aside). */
    type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    const named: [
      Same<ListEventsResponse, EventPage>,
      Same<ListEventsItem, Event>,
      Same<ListCallsResponse, Awaited<ReturnType<typeof client.listCalls>>>,
      Same<ListCallsItem, { sid?: string }>,
      Same<ListChargesItem, { id: string }>,
      Same<ListOrdersItem, Awaited<ReturnType<typeof client.listOrders>>[number]>,
    ] = [true, true, true, true, true, true];
    // @ts-expect-error a named inline item is that item, not any object
    const wrong: Same<ListChargesItem, { id: number }> = true;
    const client = createClient();
    export async function check(): Promise<number> {
      const users: ListUsersResponse = await client.listUsers();
      for await (const call of client.listCalls()) {
        const item: ListCallsItem = call;
        void item;
      }
      void [named, wrong, users.members];
      const page: EventPage = await client.listEvents();
      const next: string | null | undefined = page.links?.next;
      const ids: string[] = [];
      for await (const event of client.listEvents({ kind: 'deploy' })) ids.push(event.id);
      for await (const whole of client.listEvents().pages()) ids.push(...(whole.events ?? []).map((event) => event.id));
      for await (const repo of client.listRepos({ per_page: 100 })) ids.push(repo);
      for await (const member of client.listMembers()) ids.push(member.toFixed());
      for await (const charge of client.listCharges()) ids.push(charge.id);
      const { data, response } = await client.listUsers().withResponse();
      const call: PagePromise<EventPage, Event> = listEvents(createBaseClient(), {}, { timeout: 1000 });
      void [next, data.members, response.status, call];
      // @ts-expect-error a list in one response has no pages
      client.listTags().pages();
      // @ts-expect-error the items of listMembers are numbers
      for await (const member of client.listMembers()) ids.push(member);
      return ids.length;
    }`,
  'jsonItems.yaml': `
    import { createClient, type RowInput } from './index.js';
    export async function check(rows: AsyncIterable<RowInput>, bytes: ReadableStream<Uint8Array>): Promise<number> {
      const client = createClient();
      const sent = await client.bulkImport({ body: [{ id: 'a', at: '2026-01-01T00:00:00Z' }] });
      await client.bulkImport({ body: rows });
      await client.bulkImport({ body: bytes });
      await client.ingestEvents({ body: [{ kind: 'view', count: 1 }] });
      // @ts-expect-error without dates: 'Date', a date-time is a string
      await client.bulkImport({ body: [{ id: 'a', at: new Date() }] });
      // @ts-expect-error kind is click or view
      await client.ingestEvents({ body: [{ kind: 'scroll' }] });
      return sent.received;
    }`,
  'ndjson30.yaml': `
    import { createClient, type Action } from './index.js';
    export async function check(actions: Iterable<Action>): Promise<void> {
      const client = createClient();
      await client.bulk({ body: actions });
      await client.bulk({ body: '{"index":{"_id":"1"}}\\n' });
      await client.putVectors({ body: [[1, 2]] });
      // @ts-expect-error before 3.2 an array schema is each item's: a line is a list of numbers
      await client.putVectors({ body: [1, 2] });
      // @ts-expect-error an index names its _id
      await client.bulk({ body: [{ index: {} }] });
    }`,
  'servers.yaml': `
    import { createClient } from './index.js';
    createClient({ serverVariables: { host: 'localhost', port: '8080', base: 'v2', filesPort: '1', uploadPort: '2' } });
    // @ts-expect-error base is v1 or v2
    createClient({ serverVariables: { base: 'v3' } });`,
};

/** The README's examples, as files beside the SDK that import it by path rather than by package name. */
function readmeFiles(folder: string): string[] {
  const { name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string };
  const readme = readFileSync(join(folder, 'README.md'), 'utf8');
  return readmeExamples(readme).map((code, index) => {
    const file = join(folder, `readme-${index}.ts`);
    // Each example is a module of its own, as in a user's project.
    writeFileSync(file, `${code.replaceAll(`from '${name}'`, "from './index.js'")}\nexport {};\n`);
    return file;
  });
}

describe('the runtime fixtures', () => {
  it('each generates an SDK that compiles under strict settings, with its checks and README examples (one program for all)', async () => {
    const folder = join(fixturesFolder, 'runtime');
    const specs = [
      'auth.yaml',
      'bodies.yaml',
      'downloads.yaml',
      'events.yaml',
      'idempotency.yaml',
      'jsonItems.yaml',
      'methods.yaml',
      'ndjson30.yaml',
      'pagination.yaml',
      'params.yaml',
      'querystring.yaml',
      'resilience.yaml',
      'servers.yaml',
      'streams32.yaml',
    ];
    const sdks = await Promise.all(specs.map((spec) => generateInto({ specPath: join(folder, spec), cwd: folder })));
    try {
      const entries = sdks.flatMap((sdk, index) => {
        expect(sdk.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
        const files = [join(sdk.folder!, 'index.ts'), ...readmeFiles(sdk.folder!)];
        const check = checks[specs[index]!];
        if (check === undefined) return files;
        writeFileSync(join(sdk.folder!, 'check.ts'), check);
        return [...files, join(sdk.folder!, 'check.ts')];
      });
      expect(typecheck(tmpdir(), entries).errors).toEqual([]);
    } finally {
      for (const sdk of sdks) sdk.cleanup();
    }
  });
});

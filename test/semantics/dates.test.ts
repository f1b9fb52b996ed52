import { join } from 'node:path';
import { typeText } from '../../generator/emit/typeSyntax';
import { checkFixture } from '../support/fixtureSdk';
import { startRecordingServer } from '../support/recordingServer';

type Json = Record<string, unknown>;

interface DatesSdk {
  createClient: (options: { baseUrl: string; retry?: number }) => {
    createEvent: (args: { body: Json }) => Promise<Json>;
    listEvents: (args?: { since?: Date | string }) => Promise<Json[]>;
    uploadEvent: (args: { body: { at: Date | string; file: Blob } }) => Promise<void>;
    streamEvents: () => Promise<AsyncIterable<Json>>;
    getPet: (args: { id: string }) => Promise<Json> & { withResponse(): Promise<{ data: Json }> };
    getThread: (args: { id: string }) => Promise<Json>;
    getSchedule: () => Promise<Json>;
  };
}

type ApiErrorLike = Error & { status: number; body: Json };

const json = { 'content-type': 'application/json' };

describe("config dates: 'Date'", () => {
  it('by default, date-time values are strings in requests and responses alike', async () => {
    const sdk = await checkFixture('dates');
    try {
      expect(sdk.diagnostics).toEqual([]);
      // check.ts sends Dates: without the option, each of those lines is an error.
      expect(sdk.typeErrors.length).toBeGreaterThan(0);
      expect(sdk.typeErrors.every((error) => error.startsWith('check.ts'))).toBe(true);
      expect(sdk.model!.models.map((named) => named.name)).toEqual([
        'Pet',
        'Cat',
        'Dog',
        'Problem',
        'Comment',
        'Event',
      ]);
      const list = sdk.model!.operations.find((operation) => operation.operationId === 'listEvents')!;
      expect(typeText(list.parameters[0]!.type)).toBe('string');
    } finally {
      sdk.cleanup();
    }
  });

  it('lets requests send a Date where the spec has a date-time, as ISO 8601 text', async () => {
    const sdk = await checkFixture('dates', { options: { dates: 'Date' } });
    const server = await startRecordingServer();
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const propertiesOf = (name: string): string[][] => {
        const type = sdk.model!.models.find((named) => named.name === name)!.type;
        return type.kind === 'object' ? type.properties.map((p) => [p.name, typeText(p.type)]) : [];
      };
      expect(propertiesOf('Event')).toEqual([
        ['name', 'string'],
        ['at', 'Date'],
        ['day', 'string'],
        ['history', '(Date | null)[]'],
      ]);
      expect(propertiesOf('EventInput')).toEqual([
        ['name', 'string'],
        ['at', 'Date | string'],
        ['day', 'string'],
        ['history', '(Date | string | null)[]'],
      ]);

      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require(join(sdk.folder!, 'index.ts')) as DatesSdk;
      const client = createClient({ baseUrl: server.url });
      const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
      server.reply({
        status: 201,
        body: '{"name":"n","at":"2024-01-02T03:04:05.000Z"}',
        headers: { 'content-type': 'application/json' },
      });
      const created = await client.createEvent({ body: { name: 'n', at, day: '2024-01-02', history: [at, null] } });
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({
        name: 'n',
        at: '2024-01-02T03:04:05.000Z',
        day: '2024-01-02',
        history: ['2024-01-02T03:04:05.000Z', null],
      });
      expect(created['at']).toEqual(at);
      server.reply({ body: '[]', headers: { 'content-type': 'application/json' } });
      await client.listEvents({ since: at });
      expect(server.requests[1]!.url).toBe('/events?since=2024-01-02T03%3A04%3A05.000Z');
      server.reply({ status: 204 });
      await client.uploadEvent({ body: { at, file: new Blob(['x']) } });
      const multipart = server.requests[2]!.body.toString();
      expect(multipart).toMatch(/name="at"\r\n\r\n2024-01-02T03:04:05\.000Z\r\n/);
    } finally {
      await server.stop();
      sdk.cleanup();
    }
  });

  it('revives the date-time strings of responses as Dates: nested, listed, in maps, by discriminator, in errors and streams', async () => {
    const sdk = await checkFixture('dates', { options: { dates: 'Date' } });
    const server = await startRecordingServer();
    try {
      expect(sdk.typeErrors).toEqual([]);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require(join(sdk.folder!, 'index.ts')) as DatesSdk;
      // No retries: a 500 is answered once.
      const client = createClient({ baseUrl: server.url, retry: 0 });
      const t1 = '2024-01-02T03:04:05.000Z';
      const t2 = '2025-06-07T08:09:10.000Z';

      server.reply({
        body: JSON.stringify([{ name: 'a', at: t1, day: '2024-01-02', history: [t2, null] }]),
        headers: json,
      });
      const [event] = await client.listEvents();
      expect(event).toEqual({ name: 'a', at: new Date(t1), day: '2024-01-02', history: [new Date(t2), null] });
      // A `date` (full-date) stays text.
      expect(typeof event!['day']).toBe('string');

      // Each member of a discriminated union has its own dates: a dog's `born` is not one of them.
      server.reply(
        { body: JSON.stringify({ kind: 'cat', born: t1 }), headers: json },
        { body: JSON.stringify({ kind: 'dog', vaccinated: [t1, t2], born: t2 }), headers: json },
      );
      expect(await client.getPet({ id: 'c' })).toEqual({ kind: 'cat', born: new Date(t1) });
      const dog = await client.getPet({ id: 'd' });
      expect(dog).toEqual({ kind: 'dog', vaccinated: [new Date(t1), new Date(t2)], born: t2 });

      // `withResponse()` gives the same revived data.
      server.reply({ body: JSON.stringify({ kind: 'cat', born: t2 }), headers: json });
      const { data } = await client.getPet({ id: 'c' }).withResponse();
      expect(data['born']).toEqual(new Date(t2));

      // Error bodies are revived by their status's schema, or `default`'s.
      server.reply(
        { status: 404, body: JSON.stringify({ title: 'gone', at: t1 }), headers: json },
        {
          status: 500,
          body: JSON.stringify({ title: 'broken', at: t2 }),
          headers: { 'content-type': 'application/problem+json' },
        },
      );
      for (const expected of [
        { status: 404, at: t1 },
        { status: 500, at: t2 },
      ]) {
        const error = await client.getPet({ id: 'x' }).then(
          (value: unknown) => value,
          (thrown: unknown) => thrown,
        );
        expect((error as Error).name).toBe('ApiError');
        expect((error as ApiErrorLike).status).toBe(expected.status);
        expect((error as ApiErrorLike).body['at']).toEqual(new Date(expected.at));
      }

      // A model that contains itself is revived at every depth.
      server.reply({
        body: JSON.stringify({ text: 'a', at: t1, replies: [{ text: 'b', at: t2, replies: [{ text: 'c', at: t1 }] }] }),
        headers: json,
      });
      expect(await client.getThread({ id: 't' })).toEqual({
        text: 'a',
        at: new Date(t1),
        replies: [{ text: 'b', at: new Date(t2), replies: [{ text: 'c', at: new Date(t1) }] }],
      });

      // Every value of a map; text that may be a date-time or something else stays text.
      server.reply({
        body: JSON.stringify({ timezone: 'UTC', next: { backup: t1, report: t2 }, maybe: [t1, 'never'] }),
        headers: json,
      });
      expect(await client.getSchedule()).toEqual({
        timezone: 'UTC',
        next: { backup: new Date(t1), report: new Date(t2) },
        maybe: [t1, 'never'],
      });

      // Each event of a stream.
      server.reply({
        body: `data: ${JSON.stringify({ name: 'a', at: t1, day: 'd' })}\n\ndata: ${JSON.stringify({ name: 'b', at: t2, day: 'd' })}\n\n`,
        headers: { 'content-type': 'text/event-stream' },
      });
      const streamed: Json[] = [];
      for await (const item of await client.streamEvents()) streamed.push(item);
      expect(streamed.map((item) => item['at'])).toEqual([new Date(t1), new Date(t2)]);
    } finally {
      await server.stop();
      sdk.cleanup();
    }
  });
});

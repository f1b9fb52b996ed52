import { join } from 'node:path';
import { typeText } from '../../generator/emit/typeSyntax';
import { checkFixture } from '../support/fixtureSdk';
import { startRecordingServer } from '../support/recordingServer';

interface DatesSdk {
  createClient: (options: { baseUrl: string }) => {
    createEvent: (args: { body: Record<string, unknown> }) => Promise<Record<string, unknown>>;
    listEvents: (args: { since?: Date | string }) => Promise<unknown>;
    uploadEvent: (args: { body: { at: Date | string; file: Blob } }) => Promise<void>;
  };
}

describe("config dates: 'Date'", () => {
  it('by default, date-time values are strings in requests and responses alike', async () => {
    const sdk = await checkFixture('dates');
    try {
      expect(sdk.diagnostics).toEqual([]);
      // check.ts sends Dates: without the option, each of those lines is an error.
      expect(sdk.typeErrors.length).toBeGreaterThan(0);
      expect(sdk.typeErrors.every((error) => error.startsWith('check.ts'))).toBe(true);
      expect(sdk.model!.models.map((named) => named.name)).toEqual(['Event']);
      const list = sdk.model!.operations.find((operation) => operation.operationId === 'listEvents')!;
      expect(typeText(list.parameters[0]!.type)).toBe('string');
    } finally {
      sdk.cleanup();
    }
  });

  it('lets requests send a Date where the spec has a date-time, as ISO 8601 text; responses stay strings', async () => {
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
        ['at', 'string'],
        ['day', 'string'],
        ['history', '(string | null)[]'],
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
      expect(created['at']).toBe('2024-01-02T03:04:05.000Z');
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
});

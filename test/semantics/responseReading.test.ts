import { join } from 'node:path';
import { checkFixture } from '../support/fixtureSdk';
import { startRecordingServer } from '../support/recordingServer';

type Call = (args?: Record<string, unknown>) => Promise<unknown>;

describe('a response body is typed as the call reads it', () => {
  it('text whatever its schema, a Blob for bytes, and JSON alone where JSON is offered beside XML', async () => {
    const sdk = await checkFixture('response-reading');
    const server = await startRecordingServer();
    try {
      // check.ts: a count in text/plain is a string, a JSON-or-XML pet is a Pet, an error body in XML is text.
      expect(sdk.typeErrors).toEqual([]);
      expect(sdk.diagnostics).toEqual([]);
      const operations = sdk.files!.find((file) => file.path === 'operations/default.ts')!.content;
      expect(operations).toMatch(/export function getCount\([^)]*\): ApiPromise<string> \{/);
      expect(operations).toMatch(/export function getPet\([^)]*\): ApiPromise<Pet> \{/);
      expect(operations).toContain('export type GetPetError = ApiError<400, string>;');
      expect(operations).toMatch(/export function getPhoto\([^)]*\): ApiPromise<Blob> \{/);
      // The models the XML-only bodies named are still there, as every component schema is.
      expect(sdk.model!.models.map((model) => model.name)).toEqual(['Pet', 'Problem']);

      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require(join(sdk.folder!, 'index.ts')) as {
        createClient: (options: {
          baseUrl: string;
        }) => Record<'getCount' | 'getPet' | 'getFeed' | 'getPhoto' | 'getCard', Call>;
      };
      const client = createClient({ baseUrl: server.url });
      server.reply({ body: '42', headers: { 'content-type': 'text/plain' } });
      await expect(client.getCount()).resolves.toBe('42');
      server.reply({ body: '{"name":"Rex"}', headers: { 'content-type': 'application/json' } });
      await expect(client.getPet({ petId: 'p' })).resolves.toEqual({ name: 'Rex' });
      server.reply({ body: '<feed/>', headers: { 'content-type': 'application/atom+xml' } });
      await expect(client.getFeed({ petId: 'p' })).resolves.toBe('<feed/>');
      server.reply({ body: '{"size":1}', headers: { 'content-type': 'application/octet-stream' } });
      const photo = await client.getPhoto({ petId: 'p' });
      expect(photo).toBeInstanceOf(Blob);
      await expect((photo as Blob).text()).resolves.toBe('{"size":1}');
      server.reply({ body: '{"name":"Rex"}', headers: { 'content-type': 'application/json' } });
      await client.getCard({ petId: 'p' });
      // What each call asked for: the pet as JSON only; the card as JSON or the PDF.
      expect(server.requests.map((request) => [request.url, request.headers['accept']])).toEqual([
        ['/count', 'text/plain'],
        ['/pets/p', 'application/json'],
        ['/pets/p/feed', 'application/atom+xml'],
        ['/pets/p/photo', 'application/octet-stream'],
        ['/pets/p/card', 'application/json, application/pdf'],
      ]);
    } finally {
      await server.stop();
      sdk.cleanup();
    }
  });
});

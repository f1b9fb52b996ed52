import { join } from 'node:path';
import { checkFixture } from '../support/fixtureSdk';
import { startRecordingServer } from '../support/recordingServer';

describe('path templates', () => {
  it('take a `{name}` no parameter declares as a required string, and leave out a path parameter the path does not name', async () => {
    const sdk = await checkFixture('path-templates');
    const server = await startRecordingServer();
    try {
      expect(sdk.typeErrors).toEqual([]);
      expect(sdk.diagnostics).toEqual([
        expect.objectContaining({
          code: 'SDK3230',
          severity: 'warning',
          pointer: '/paths/~1api~1v{version}~1items~1{itemId}/get/parameters/0',
          position: { line: 14, column: 11 },
          message: expect.stringContaining('"storeId" is not named by the path /api/v{version}/items/{itemId}'),
        }),
        expect.objectContaining({
          code: 'SDK3231',
          severity: 'warning',
          pointer: '/paths/~1api~1v{version}~1items~1{itemId}',
          position: { line: 7, column: 3 },
          message: expect.stringContaining('names {version}, but no path parameter "version" is declared'),
        }),
      ]);
      const [getItem, listItems] = sdk.model!.operations;
      expect(getItem!.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
        ['version', 'path', true],
        ['itemId', 'path', true],
        ['verbose', 'query', false],
      ]);
      const operations = sdk.files!.find((file) => file.path === 'operations/default.ts')!.content;
      expect(operations).toContain('The `{version}` of the path, which the spec does not declare.');
      // An operation that sends no argument still takes them (a later one would break no call), unread.
      expect(operations).toMatch(/export function listItems\(\s*client: BaseClient,\s*_args: ListItemsArgs = \{\},/);

      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require(join(sdk.folder!, 'index.ts')) as {
        createClient: (options: { baseUrl: string }) => {
          getItem: (args: Record<string, unknown>) => Promise<unknown>;
        };
      };
      server.reply({ body: '{"id":7}', headers: { 'content-type': 'application/json' } });
      const client = createClient({ baseUrl: server.url });
      await expect(client.getItem({ version: '2 beta', itemId: 7, verbose: true, storeId: 's' })).resolves.toEqual({
        id: 7,
      });
      // The version is encoded as any path value; `storeId`, given anyway, goes nowhere.
      expect(server.requests.map((request) => request.url)).toEqual(['/api/v2%20beta/items/7?verbose=true']);
    } finally {
      await server.stop();
      sdk.cleanup();
    }
  });
});

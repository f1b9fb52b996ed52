import { join } from 'node:path';
import { typeText } from '../../generator/emit/typeSyntax';
import { checkFixture } from '../support/fixtureSdk';
import { startRecordingServer } from '../support/recordingServer';

describe('operations', () => {
  it('merge parameters, name operations and inline schemas, and type every response and media type', async () => {
    const sdk = await checkFixture('operations');
    const server = await startRecordingServer();
    try {
      expect(sdk.typeErrors).toEqual([]);
      // Names that collide once normalised: the later one, in spec order, gets a suffix and a warning.
      expect(sdk.diagnostics).toEqual([
        expect.objectContaining({ code: 'SDK3001', severity: 'warning', pointer: '/components/schemas/item.kind' }),
        expect.objectContaining({ code: 'SDK3001', severity: 'warning', pointer: '/paths/~1items~1bulk/post' }),
      ]);
      const model = sdk.model!;
      expect(model.operations.map((operation) => [operation.operationId, operation.names.function])).toEqual([
        ['getStoresByStoreIdItemsByItemId', 'getStoresByStoreIdItemsByItemId'],
        ['deleteStoresByStoreIdItemsByItemId', 'deleteStoresByStoreIdItemsByItemId'],
        ['create-item', 'createItem'],
        ['CreateItem', 'createItem2'],
        ['countItems', 'countItems'],
      ]);
      expect(model.models.map((named) => named.name)).toEqual(['Item', 'Problem', 'ItemKind', 'ItemKind2', 'ItemSize']);
      expect(model.models.find((named) => named.name === 'ItemSize')!.pointer).toBe(
        '/components/schemas/Item/properties/size',
      );

      const [get, remove] = model.operations;
      // The operation's `verbose` replaces the path item's; the $ref'd parameters are read through.
      expect(get!.parameters.map((p) => [p.name, p.in, p.required, typeText(p.type)])).toEqual([
        ['storeId', 'path', true, 'number'],
        ['itemId', 'path', true, 'string'],
        ['verbose', 'query', true, 'number'],
        ['X-Trace-Id', 'header', false, 'string'],
      ]);
      expect(remove!.parameters.map((p) => [p.name, typeText(p.type)])).toEqual([
        ['storeId', 'number'],
        ['itemId', 'string'],
        ['verbose', 'boolean'],
      ]);
      expect(get!.responses.map((r) => [r.status, r.contents.map((c) => c.mediaType)])).toEqual([
        ['200', ['application/json', 'text/plain']],
        ['404', ['application/json']],
        ['default', ['application/problem+json']],
      ]);
      expect(remove!.responses.map((r) => r.status)).toEqual(['2XX', '4XX']);
      // Error statuses with one body share a member of the error union; `default` (any status) keeps its own.
      const emitted = sdk.files!.find((file) => file.path === 'operations/default.ts')!.content;
      expect(emitted).toContain('export type CreateItemError = ApiError<400 | 409, Problem> | ApiError<401, unknown>;');
      expect(emitted).toContain(
        'export type GetStoresByStoreIdItemsByItemIdError = ApiError<404, Problem> | ApiError<number, Problem>;',
      );
      // With only `default` documented, it is what a successful call resolves to as well.
      expect(emitted).toMatch(/export function countItems\([^)]*\): ApiPromise<ItemSize> \{/);
      expect(emitted).toContain('export type CountItemsError = ApiError<number, ItemSize>;');
      expect(model.operations[2]!.requestBody!.contents.map((c) => c.mediaType)).toEqual([
        'application/json',
        'application/x-www-form-urlencoded',
      ]);

      // At run time: the call accepts both media types and reads the text one as a string.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require(join(sdk.folder!, 'index.ts')) as {
        createClient: (options: { baseUrl: string }) => {
          getStoresByStoreIdItemsByItemId: (args: Record<string, unknown>) => Promise<unknown>;
        };
      };
      server.reply({ body: 'plain item', headers: { 'content-type': 'text/plain' } });
      const client = createClient({ baseUrl: server.url });
      await expect(client.getStoresByStoreIdItemsByItemId({ storeId: 7, itemId: 'a b', verbose: 1 })).resolves.toBe(
        'plain item',
      );
      expect(server.requests[0]!.url).toBe('/stores/7/items/a%20b?verbose=1');
      expect(server.requests[0]!.headers['accept']).toBe('application/json, text/plain');
    } finally {
      await server.stop();
      sdk.cleanup();
    }
  });
});

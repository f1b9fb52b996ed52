import { join } from 'node:path';
import { generateSdk } from '../../generator/pipeline';
import { writeTempFiles } from '../support/buildFromText';
import { compileSdks, writeSdk } from '../support/compileSdk';
import { probeSdk } from '../support/probeSdk';

/** Names a spec may give the list, the cursor and the query parameter of a list operation: each tries to escape. */
const items = "a'); globalThis.pwned = 1; ('";
const cursor = '*/ globalThis.pwned = 2; /* `${x}`';
const param = 'c"ur\u2028sor';

const spec = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'Hostile pages', version: '1.0.0' },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        parameters: [{ name: param, in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'a page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    // An inline item: the SDK names it by an indexed access through this name.
                    [items]: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } },
                    links: { type: 'object', properties: { [cursor]: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
});

describe('list operations whose names come from a hostile spec', () => {
  it('are escaped in the page plan, which compiles and pages exactly by those names', async () => {
    const { folder, cleanup } = writeTempFiles({ 'openapi.json': spec });
    try {
      const generated = await generateSdk({
        specPath: join(folder, 'openapi.json'),
        cwd: folder,
        options: { pagination: { listItems: { items: [items], cursor: ['links', cursor], param } } },
      });
      expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const sdkFolder = join(folder, 'sdk');
      expect(compileSdks(writeSdk(sdkFolder, generated.files!)).errors).toEqual([]);
      const operations = generated.files!.find((file) => file.path === 'operations/default.ts')!.content;
      expect(operations).toContain(
        `export type ListItemsItem = NonNullable<ListItemsResponse["a'); globalThis.pwned = 1; ('"]>[number];`,
      );
      const pages = [
        { [items]: [{ n: 1 }, { n: 2 }], links: { [cursor]: 'n"2' } },
        { [items]: [{ n: 3 }], links: {} },
      ];
      const probe = await probeSdk(
        sdkFolder,
        `
        const pages = ${JSON.stringify(pages)};
        const urls = [];
        const client = sdk.createClient({
          baseUrl: 'http://127.0.0.1:9',
          fetch: async (url) => {
            urls.push(String(url));
            return new Response(JSON.stringify(pages[urls.length - 1]), { headers: { 'content-type': 'application/json' } });
          },
        });
        const seen = [];
        for await (const item of client.listItems()) seen.push(item);
        return { seen, urls };
        `,
      );
      expect(probe.after).toEqual(probe.before);
      expect(probe.after.pwned).toBeNull();
      expect(probe.result).toEqual({
        seen: [{ n: 1 }, { n: 2 }, { n: 3 }],
        urls: ['http://127.0.0.1:9/items', `http://127.0.0.1:9/items?${encodeURIComponent(param)}=n%222`],
      });
    } finally {
      cleanup();
    }
  }, 60_000);
});

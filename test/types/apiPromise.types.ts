/**
 * Type tests of a call's three results, checked by `npm run typecheck`: awaiting it gives the data, `withResponse()`
 * the data and the `Response`, `asResponse()` the `Response` alone; a list's call has them too. Each
 * `@ts-expect-error` fails the build if the line below compiles.
 */
import type { ApiPromise, PagePromise } from '../../templates/index.js';

interface Item {
  readonly id: string;
}

export async function threeWays(call: () => ApiPromise<Blob>): Promise<number> {
  const blob: Blob = await call();
  const { data, response } = await call().withResponse();
  const raw: Response = await call().asResponse();
  const stream: ReadableStream<Uint8Array> | null = raw.body;
  // @ts-expect-error asResponse() gives the Response, not the data
  const notData: Blob = await call().asResponse();
  // @ts-expect-error asResponse() takes no argument
  await call().asResponse('stream');
  void [stream, notData];
  return blob.size + data.size + response.status;
}

export async function list(call: () => PagePromise<{ readonly items: Item[] }, Item>): Promise<string> {
  const first: Response = await call().asResponse();
  const page = await call();
  for await (const item of call()) void item.id;
  // @ts-expect-error a list's asResponse() gives its first page's Response, not the page
  const notPage: { readonly items: Item[] } = await call().asResponse();
  void notPage;
  return `${first.status} ${page.items.length}`;
}

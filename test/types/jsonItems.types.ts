/**
 * Type tests of the runtime's encoders of items (JSON lines, JSON text sequences), checked by `npm run typecheck`.
 * The SDK types each item by its schema (see the checks of jsonItems.yaml in test/integration/runtime/); the runtime
 * takes any iterable, sync or async, or bytes. Each `@ts-expect-error` fails the build if the line below compiles.
 */
import { jsonLinesBody, jsonSequenceBody, type BinaryBody, type RequestBody } from '../../templates/index.js';

interface Row {
  readonly id: string;
}

export function encoders(rows: AsyncIterable<Row>, bytes: BinaryBody): (RequestBody | undefined)[] {
  function* generated(): Generator<Row> {
    yield { id: 'a' };
  }
  return [
    jsonLinesBody([{ id: 'a' }], 'application/jsonl'),
    jsonLinesBody(new Set<Row>(), 'application/x-ndjson'),
    jsonLinesBody(generated(), 'application/jsonl'),
    jsonSequenceBody(rows, 'application/json-seq'),
    jsonSequenceBody(bytes, 'application/json-seq'),
    jsonLinesBody(undefined, 'application/jsonl'),
    // @ts-expect-error one item is not the items
    jsonLinesBody({ id: 'a' }, 'application/jsonl'),
    // @ts-expect-error a number is neither items nor bytes
    jsonSequenceBody(1, 'application/json-seq'),
    // @ts-expect-error the media type is the spec's, always given
    jsonLinesBody([]),
  ];
}

import { isFormMediaType, isJsonMediaType } from '../model/mediaTypes';
import type { MediaContent, Operation, Response, StreamItems, TypeNode } from '../model/types';
import { isSuccessStatus } from '../model/bodies';
import { successResponses } from '../model/successes';
import { typeSummary } from './readme/typeSummary';

/** Documented responses that are not successes, each with its status as a number when it is one. */
export function errorResponses(operation: Operation): { status: number | undefined; response: Response }[] {
  return operation.responses
    .filter((response) => !isSuccessStatus(response.status))
    .map((response) => ({ status: /^\d{3}$/.test(response.status) ? Number(response.status) : undefined, response }));
}

/** The distinct media types of an operation's documented success responses, in spec order. */
export function successMediaTypes(operation: Operation): string[] {
  const successes = successResponses(operation);
  return [...new Set(successes.flatMap((response) => response.contents.map((content) => content.mediaType)))];
}

/**
 * The success contents that are streams (`text/event-stream`, JSON lines), in spec order, one per way of reading
 * them: how the items are read, and where their `Date`s are.
 */
export function successStreams(operation: Operation): (MediaContent & { stream: StreamItems })[] {
  const streams = successResponses(operation).flatMap((response) =>
    response.contents.filter((content): content is MediaContent & { stream: StreamItems } => !!content.stream),
  );
  const keyOf = (content: MediaContent): string => JSON.stringify([content.stream, content.dates]);
  return streams.filter((stream, index) => streams.findIndex((other) => keyOf(other) === keyOf(stream)) === index);
}

/** Whether a request body is sent as raw bytes or text (not JSON, multipart or a form). */
export function isRawMediaType(mediaType: string): boolean {
  return !isJsonMediaType(mediaType) && !isFormMediaType(mediaType);
}

/**
 * What a request body's argument takes, `binary` standing for the runtime's `BinaryBody` (any bytes or text): the
 * body's type, but for a media type sent as is, bytes (text for a string schema), and items (JSON lines and
 * sequences) in any iterable, sync or async, or as bytes already encoded.
 */
export function sentBodyType(body: MediaContent): TypeNode {
  const { type } = body;
  if (!isRawMediaType(body.mediaType) || type.kind === 'string' || type.kind === 'literal') return type;
  const bytes: TypeNode = { kind: 'binary' };
  return type.kind === 'eventStream' ? { kind: 'union', members: [{ ...type, sync: true }, type, bytes] } : bytes;
}

/**
 * What a body of items (JSON lines, JSON text sequences) takes, in words, `code` writing code: "Sent as
 * `application/jsonl`, one item per line: an array, ... of `Row`, or bytes already encoded."; `undefined` for
 * another body.
 */
export function sentItemsText(body: MediaContent, code: (text: string) => string): string | undefined {
  if (body.type.kind !== 'eventStream') return undefined;
  const each = body.stream === 'jsonSequence' ? 'each item after a record separator (RFC 7464)' : 'one item per line';
  return [
    `Sent as ${code(body.mediaType)}, ${each}:`,
    `an array, an iterable or an async iterable of ${code(typeSummary(body.type.data))}, or bytes already encoded.`,
    'An async iterable is streamed as it yields, and sent once (not retried).',
  ].join('\n');
}

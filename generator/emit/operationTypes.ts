import { isFormMediaType, isJsonMediaType } from '../model/mediaTypes';
import type { MediaContent, Operation, Response, StreamItems } from '../model/types';
import { isSuccessStatus } from '../model/bodies';
import { successResponses } from '../model/successes';

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

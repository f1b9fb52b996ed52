import { SdkError } from '../../templates/errors';
import { eventData, jsonEvents, jsonLines, textEvents, type EventStreamCall } from '../../templates/events';

/** A body that arrives in exactly these chunks (text as UTF-8, or bytes). */
function body(...chunks: (string | number[])[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : new Uint8Array(chunk));
      controller.close();
    },
  });
}

async function all<T>(events: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of events) items.push(item);
  return items;
}

describe('eventData: a text/event-stream body read as the HTML standard says', () => {
  it.each([
    ['LF', ['data: a\n\ndata: b\n\n'], ['a', 'b']],
    ['CRLF', ['data: a\r\n\r\ndata: b\r\n\r\n'], ['a', 'b']],
    ['CR', ['data: a\r\rdata: b\r\r'], ['a', 'b']],
    ['a CRLF split between chunks: one line end, not two', ['data: a\r', '\ndata: b\r', '\n\r\n'], ['a\nb']],
    ['a line split between chunks', ['da', 'ta: a', 'b\n', '\n'], ['ab']],
    ['several data lines, joined with LF', ['data: a\ndata:\ndata:  b\n\n'], ['a\n\n b']],
    [
      'comments, other fields and unknown ones skipped',
      [': hi\nevent: x\nid: 1\nretry: 5\nfoo: bar\ndata: a\n\n'],
      ['a'],
    ],
    ['an event without data: none', ['event: ping\n\n\n\ndata: a\n\n'], ['a']],
    ['`data` without a colon: an empty line of data', ['data\n\n'], ['']],
    ['a field name is matched whole', ['database: x\ndata: a\n\n'], ['a']],
    ['an event the stream ends in the middle of: dropped', ['data: a\n\ndata: b\n'], ['a']],
    ['a byte order mark at the start: dropped', ['\uFEFFdata: a\n\n'], ['a']],
  ])('%s', async (_, chunks, expected) => {
    expect(await all(eventData(body(...chunks)))).toEqual(expected);
  });

  it('decodes a UTF-8 character split between chunks', async () => {
    // "é" is 0xC3 0xA9.
    expect(await all(eventData(body('data: caf', [0xc3], [0xa9, 0x0a, 0x0a])))).toEqual(['café']);
  });

  it('cancels the body when the caller stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new TextEncoder().encode('data: a\n\n')),
      cancel: () => {
        cancelled = true;
      },
    });
    for await (const data of eventData(stream)) {
      expect(data).toBe('a');
      break;
    }
    expect(cancelled).toBe(true);
  });
});

/** A response of `type` with this body, and the call reading it (which records when it is done). */
function streamed(type: string, ...chunks: string[]): [Response, EventStreamCall & { ended: boolean }] {
  const call = {
    label: 'watch (GET /watch)',
    signal: new AbortController().signal,
    secrets: [],
    ended: false,
    done: () => (call.ended = true),
  };
  return [new Response(body(...chunks), { headers: { 'content-type': type } }), call];
}

describe('jsonEvents and textEvents: the readers an operation hands its call', () => {
  it('read only the stream they are for (events, JSON lines): any other response is read as a body', () => {
    expect(jsonEvents(...streamed('application/json', '{}'))).toBeUndefined();
    expect(textEvents(...streamed('text/event-streams', 'data: a\n\n'))).toBeUndefined();
    expect(textEvents(...streamed('Text/Event-Stream; charset=utf-8', 'data: a\n\n'))).toBeDefined();
    expect(jsonLines(...streamed('text/event-stream', 'data: a\n\n'))).toBeUndefined();
    expect(jsonLines(...streamed('application/json', '[]'))).toBeUndefined();
    for (const type of ['application/x-ndjson', 'application/jsonl', 'application/stream+json; charset=utf-8'])
      expect(jsonLines(...streamed(type, '1\n'))).toBeDefined();
  });

  it('JSON lines: each value, across chunks and line ends, blank lines skipped, the last line ended or not', async () => {
    const [response, call] = streamed('application/x-ndjson', '{"a":', '1}\r\n\n  \n[2]\r', '\n"3"\n4');
    expect(await all(jsonLines(response, call)!)).toEqual([{ a: 1 }, [2], '3', 4]);
    expect(call.ended).toBe(true);
  });

  it('JSON: each event parsed, the end at [DONE], no __proto__ key reaching the prototype; the call is told', async () => {
    const [response, call] = streamed(
      'text/event-stream',
      'data: {"a":1}\n\ndata: {"__proto__":{"x":1}}\n\n',
      'data: [DONE]\n\ndata: 2\n\n',
    );
    expect(await all(jsonEvents(response, call)!)).toEqual([{ a: 1 }, {}]);
    expect(({} as { x?: number }).x).toBeUndefined();
    expect(call.ended).toBe(true);
  });

  it('text: each event as sent, [DONE] included', async () => {
    expect(await all(textEvents(...streamed('text/event-stream', 'data: 1\n\ndata: [DONE]\n\n'))!)).toEqual([
      '1',
      '[DONE]',
    ]);
  });

  it('data that is not JSON: an SdkError naming the call, with the SyntaxError as its cause', async () => {
    const [response, call] = streamed('text/event-stream', 'data: {"a":\n\n');
    const failure = await all(jsonEvents(response, call)!).catch((error: SdkError) => error);
    expect(failure).toBeInstanceOf(SdkError);
    expect([(failure as SdkError).message, (failure as SdkError).cause instanceof SyntaxError]).toEqual([
      'watch (GET /watch): the stream sent data that is not valid JSON.',
      true,
    ]);
    expect(call.ended).toBe(true);
  });
});

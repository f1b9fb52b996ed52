import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback';

/** One request as it reached the server: the raw target (path and query, undecoded), headers and body bytes. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** How the server answers one request; `hang` never answers (for timeouts and aborts), `reset` drops the connection. */
export type Reply =
  | {
      readonly status?: number;
      readonly headers?: Record<string, string>;
      readonly body?: string | Buffer;
    }
  | 'hang'
  | 'reset';

export interface RecordingServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answers the next requests in order; once they are used up, every request gets `fallback`. */
  reply(...replies: Reply[]): void;
  /** Resolves once `count` requests have been recorded (to act while one hangs, whatever the machine's load). */
  received(count: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 and a free port, that records every request
 * and answers as told: by default 200 with `{"ok":true}`.
 */
export async function startRecordingServer(
  fallback: Reply = { body: '{"ok":true}', headers: { 'content-type': 'application/json' } },
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const hanging = new Set<ServerResponse>();
  const waiters: { count: number; resolve(): void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      for (const waiter of waiters.filter((waiting) => requests.length >= waiting.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const reply = queue.shift() ?? fallback;
      if (reply === 'hang') {
        hanging.add(response);
        return;
      }
      if (reply === 'reset') {
        request.socket.destroy();
        return;
      }
      response.writeHead(reply.status ?? 200, reply.headers ?? {});
      response.end(reply.body);
    });
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    requests,
    reply: (...replies) => queue.push(...replies),
    received: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    stop: async () => {
      for (const response of hanging) response.destroy();
      await close();
    },
  };
}

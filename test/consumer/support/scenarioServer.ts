import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../support/loopback';

/** One request as it reached the server, by the runtime that sent it (its `x-scenario` header). */
export interface ScenarioRequest {
  readonly runtime: string;
  readonly method: string;
  /** Path and query, as sent. */
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export interface ScenarioServer {
  readonly url: string;
  readonly received: ScenarioRequest[];
  /** `<runtime> <target>` of each request whose client went away before its answer ended. */
  readonly abandoned: string[];
  close(): Promise<void>;
}

/**
 * The loopback API the runtimes scenario calls (the Qovery spec's `createContainerRegistry` and the routes of
 * `fixtures/runtimes.yaml`), answering each runtime apart by its `x-scenario` header: a payment's first attempt gets
 * a 503 with `Retry-After: 0`, items come in three pages, ticks as server-sent events cut mid-line and mid-character,
 * uploads are echoed, a file comes in chunks; `/slow`, `/files/held` and `/ticks?hold=true` hold their answer open
 * until the client goes away.
 */
export async function startScenarioServer(): Promise<ScenarioServer> {
  const received: ScenarioRequest[] = [];
  const abandoned: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const runtime = String(request.headers['x-scenario'] ?? '');
      const target = request.url ?? '/';
      const body = Buffer.concat(chunks);
      received.push({ runtime, method: request.method ?? '', target, headers: request.headers, body });
      const held = () => response.on('close', () => response.writableEnded || abandoned.push(`${runtime} ${target}`));
      answer({ runtime, request, response, body, held, seen: received }).catch((error: unknown) =>
        json(response, 500, { message: String(error) }),
      );
    });
  });
  const { url, close } = await listenOnLoopback(server);
  return { url, received, abandoned, close };
}

interface Exchange {
  readonly runtime: string;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly body: Buffer;
  /** Records the client going away before the answer ends. */
  readonly held: () => void;
  readonly seen: readonly ScenarioRequest[];
}

async function answer({ runtime, request, response, body, held, seen }: Exchange): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://loopback');
  const route = `${request.method} ${url.pathname}`;
  const registry = /^POST \/organization\/([^/]+)\/containerRegistry$/.exec(route);
  if (registry) {
    if (registry[1] === 'missing') return json(response, 404, { message: 'organization not found' });
    const sent = JSON.parse(body.toString('utf8')) as { name: string; kind: string };
    return json(response, 201, { id: 'registry-1', created_at: '2026-01-01T00:00:00Z', ...sent });
  }
  if (route === 'POST /payments') {
    const attempts = seen.filter((r) => r.runtime === runtime && r.target === '/payments').length;
    if (attempts === 1) return json(response, 503, { message: 'busy' }, { 'retry-after': '0' });
    return json(response, 201, { id: `payment-${attempts}`, key: request.headers['idempotency-key'] });
  }
  if (route === 'GET /items') {
    const pages: Record<string, unknown> = {
      '': { data: [{ id: 'a' }, { id: 'b' }], next_cursor: 'c2' },
      c2: { data: [{ id: 'c' }, { id: 'd' }], next_cursor: 'c3' },
      c3: { data: [{ id: 'e' }] },
    };
    return json(response, 200, pages[url.searchParams.get('cursor') ?? '']);
  }
  if (route === 'GET /ticks') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    if (url.searchParams.get('hold') === 'true') {
      held();
      return void response.write('data: {"n":1,"text":"held"}\n\n');
    }
    // Cut inside a line and inside the two bytes of "é", with CRLF, a comment and a multi-line data.
    const first = Buffer.from('data: {"n":1,"text":"café"}\n\n');
    const cut = first.indexOf(0xa9);
    for (const piece of [
      first.subarray(0, 10),
      first.subarray(10, cut),
      first.subarray(cut),
      ': a comment\r\ndata: {"n":2,\r\ndata: "text":"two lines"}\r\n\r\n',
      'event: tick\nid: 3\ndata: {"n":3,"text":"last"}\n\n',
      'data: [DONE]\n\n',
    ]) {
      response.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return void response.end();
  }
  if (route === 'POST /files') {
    const type = request.headers['content-type'] ?? '';
    return json(response, 201, { size: body.length, type, text: body.toString('utf8') });
  }
  if (route === 'POST /forms') {
    // Parsed by Node.js's own multipart parser (the Fetch standard's `formData()`).
    const headers = { 'content-type': request.headers['content-type'] ?? '' };
    const form = await new Response(new Uint8Array(body), { headers }).formData();
    const parts = [];
    for (const [name, value] of form) {
      parts.push(
        typeof value === 'string'
          ? { name, value }
          : { name, value: await value.text(), fileName: value.name, type: value.type },
      );
    }
    return json(response, 201, { parts });
  }
  const file = /^GET \/files\/([^/]+)$/.exec(route);
  if (file) {
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.write('first chunk;');
    if (file[1] === 'held') return held();
    for (let index = 1; index <= 3; index++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      response.write(` chunk ${index};`);
    }
    return void response.end();
  }
  if (route === 'GET /slow') return held();
  json(response, 404, { message: `no route for ${route}` });
}

function json(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `request-${status}`, ...headers });
  response.end(JSON.stringify(value));
}

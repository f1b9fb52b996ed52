import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../support/loopback';

/** One request the server answered (preflights included), for the test to assert on. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export interface RegistryServer {
  readonly url: string;
  readonly received: Received[];
  /** Paths of requests whose client went away before an answer (aborted calls). */
  readonly abandoned: string[];
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the API, answering as the spec documents:
 * `POST /organization/{id}/containerRegistry` creates a registry (201) or,
 * for the organization `missing`, answers 404; `slow` never answers, for
 * aborted calls; `POST /files` echoes the size and type of an upload; `GET /files/{name}` sends a file in chunks,
 * and for `held` its first chunk only, until the client goes away. Every
 * answer carries CORS headers, so pages on another origin may call it.
 */
export async function startRegistryServer(): Promise<RegistryServer> {
  const received: Received[] = [];
  const abandoned: string[] = [];
  let created = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = new URL(request.url ?? '/', 'http://loopback').pathname;
      received.push({ method: request.method ?? '', path, headers: request.headers, body });
      allowCors(request, response);
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      const registry = /^\/organization\/([^/]+)\/containerRegistry$/.exec(path);
      if (request.method === 'POST' && registry) {
        const organization = decodeURIComponent(registry[1]!);
        if (organization === 'slow') {
          response.on('close', () => abandoned.push(path));
          return;
        }
        if (organization === 'missing') return json(response, 404, { message: 'organization not found' });
        const sent = JSON.parse(body.toString('utf8')) as { name: string; kind: string };
        created += 1;
        return json(response, 201, {
          id: `registry-${created}`,
          created_at: '2026-01-01T00:00:00Z',
          name: sent.name,
          kind: sent.kind,
        });
      }
      if (request.method === 'POST' && path === '/files') {
        return json(response, 201, {
          size: body.length,
          type: request.headers['content-type'] ?? '',
          text: body.toString('utf8'),
        });
      }
      const file = /^\/files\/([^/]+)$/.exec(path);
      if (request.method === 'GET' && file) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.write('first chunk;');
        if (file[1] === 'held') return void response.on('close', () => abandoned.push(path));
        for (let index = 1; index <= 3; index++) response.write(` chunk ${index};`);
        return void response.end();
      }
      json(response, 404, { message: `no route for ${request.method} ${path}` });
    });
  });
  const { url, close } = await listenOnLoopback(server);
  return { url, received, abandoned, close };
}

/** CORS (Fetch standard): the page's origin, its requested headers, and `x-request-id` readable by scripts. */
function allowCors(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (!origin) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
  response.setHeader('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? '');
  response.setHeader('Access-Control-Expose-Headers', 'x-request-id');
  response.setHeader('Vary', 'Origin');
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `request-${status}` });
  response.end(JSON.stringify(value));
}

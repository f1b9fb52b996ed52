import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { listenOnLoopback } from '../../support/loopback';

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves folders on loopback: each URL prefix (`/qovery/`) maps to a folder; `/` maps to `root`. */
export async function startStaticServer(root: string, mounts: Record<string, string>): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://loopback').pathname);
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    const folder = mount ? mounts[mount]! : root;
    const relative = normalize(mount ? path.slice(mount.length) : path.slice(1) || 'index.html');
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) return void response.writeHead(403).end();
    readFile(join(folder, relative)).then(
      (content) => {
        response.writeHead(200, { 'content-type': contentTypes[extname(relative)] ?? 'application/octet-stream' });
        response.end(content);
      },
      () => response.writeHead(404).end(),
    );
  });
  return listenOnLoopback(server);
}

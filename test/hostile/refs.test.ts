import { renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import { specLimits } from '../../generator/load/limits';
import { checkRootDocument, loadSpecFile } from '../../generator/load/loadSpec';
import type { RemoteOptions } from '../../generator/resolve/fetchRemote';
import { resolveDocument } from '../../generator/resolve/resolveDocument';
import { specText, writeTempFiles } from '../support/buildFromText';
// The module object itself, so that a spy sees every `open` the generator makes.
import fsPromises = require('node:fs/promises');

const realOpen = fsPromises.open;

/** Resolves `spec/openapi.yaml` in a folder laid out by `setUp`, recording every file the generator opens. */
async function resolveIn(
  files: Record<string, string>,
  options: { setUp?: (folder: string) => void; remote?: RemoteOptions; maxFiles?: number } = {},
): Promise<{ diagnostics: Diagnostic[]; opened: string[]; sources: string[]; folder: string }> {
  const { folder, cleanup } = writeTempFiles(files);
  const open = jest.spyOn(fsPromises, 'open');
  try {
    options.setUp?.(folder);
    const limits = specLimits(options.maxFiles ? { maxFiles: options.maxFiles } : {});
    const loaded = await loadSpecFile(join(folder, 'spec', 'openapi.yaml'), { cwd: folder, limits });
    expect(checkRootDocument(loaded.source!)).toEqual([]);
    const resolved = await resolveDocument(loaded.source!, {
      cwd: folder,
      limits,
      ...(options.remote ? { remote: options.remote } : {}),
    });
    const opened = open.mock.calls.map(([path]) => String(path).slice(folder.length));
    return { diagnostics: resolved.diagnostics, opened, sources: [...resolved.spec.sources.keys()], folder };
  } finally {
    open.mockRestore();
    cleanup();
  }
}

const secret = 'type: string\ndescription: a secret outside the spec folder\n';
const withRef = (ref: string): string => specText({ schemas: `A: { $ref: ${JSON.stringify(ref)} }` });

describe('file references stay inside the folder of the root document', () => {
  it.each([
    ['a ../ path', '../secret.yaml'],
    ['a percent-encoded ../ path', '%2e%2e/secret.yaml'],
    ['a percent-encoded slash', '..%2fsecret.yaml'],
    ['an absolute path', '<folder>/secret.yaml'],
    ['a file: URL', 'file://<folder>/secret.yaml'],
  ])('refuses %s and never opens the file', async (_, ref) => {
    const { diagnostics, opened } = await resolveIn(
      { 'spec/openapi.yaml': '', 'secret.yaml': secret },
      { setUp: (root) => writeFileSync(join(root, 'spec', 'openapi.yaml'), withRef(ref.replace('<folder>', root))) },
    );
    expect(diagnostics.map((d) => [d.code, d.file, d.position?.line, d.pointer])).toEqual([
      ['SDK2005', 'spec/openapi.yaml', 6, '/components/schemas/A/$ref'],
    ]);
    expect(diagnostics[0]!.message).toContain('outside the folder of the root document');
    expect(opened).toEqual(['/spec/openapi.yaml']);
  });

  it('refuses a symbolic link inside the folder that points outside it, and never opens the target', async () => {
    const { diagnostics, opened } = await resolveIn(
      { 'spec/openapi.yaml': withRef('./link.yaml'), 'secret.yaml': secret },
      { setUp: (root) => symlinkSync(join(root, 'secret.yaml'), join(root, 'spec', 'link.yaml')) },
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['SDK2005']);
    expect(opened).toEqual(['/spec/openapi.yaml']);
  });

  it('refuses a path through a linked folder that leads outside', async () => {
    const { diagnostics, opened } = await resolveIn(
      { 'spec/openapi.yaml': withRef('./shared/secret.yaml'), 'secret.yaml': secret },
      { setUp: (root) => symlinkSync(root, join(root, 'spec', 'shared')) },
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['SDK2005']);
    expect(opened).toEqual(['/spec/openapi.yaml']);
  });

  it('refuses a file whose folder is swapped for a link outside between the check and the open', async () => {
    const { diagnostics, sources, folder } = await resolveIn(
      {
        'spec/openapi.yaml': withRef('./shared/a.yaml'),
        'spec/shared/a.yaml': 'type: string\n',
        'outside/a.yaml': secret,
      },
      {
        setUp: (root) =>
          // The race, made certain: the folder becomes a link just before the file is opened.
          jest.spyOn(fsPromises, 'open').mockImplementation(async (path, ...rest) => {
            if (String(path).endsWith(join('shared', 'a.yaml'))) {
              renameSync(join(root, 'spec', 'shared'), join(root, 'spec', 'was-shared'));
              symlinkSync(join(root, 'outside'), join(root, 'spec', 'shared'));
            }
            return realOpen(path, ...rest);
          }),
      },
    );
    expect(diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      [
        'SDK1001',
        'spec/shared/a.yaml',
        'The file opened lies outside the folder of the root document (a link on its path changed).',
      ],
    ]);
    expect(sources).toEqual([join(folder, 'spec', 'openapi.yaml')]);
  });

  it('follows a link that stays inside the folder', async () => {
    const { diagnostics, opened } = await resolveIn(
      { 'spec/openapi.yaml': withRef('./alias.yaml'), 'spec/schemas/a.yaml': 'type: string\n' },
      { setUp: (root) => symlinkSync(join(root, 'spec', 'schemas', 'a.yaml'), join(root, 'spec', 'alias.yaml')) },
    );
    expect(diagnostics).toEqual([]);
    expect(opened).toEqual(['/spec/openapi.yaml', '/spec/schemas/a.yaml']);
  });

  it('refuses a path with a NUL character', async () => {
    const { diagnostics } = await resolveIn({ 'spec/openapi.yaml': withRef('a%00.yaml') });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['SDK2002', 'The reference "a%00.yaml" is broken: its path contains a NUL character.'],
    ]);
  });

  it('stops at the limit on the number of referenced files', async () => {
    const files: Record<string, string> = { 'spec/openapi.yaml': withRef('./f0.yaml') };
    for (let index = 0; index < 5; index++) files[`spec/f${index}.yaml`] = `$ref: ./f${index + 1}.yaml\n`;
    const { diagnostics, sources } = await resolveIn(files, { maxFiles: 3 });
    expect(diagnostics.map((d) => [d.code, d.file, d.pointer])).toEqual([['SDK2007', 'spec/f1.yaml', '/$ref']]);
    expect(sources).toHaveLength(3);
  });
});

describe('cycles and dangling references', () => {
  it('refuses a schema that is only a reference to itself, listing the cycle', async () => {
    const { diagnostics } = await resolveIn({
      'spec/openapi.yaml': specText({ schemas: 'A: { $ref: "#/components/schemas/A" }' }),
    });
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message])).toEqual([
      [
        'SDK2004',
        '/components/schemas/A/$ref',
        'The reference "#/components/schemas/A" is broken: it is part of a cycle of references with no content: #/components/schemas/A -> #/components/schemas/A.',
      ],
    ]);
  });

  it('refuses a cycle across files, listing it from each side', async () => {
    const { diagnostics } = await resolveIn({
      'spec/openapi.yaml': withRef('./b.yaml'),
      'spec/b.yaml': '$ref: "./openapi.yaml#/components/schemas/A"\n',
    });
    expect(diagnostics.map((d) => [d.code, d.file, d.message.replace(/^.*no content: /, '')])).toEqual([
      ['SDK2004', 'spec/openapi.yaml', '#/components/schemas/A -> # -> #/components/schemas/A.'],
      ['SDK2004', 'spec/b.yaml', '# -> #/components/schemas/A -> #.'],
    ]);
  });

  it('lists every dangling reference, in every file, in one run', async () => {
    const { diagnostics } = await resolveIn({
      'spec/openapi.yaml': specText({
        schemas:
          'A: { $ref: "#/components/schemas/Gone" }\nB: { $ref: "./b.yaml#/Missing" }\nC: { $ref: "./nope.yaml" }',
      }),
      'spec/b.yaml': 'Present: { $ref: "#/Absent" }\n',
    });
    expect(diagnostics.map((d) => [d.code, d.file, d.position?.line, d.pointer])).toEqual([
      ['SDK2006', 'spec/openapi.yaml', 8, '/components/schemas/C/$ref'],
      ['SDK2001', 'spec/openapi.yaml', 6, '/components/schemas/A/$ref'],
      ['SDK2001', 'spec/openapi.yaml', 7, '/components/schemas/B/$ref'],
      ['SDK2001', 'spec/b.yaml', 1, '/Present/$ref'],
    ]);
  });
});

/** A loopback HTTP server that serves `documents` by path and counts every connection made to it. */
async function startServer(documents: Record<string, string | { redirect: string }>): Promise<{
  url: string;
  host: string;
  connections: () => number;
  requests: string[];
  close: () => Promise<void>;
}> {
  let connections = 0;
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const document = documents[request.url ?? ''];
    if (document === undefined) response.writeHead(404).end();
    else if (typeof document === 'object') response.writeHead(302, { location: document.redirect }).end();
    else response.writeHead(200, { 'content-type': 'application/yaml' }).end(document);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    connections: () => connections,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('remote references', () => {
  it('refuses a remote reference to a host that is not allowed, without contacting it', async () => {
    const server = await startServer({ '/pet.yaml': 'type: string\n' });
    try {
      const { diagnostics } = await resolveIn(
        { 'spec/openapi.yaml': withRef(`${server.url}/pet.yaml`) },
        { remote: { allowedHosts: ['api.example.com'], timeoutMs: 5000 } },
      );
      expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['SDK2003', '/components/schemas/A/$ref']]);
      expect(diagnostics[0]!.message).toContain(`a host that is not allowed`);
      expect(diagnostics[0]!.hint).toContain(`allowedHosts: ["${server.host}"]`);
      expect(server.connections()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('fetches from an allowed host, follows its relative references there, and never reads local files for it', async () => {
    const server = await startServer({
      '/schemas/pet.yaml': 'type: object\nproperties:\n  owner: { $ref: "./owner.yaml" }\n',
      '/schemas/owner.yaml': 'type: object\nproperties:\n  secret: { $ref: "file:///etc/passwd" }\n',
    });
    try {
      const { diagnostics, sources } = await resolveIn(
        { 'spec/openapi.yaml': withRef(`${server.url}/schemas/pet.yaml`) },
        { remote: { allowedHosts: [server.host], timeoutMs: 5000 } },
      );
      expect(server.requests).toEqual(['/schemas/pet.yaml', '/schemas/owner.yaml']);
      expect(sources.slice(1)).toEqual([`${server.url}/schemas/pet.yaml`, `${server.url}/schemas/owner.yaml`]);
      expect(diagnostics.map((d) => [d.code, d.file, d.pointer, d.message])).toEqual([
        [
          'SDK2002',
          `${server.url}/schemas/owner.yaml`,
          '/properties/secret/$ref',
          'The reference "file:///etc/passwd" is broken: a fetched document may only reference other http(s) documents, not local files.',
        ],
      ]);
    } finally {
      await server.close();
    }
  });

  it('does not follow a redirect, which could lead to a host that is not allowed', async () => {
    const elsewhere = await startServer({ '/pet.yaml': 'type: string\n' });
    const server = await startServer({ '/pet.yaml': { redirect: `${elsewhere.url}/pet.yaml` } });
    try {
      const { diagnostics } = await resolveIn(
        { 'spec/openapi.yaml': withRef(`${server.url}/pet.yaml`) },
        { remote: { allowedHosts: [server.host], timeoutMs: 5000 } },
      );
      expect(diagnostics.map((d) => d.code)).toEqual(['SDK2008']);
      expect(diagnostics[0]!.message).toContain('redirects (status 302), which is not followed');
      expect(elsewhere.connections()).toBe(0);
    } finally {
      await server.close();
      await elsewhere.close();
    }
  });

  it('refuses schemes other than files and http(s)', async () => {
    const { diagnostics } = await resolveIn({ 'spec/openapi.yaml': withRef('ftp://127.0.0.1/a.yaml') });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'SDK2002',
        'The reference "ftp://127.0.0.1/a.yaml" is broken: its scheme "ftp:" is not supported (only files and http(s) URLs).',
      ],
    ]);
  });
});

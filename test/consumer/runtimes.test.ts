import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSdk } from '../../generator/pipeline';
import { writeOutput } from '../../generator/write/writeOutput';
import { consumerProject, type ConsumerProject } from './support/consumerProject';
import { packedSdk } from './support/packedSdk';
import { runOk } from './support/run';
import { nodeVersions, nodeVersionsInstallable } from '../support/nodeVersions';
import { bun, deno, node, nodeAt, workerd, type Runtime } from './support/runtimes';
import { startScenarioServer, type ScenarioServer } from './support/scenarioServer';

/**
 * One scenario (`projects/runtimes/scenario.mjs`) run by Node.js (the jest one, 22, 24 and 26), Bun, Deno and workerd
 * (Cloudflare Workers), through the ESM builds of the packed Qovery SDK and of an SDK generated from
 * `fixtures/runtimes.yaml`, against one loopback server: each runtime must see the same, and the server must receive
 * the same from each.
 */
describe('the same scenario in every runtime', () => {
  let project: ConsumerProject;
  let api: ScenarioServer;

  beforeAll(async () => {
    const packed = await packedSdk();
    [project, api] = await Promise.all([consumerProject('runtimes', packed.tarball), startScenarioServer()]);
    const fixture = join(project.folder, 'runtimes-fixture');
    const generated = await generateSdk({
      specPath: join(__dirname, 'fixtures', 'runtimes.yaml'),
      cwd: project.folder,
    });
    if (!generated.files) throw new Error(JSON.stringify(generated.diagnostics));
    await writeOutput(fixture, generated.files);
    await runOk('tsc', ['-p', 'tsconfig.esm.json'], fixture);
    // Installed as a package would be: its manifest (name, `exports`) and its ESM build.
    const installed = join(project.folder, 'node_modules', 'runtimes-fixture');
    await mkdir(installed);
    await cp(join(fixture, 'package.json'), join(installed, 'package.json'));
    await cp(join(fixture, 'dist'), join(installed, 'dist'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await project?.remove();
  });

  /** What every runtime must return; Bun's one difference is its own (see README, "The runtime"). */
  function expected(runtime: string) {
    // Bun's Blob and File constructors add `;charset=utf-8` to a text type, so the parts are sent with it.
    const typed = (type: string) => (runtime === 'bun' ? `${type};charset=utf-8` : type);
    const line = (level: string, message: string, fields: object, timed: boolean) => ({
      level,
      message,
      fields: { method: 'POST', url: `${api.url}/payments`, operationId: 'createPayment', ...fields },
      timed,
    });
    const slow = { operationId: 'waitForever', method: 'GET', url: `${api.url}/slow`, attempt: 1 };
    const [timedOut, aborted] = [
      { ...slow, error: 'TimeoutError' },
      { ...slow, error: 'AbortError' },
    ];
    return {
      registry: { id: 'registry-1', name: 'hub', created_at: '2026-01-01T00:00:00Z' },
      failure: {
        apiError: true,
        sdkError: true,
        documented: true,
        status: 404,
        requestId: 'request-404',
        json: {
          name: 'ApiError',
          message:
            'createContainerRegistry failed with status 404 Not Found (POST /organization/missing/containerRegistry), ' +
            'request id request-404',
          status: 404,
          requestId: 'request-404',
          body: { message: 'organization not found' },
        },
      },
      payment: { id: 'payment-2', uuid: true },
      items: ['a', 'b', 'c', 'd', 'e'],
      ticks: [
        { n: 1, text: 'café' },
        { n: 2, text: 'two lines' },
        { n: 3, text: 'last' },
      ],
      heldTick: { n: 1, text: 'held' },
      streamStopped: { abortError: true, cause: 'held' },
      timedOut: { timeoutError: true, message: 'waitForever (GET /slow) timed out after 200 ms.' },
      aborted: { abortError: true, cause: 'the user left' },
      upload: { size: 17, type: 'application/octet-stream', text: 'hello from a Blob' },
      streamed: { size: 19, type: 'application/octet-stream', text: 'hello from a stream' },
      form: {
        parts: [
          { name: 'file', value: 'file text', fileName: 'notes.txt', type: typed('text/plain') },
          { name: 'note', value: 'a note' },
          { name: 'meta', value: '{"tags":["x"]}', fileName: 'blob', type: typed('application/json') },
        ],
      },
      download: {
        status: 200,
        type: 'application/octet-stream',
        unread: true,
        url: `${api.url}/files/log`,
        text: 'first chunk; chunk 1; chunk 2; chunk 3;',
      },
      stopped: { first: 'first chunk;', abortError: true, cause: 'the user left' },
      logged: [
        line('debug', `createPayment POST ${api.url}/payments (attempt 1)`, { attempt: 1 }, false),
        line('debug', `createPayment POST ${api.url}/payments: 503 in N ms`, { attempt: 1, status: 503 }, true),
        line(
          'info',
          // Retry-After: 0 is honoured: without it, the first wait is 250 to 500 ms.
          'createPayment failed with status 503 Service Unavailable (POST /payments), request id request-503; ' +
            'retrying in 0 ms',
          { attempt: 1, status: 503, error: 'ApiError', retryInMs: 0 },
          true,
        ),
        line('debug', `createPayment POST ${api.url}/payments (attempt 2)`, { attempt: 2 }, false),
        line('debug', `createPayment POST ${api.url}/payments: 201 in N ms`, { attempt: 2, status: 201 }, true),
        { level: 'error', message: 'waitForever (GET /slow) timed out after 200 ms.', fields: timedOut, timed: true },
        { level: 'warn', message: 'waitForever (GET /slow) was aborted.', fields: aborted, timed: true },
      ],
    };
  }

  /** What the server received from one runtime, and which of its answers that runtime left before their end. */
  async function checkServerSide(runtime: string): Promise<void> {
    const received = api.received.filter((request) => request.runtime === runtime);
    const header = (target: string, name: string) =>
      received.filter((request) => request.target === target).map((request) => request.headers[name]);
    expect(received.map((request) => `${request.method} ${request.target}`).sort()).toEqual(
      [
        'POST /organization/org-1/containerRegistry',
        'POST /organization/missing/containerRegistry',
        'POST /payments',
        'POST /payments',
        'GET /items',
        'GET /items?cursor=c2',
        'GET /items?cursor=c3',
        'GET /ticks',
        'GET /ticks?hold=true',
        'GET /ticks?hold=true',
        'GET /slow',
        'GET /slow',
        'POST /files',
        'POST /files',
        'POST /forms',
        'GET /files/log',
        'GET /files/held',
      ].sort(),
    );
    const created = received.find((request) => request.target === '/organization/org-1/containerRegistry')!;
    expect(created.headers).toMatchObject({
      authorization: `Bearer jwt-${runtime}`,
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(JSON.parse(created.body.toString('utf8'))).toEqual({
      name: 'hub',
      kind: 'DOCKER_HUB',
      config: { username: 'me', password: 'secret' },
    });
    // One key for the call, made by crypto.randomUUID and sent again on the retry.
    const keys = header('/payments', 'idempotency-key');
    expect(keys).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      keys[0],
    ]);
    expect(header('/ticks', 'accept')).toEqual(['text/event-stream']);
    expect(header('/files/log', 'accept')).toEqual(['application/octet-stream']);
    const uploads = received.filter((request) => request.target === '/files');
    expect(uploads.map((request) => [request.headers['content-type'], request.body.toString('utf8')])).toEqual([
      ['application/octet-stream', 'hello from a Blob'],
      ['application/octet-stream', 'hello from a stream'],
    ]);
    // The stream went as it was read: chunked, its length unknown beforehand.
    expect(uploads[1]!.headers['transfer-encoding']).toBe('chunked');
    expect(header('/forms', 'content-type')).toEqual([expect.stringMatching(/^multipart\/form-data; ?boundary=/)]);
    // The timed-out and aborted calls, the stream left early and the aborted download closed their connections.
    const left = ['/files/held', '/slow', '/slow', '/ticks?hold=true', '/ticks?hold=true'].map(
      (target) => `${runtime} ${target}`,
    );
    const leftNow = () => api.abandoned.filter((entry) => entry.startsWith(`${runtime} `)).sort();
    for (let waited = 0; leftNow().length < left.length && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(leftNow()).toEqual(left);
  }

  const runtimes: [string, string, Runtime][] = [
    ['Node.js (the baseline)', 'node', node],
    ['Bun', 'bun', bun],
    ['Deno, allowed only the API', 'deno', deno],
    ['workerd (Cloudflare Workers)', 'workerd', workerd],
  ];
  async function runsTheScenario(runtime: string, run: Runtime): Promise<void> {
    const { result, stderr } = await run(project.folder, api.url);
    expect(result).toEqual(expected(runtime));
    await checkServerSide(runtime);
    expect(stderr).toBe('');
  }
  it.each(runtimes)('%s', (_, runtime, run) => runsTheScenario(runtime, run));

  // The Node.js lines users run besides the baseline's, each with its own fetch (undici); Linux x64 only (see
  // support/nodeVersions).
  (nodeVersionsInstallable ? it : it.skip).each(nodeVersions)('Node.js $version', (version) =>
    runsTheScenario(version.name, nodeAt(version)),
  );
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { writeOutput } from '../../generator/write/writeOutput';
import { generateSdk } from '../../generator/pipeline';
import { consumerProject, type ConsumerProject } from './support/consumerProject';
import { packedSdk } from './support/packedSdk';
import { startRegistryServer, type RegistryServer } from './support/registryServer';
import { runOk } from './support/run';
import { startStaticServer, type StaticServer } from './support/staticServer';

/** Debian's Chromium (`.ci/run` installs it); playwright-core only drives it. */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The ESM build of the packed Qovery SDK, installed from its tarball, loaded
 * by a page in headless Chromium and calling an API on another loopback
 * origin (CORS): a JSON call, a documented error, a `Blob` upload and a
 * download read from `asResponse()` (through a second SDK generated from a
 * fixture, as the Qovery spec has no binary body), an aborted call and a
 * download whose read the call's signal aborts.
 */
describe('the packed SDK in a browser', () => {
  let project: ConsumerProject;
  let api: RegistryServer;
  let site: StaticServer;
  let userDataDir: string;
  let context: BrowserContext;

  beforeAll(async () => {
    const packed = await packedSdk();
    project = await consumerProject('browser', packed.tarball);
    const uploads = join(project.folder, 'uploads-sdk');
    const generated = await generateSdk({ specPath: join(__dirname, 'fixtures', 'uploads.yaml'), cwd: project.folder });
    if (!generated.files) throw new Error(JSON.stringify(generated.diagnostics));
    await writeOutput(uploads, generated.files);
    await runOk('tsc', ['-p', 'tsconfig.esm.json'], uploads);

    api = await startRegistryServer();
    site = await startStaticServer(project.folder, {
      '/qovery/': join(project.folder, 'node_modules', 'qovery-api', 'dist', 'esm'),
      '/uploads/': join(uploads, 'dist', 'esm'),
    });
    userDataDir = await mkdtemp(join(tmpdir(), 'sdkgen-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await Promise.all([api?.close(), site?.close()]);
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await project?.remove();
  });

  it('calls the API from a page: JSON, a typed error, a Blob upload, a download, and aborted calls', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);

    const result = await page.evaluate(
      (apiUrl) => (window as unknown as { runScenario(url: string): Promise<unknown> }).runScenario(apiUrl),
      api.url,
    );

    expect(result).toEqual({
      registry: { id: expect.any(String), name: 'hub' },
      failure: { status: 404, requestId: 'request-404', apiError: true },
      upload: { size: 22, type: 'application/octet-stream', text: 'hello from the browser' },
      aborted: 'AbortError',
      download: {
        status: 200,
        unread: true,
        url: `${api.url}/files/log`,
        text: 'first chunk; chunk 1; chunk 2; chunk 3;',
      },
      stopped: { first: 'first chunk;', abortError: true, cause: 'the user left' },
    });
    const created = api.received.find(
      (r) => r.method === 'POST' && r.path === '/organization/org-browser/containerRegistry',
    );
    expect(created?.headers).toMatchObject({
      authorization: 'Bearer jwt-browser',
      origin: site.url,
      'content-type': 'application/json',
    });
    // The browser asked first (a CORS preflight), as it does for a cross-origin JSON call with credentials.
    expect(api.received).toContainEqual(
      expect.objectContaining({ method: 'OPTIONS', path: '/organization/org-browser/containerRegistry' }),
    );
    // The aborted call closed its connection: the server saw the client go away without an answer.
    for (let waited = 0; api.abandoned.length < 2 && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(api.abandoned.sort()).toEqual(['/files/held', '/organization/slow/containerRegistry']);
    // The 404 of the documented error is expected on the console; nothing else may be.
    expect(problems.filter((text) => !/404/.test(text))).toEqual([]);
  });
});

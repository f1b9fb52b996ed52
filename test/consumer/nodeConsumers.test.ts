import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consumerProject, type ConsumerProject } from './support/consumerProject';
import { packedSdk } from './support/packedSdk';
import { startRegistryServer, type RegistryServer } from './support/registryServer';
import { readmeExamples } from './support/readmeExamples';
import { runOk } from './support/run';

/**
 * The packed Qovery SDK installed from its tarball into a fresh project, used
 * from TypeScript (node16 and bundler resolution, ESM and CommonJS), plain
 * ESM and CommonJS JavaScript; every program calls createContainerRegistry
 * against a loopback server.
 */
describe('the packed SDK in a consumer project', () => {
  let project: ConsumerProject;
  let server: RegistryServer;
  /** The TypeScript examples of the README shipped in the package, as files of the consumer project. */
  let readmeFiles: string[];

  /** The consumer's own settings are as strict as ours, and the SDK's declarations are checked too. */
  const strict = {
    target: 'es2022',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    skipDefaultLibCheck: true,
  };

  beforeAll(async () => {
    const packed = await packedSdk();
    expect(packed.name).toBe('qovery-api');
    [project, server] = await Promise.all([consumerProject('node', packed.tarball), startRegistryServer()]);
    const readme = await readFile(join(project.folder, 'node_modules', 'qovery-api', 'README.md'), 'utf8');
    readmeFiles = await Promise.all(
      readmeExamples(readme).map(async (code, index) => {
        await writeFile(join(project.folder, `readme-${index}.mts`), code);
        return `readme-${index}.mts`;
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  async function runProgram(program: string): Promise<Record<string, unknown>> {
    const { stdout } = await runOk('node', ['run.mjs', program, server.url], project.folder);
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  function requestFor(organizationId: string) {
    const request = server.received.find((r) => r.path === `/organization/${organizationId}/containerRegistry`);
    if (!request) throw new Error(`the server saw no request for ${organizationId}`);
    return { ...request, json: JSON.parse(request.body.toString('utf8')) as unknown };
  }

  const created = { name: 'hub', status: 404, apiError: true };
  const sentBody = { name: 'hub', kind: 'DOCKER_HUB', config: { username: 'me', password: 'secret' } };

  it('ships a README whose TypeScript examples are checked below with the programs', () => {
    expect(readmeFiles.length).toBeGreaterThanOrEqual(5);
  });

  it('compiles (with the README examples) under moduleResolution node16, @types/node and no DOM, and runs as ESM and as CommonJS', async () => {
    const config = await project.writeTsconfig(
      'tsconfig.node16.json',
      { ...strict, module: 'node16', moduleResolution: 'node16', lib: ['es2022'], types: ['node'], outDir: 'out' },
      ['esm-node16.mts', 'cjs-node16.cts', ...readmeFiles],
    );
    await runOk('tsc', ['-p', config], project.folder);

    expect(await runProgram('out/esm-node16.mjs')).toEqual({ id: expect.any(String), ...created });
    expect(requestFor('org-esm-node16')).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer jwt-esm-node16', 'content-type': 'application/json' },
      json: sentBody,
    });
    expect(await runProgram('out/cjs-node16.cjs')).toEqual({ id: expect.any(String), ...created });
    expect(requestFor('org-cjs-node16').headers.authorization).toBe('Token cjs-node16');
  });

  it('compiles (with the README examples) under moduleResolution bundler in a browser project (DOM, no @types/node), and runs', async () => {
    const config = await project.writeTsconfig(
      'tsconfig.bundler.json',
      {
        ...strict,
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom', 'dom.iterable'],
        types: [],
        outDir: 'out',
      },
      ['bundler.mts', ...readmeFiles],
    );
    await runOk('tsc', ['-p', config], project.folder);
    expect(await runProgram('out/bundler.mjs')).toEqual({ id: expect.any(String), ...created });
    expect(requestFor('org-bundler').headers.authorization).toBe('Bearer jwt-bundler');
  });

  it("type-checks the TypeScript sources themselves through the `source` condition (monorepos), with the checks of Vite's template", async () => {
    const config = await project.writeTsconfig(
      'tsconfig.source.json',
      {
        ...strict,
        module: 'esnext',
        moduleResolution: 'bundler',
        customConditions: ['source'],
        // What Vite's TypeScript template adds: these apply to the SDK's sources too, compiled as the project's own.
        verbatimModuleSyntax: true,
        moduleDetection: 'force',
        allowImportingTsExtensions: true,
        erasableSyntaxOnly: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noFallthroughCasesInSwitch: true,
        noUncheckedSideEffectImports: true,
        lib: ['es2022', 'dom', 'dom.iterable'],
        types: [],
        noEmit: true,
      },
      ['bundler.mts'],
    );
    const { stdout } = await runOk('tsc', ['-p', config, '--listFiles'], project.folder);
    const files = stdout.split('\n').map((line) => line.replace(/\\/g, '/'));
    expect(files).toContainEqual(expect.stringMatching(/node_modules\/qovery-api\/index\.ts$/));
    expect(files).not.toContainEqual(expect.stringMatching(/node_modules\/qovery-api\/dist\//));
  });

  it('is imported by plain ESM JavaScript, which loads the ESM build', async () => {
    expect(await runProgram('plain-esm.mjs')).toEqual({
      id: expect.any(String),
      ...created,
      resolved: expect.stringMatching(/node_modules\/qovery-api\/dist\/esm\/index\.js$/),
    });
    expect(requestFor('org-plain-esm').headers.authorization).toBe('Bearer jwt-plain-esm');
  });

  it('is required by CommonJS, which loads the CommonJS build', async () => {
    expect(await runProgram('plain-cjs.cjs')).toEqual({
      id: expect.any(String),
      ...created,
      resolved: expect.stringMatching(/node_modules[\\/]qovery-api[\\/]dist[\\/]cjs[\\/]index\.js$/),
    });
    expect(requestFor('org-plain-cjs')).toMatchObject({
      headers: { authorization: 'Token plain-cjs' },
      json: sentBody,
    });
  });

  it('sends nothing but what the programs asked for', () => {
    const paths = server.received.map((request) => request.path).sort();
    expect(paths).toEqual(
      [
        'org-bundler',
        'org-cjs-node16',
        'org-esm-node16',
        'org-plain-cjs',
        'org-plain-esm',
        'missing',
        'missing',
        'missing',
        'missing',
        'missing',
      ]
        .map((id) => `/organization/${id}/containerRegistry`)
        .sort(),
    );
  });
});

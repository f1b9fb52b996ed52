import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync, stop as stopEsbuild } from 'esbuild';
import { parse } from 'yaml';
import type { Operation, SdkModel } from '../../generator/model/types';
import { specsFolder } from '../corpus/manifest';
import { generateInto } from '../support/generateInto';
import { startPrism, type MockServer } from '../support/prism';
import { resolvePointer, SchemaSampler, SchemaValidators, type Document } from '../support/specValues';

const specPath = join(specsFolder, 'qovery', 'openapi.yaml');

/** Text that starts as an RFC 3339 date-time does (`2024-01-02T03:04`). */
const isoDateTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

const requiredButUndeclared = (names: string): string =>
  `the request schema requires ${names}, which it does not declare (no SDK type can send them)`;
const overlappingOneOf =
  'DeploymentHistoryServiceDetails is a oneOf whose Helm branch requires nothing, so every application, container or ' +
  'job value matches two branches and no such response is valid';

/**
 * Operations whose request no SDK call can make valid, for a problem of the
 * spec itself. They are still called: each must still be refused by Prism
 * (an entry that passes fails the test, so the list cannot go stale).
 */
const invalidRequests: Record<string, string> = {
  editOrganization: requiredButUndeclared('OrganizationEditRequest.plan'),
  listDirectoriesFromGitRepository: requiredButUndeclared('ApplicationGitRepositoryRequest.owner and .name'),
  checkDockerfile: requiredButUndeclared('ApplicationGitRepositoryRequest.owner and .name'),
  parseTerraformVariablesFromGitRepo: requiredButUndeclared('ApplicationGitRepositoryRequest.owner and .name'),
  listTfVarsFilesFromGitRepo: requiredButUndeclared('ApplicationGitRepositoryRequest.owner and .name'),
  checkHelmRepository: requiredButUndeclared('HelmGitRepositoryRequest.provider, .owner and .name'),
  checkGitFile: requiredButUndeclared('HelmGitRepositoryRequest.provider, .owner and .name'),
  checkContainerImage: requiredButUndeclared('ContainerImageCheckRequest.registry_d (a typo of registry_id)'),
  createHelm:
    'HelmPortRequest.ports items are a oneOf of two objects that require nothing, so no port matches exactly one; ' +
    requiredButUndeclared('HelmGitRepositoryRequest.provider, .owner and .name'),
  editHelm:
    'HelmPortRequest.ports items are a oneOf of two objects that require nothing, so no port matches exactly one; ' +
    requiredButUndeclared('HelmGitRepositoryRequest.provider, .owner and .name'),
};

/**
 * Operations whose success response no mock can make valid: the request must
 * pass Prism's validation, and Prism must answer 500 for its own response alone
 * (an entry whose response becomes valid fails the test).
 */
const unmockableResponses: Record<string, string> = {
  getClusterCurrentCost: 'CostRange requires total_in_cents and total, which it does not declare',
  getOrganizationProjectStats:
    'ServiceTotalNumber and EnvironmentTotalNumber require number, which they do not declare',
  getProjectEnvironmentServiceNumber: 'ServiceTotalNumber requires number, which it does not declare',
  listEnvironmentLog: 'EnvironmentLog requires service and status, which it does not declare',
  listEnvironmentDeploymentHistoryV2: overlappingOneOf,
  listApplicationDeploymentHistoryV2: overlappingOneOf,
  listContainerDeploymentHistoryV2: overlappingOneOf,
  listDatabaseDeploymentHistoryV2: overlappingOneOf,
  listHelmDeploymentHistoryV2: overlappingOneOf,
  listJobDeploymentHistoryV2: overlappingOneOf,
  listTerraformDeploymentHistoryV2: overlappingOneOf,
  listAgenticWorkflowDeploymentHistoryV2: overlappingOneOf,
  createAlertRule: 'AlertRuleResponse.for_duration has format duration and no example; neither Prism mock makes one',
  getAlertRule: 'AlertRuleResponse.for_duration has format duration and no example; neither Prism mock makes one',
  editAlertRule: 'AlertRuleResponse.for_duration has format duration and no example; neither Prism mock makes one',
};

/**
 * Operations whose success response has a `pattern` and no example: Prism's
 * static mock ignores `pattern`, so these ask for a dynamic mock (seeded, so
 * the same on every run), which honours it.
 */
const dynamicResponses = new Set([
  'getClusterOperatorStatus',
  'listMcpServers',
  'createMcpServer',
  'getMcpServer',
  'editMcpServer',
]);

interface Outcome {
  readonly operationId: string;
  readonly problems: string[];
}

/** The public surface of a generated SDK this test uses. */
interface LoadedSdk {
  createClient(
    options: object,
  ): Record<
    string,
    (
      args: object,
      options: object,
    ) => Promise<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> }
  >;
  ApiError: new (...args: never[]) => Error & { status: number; headers: Headers; body: unknown };
}

/**
 * The whole Qovery API, generated into a temporary folder, against Prism
 * serving the whole spec with `--errors` (a request that breaks the spec gets
 * an error and an `sl-violations` header) and static examples: every
 * operation is called through `createClient(...)` with arguments built from
 * the spec's examples or schemas; every request must pass Prism's validation
 * and every response must be read into what the spec declares for it.
 */
describe('the whole Qovery SDK against Prism serving the whole Qovery spec', () => {
  let prism: MockServer;
  let model: SdkModel;
  /** The SDK as generated by default, and with `dates: 'Date'` (responses revive their date-time strings). */
  const sdks: { strings?: LoadedSdk; dates?: LoadedSdk } = {};
  const folders: string[] = [];
  const document = parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 }) as Document;
  const validators = new SchemaValidators(document);
  const sampler = new SchemaSampler(document, validators);

  beforeAll(async () => {
    const [strings, dates, server] = await Promise.all([
      generateInto({ specPath, cwd: specsFolder }),
      generateInto({ specPath, cwd: specsFolder, options: { dates: 'Date' } }),
      startPrism(specPath, { errors: true, seed: 1 }),
    ]);
    prism = server;
    model = strings.model!;
    folders.push(strings.folder!, dates.folder!, mkdtempSync(join(tmpdir(), 'sdkgen-cjs-')));
    sdks.strings = loadAsCommonJs(strings.folder!, join(folders[2]!, 'strings.cjs')) as LoadedSdk;
    sdks.dates = loadAsCommonJs(dates.folder!, join(folders[2]!, 'dates.cjs')) as LoadedSdk;
  }, 120_000);

  afterAll(async () => {
    await prism?.stop();
    // esbuild's synchronous API keeps a worker thread; end it so the test worker can exit.
    await stopEsbuild();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('calls every operation: Prism accepts each request and each response is what the spec declares', async () => {
    const outcomes = await callEvery(sdks.strings!, (data) => data);
    // Every operation was called once, the lists above name only operations of the spec, and all but those with
    // a problem in the spec passed in full: request accepted, response read into its declared type.
    const called = outcomes.map((outcome) => outcome.operationId);
    expect(called).toHaveLength(554);
    expect(new Set(called).size).toBe(called.length);
    const listed = [...Object.keys(invalidRequests), ...Object.keys(unmockableResponses), ...dynamicResponses];
    expect(listed.filter((operationId) => !called.includes(operationId))).toEqual([]);
    const passedInFull = called.filter((id) => !(id in invalidRequests) && !(id in unmockableResponses));
    expect(passedInFull.length).toBeGreaterThanOrEqual(100);
  }, 120_000);

  it("with dates: 'Date', revives every date-time of every response as a valid Date, and the data still matches the spec", async () => {
    let revived = 0;
    const leftAsText: string[] = [];
    // Each Date must be a valid one, and the data with its Dates written back as text must match the spec.
    const asSent = (data: unknown, operationId: string): unknown =>
      JSON.parse(
        JSON.stringify(data, function (this: Record<string, unknown>, key: string, value: unknown) {
          const raw = this[key];
          if (raw instanceof Date) {
            revived++;
            return Number.isNaN(raw.getTime()) ? `invalid Date at ${key}` : value;
          }
          if (typeof raw === 'string' && isoDateTime.test(raw)) leftAsText.push(`${operationId} ${key}: ${raw}`);
          return value;
        }),
      );
    await callEvery(sdks.dates!, asSent);
    // Qovery's examples hold hundreds of timestamps, all of them `date-time` fields: none may stay text.
    expect(leftAsText).toEqual([]);
    expect(revived).toBeGreaterThan(500);
  }, 120_000);

  /**
   * Calls every operation of `sdk`; none may have a problem. `asSent` turns what a call returned into the JSON
   * the spec describes (for the SDK with dates, its Dates back into text).
   */
  async function callEvery(
    sdk: LoadedSdk,
    asSent: (data: unknown, operationId: string) => unknown,
  ): Promise<Outcome[]> {
    const client = sdk.createClient({ baseUrl: prism.url, auth: { bearerAuth: 'jwt-token' }, retry: 0 });
    const outcomes = await mapLimited(model.operations, 6, (operation) => call(sdk, client, operation, asSent));
    expect(outcomes.filter((outcome) => outcome.problems.length > 0)).toEqual([]);
    return outcomes;
  }

  async function call(
    sdk: LoadedSdk,
    client: ReturnType<LoadedSdk['createClient']>,
    operation: Operation,
    asSent: (data: unknown, operationId: string) => unknown,
  ): Promise<Outcome> {
    const { operationId } = operation;
    const method = client[operation.names.function];
    if (!method) return { operationId, problems: ['no client method'] };
    const args = argumentsFor(operation);
    const headers = dynamicResponses.has(operationId) ? { Prefer: 'dynamic=true' } : {};
    let problems: string[];
    let violations: { location: string[] }[] = [];
    let status: number;
    try {
      const { data, response } = await method(args, { headers }).withResponse();
      status = response.status;
      violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as typeof violations;
      problems = [
        ...violations.map((violation) => `violation: ${JSON.stringify(violation)}`),
        ...checkResponse(operation, response, data, asSent),
      ];
    } catch (error) {
      if (!(error instanceof sdk.ApiError)) return { operationId, problems: [String(error)] };
      status = error.status;
      const header = error.headers.get('sl-violations');
      violations = header ? (JSON.parse(header) as typeof violations) : [];
      problems = [`${error.status}: ${header ?? JSON.stringify(error.body)}`];
    }
    if (operationId in invalidRequests) {
      const refused = status >= 400 && violations.some((violation) => violation.location[0] === 'request');
      problems = refused ? [] : [`expected Prism to refuse the request, got ${status}`];
    } else if (operationId in unmockableResponses) {
      const onlyResponse =
        status === 500 &&
        violations.length > 0 &&
        violations.every((violation) => violation.location[0] === 'response');
      problems = onlyResponse ? [] : [`expected Prism's own response alone to be invalid, got ${status}`, ...problems];
    }
    return { operationId, problems };
  }

  /** Parameters under their argument names and the body under `body`, from the spec's examples or schemas. */
  function argumentsFor(operation: Operation): Record<string, unknown> {
    const segments = pointerSegments(operation.pointer);
    const args: Record<string, unknown> = {};
    // An operation's own parameter overrides its path item's of the same name and location (OpenAPI 3.0 §4.7.9.1).
    const specParameters = [
      ...listAt([...segments, 'parameters']),
      ...listAt([...segments.slice(0, -1), 'parameters']),
    ];
    for (const parameter of operation.parameters) {
      const found = specParameters.find(
        (candidate) => candidate.value['name'] === parameter.name && candidate.value['in'] === parameter.in,
      );
      if (!found) throw new Error(`${operation.operationId}: no parameter ${parameter.name} in the spec`);
      // A user leaves a deprecated optional parameter out (Prism warns about it in `sl-violations`).
      if (!parameter.required && found.value['deprecated'] === true) continue;
      args[parameter.argName] =
        'example' in found.value ? found.value['example'] : sampler.sample(`${found.pointer}/schema`);
    }
    const content = operation.requestBody?.contents[0];
    if (content) {
      const media = resolvePointer(document, [...segments, 'requestBody', 'content', content.mediaType]);
      const example = (media.value as Record<string, unknown>)['example'];
      args['body'] = example ?? sampler.sample(`${media.pointer}/schema`);
    }
    return args;
  }

  function listAt(segments: string[]): { pointer: string; value: Record<string, unknown> }[] {
    const list = resolvePointer(document, segments);
    if (!Array.isArray(list.value)) return [];
    return list.value.map((_, index) => {
      const item = resolvePointer(document, [...pointerSegments(list.pointer), String(index)]);
      return { pointer: item.pointer, value: item.value as Record<string, unknown> };
    });
  }

  /** What the SDK read must match the response the spec declares for the status (and media type) Prism sent. */
  function checkResponse(
    operation: Operation,
    response: Response,
    data: unknown,
    asSent: (data: unknown, operationId: string) => unknown,
  ): string[] {
    const declared = operation.responses.find((candidate) => candidate.status === String(response.status));
    if (!declared) return [`status ${response.status} is not documented`];
    const type = response.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase() ?? '';
    const content = declared.contents.find((candidate) => candidate.mediaType === type);
    if (declared.contents.length === 0) return data === undefined ? [] : [`expected no body, got ${typeof data}`];
    if (!content) return [`media type ${type} is not documented for ${response.status}`];
    if (type.endsWith('json')) {
      const schema = resolvePointer(document, [
        ...pointerSegments(operation.pointer),
        'responses',
        declared.status,
        'content',
        content.mediaType,
        'schema',
      ]);
      return validators.errors(schema.pointer, asSent(data, operation.operationId)).map((error) => `response ${error}`);
    }
    if (type.startsWith('text/') || type.endsWith('yaml')) {
      return typeof data === 'string' ? [] : [`expected text, got ${typeof data}`];
    }
    return data instanceof Blob ? [] : [`expected a Blob, got ${typeof data}`];
  }
});

function pointerSegments(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Bundles the SDK from its `index.ts` into one CommonJS file with esbuild
 * (transpiling only: the corpus test type-checks the SDK) and loads it.
 */
function loadAsCommonJs(sdkFolder: string, outfile: string): unknown {
  buildSync({ entryPoints: [join(sdkFolder, 'index.ts')], outfile, bundle: true, format: 'cjs', platform: 'node' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile);
}

/** `run` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

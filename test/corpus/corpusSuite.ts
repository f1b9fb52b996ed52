import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isRecord } from '../../generator/util/guards';
import { examplesModule } from '../support/specExamples';
import { exportedNames, typecheck } from '../support/typecheck';
import { generateInto } from '../support/generateInto';
import { corpusShard, specsFolder, type CorpusEntry } from './manifest';

/**
 * Type errors a generated SDK is known to still have, by spec and error code
 * (none today). An entry that no longer matches fails the test: remove it.
 */
const pendingTypeErrors: Record<string, Record<string, number>> = {};

/**
 * Examples that contradict their own schema in the spec, by spec and site
 * (see `examplesModule`): each is left out of the check, and an entry whose
 * example no longer fails fails the test.
 */
const contradictingExamples: Record<string, readonly string[]> = {
  // `price` (and, for usage records, `count`, `price` and `usage`) are numbers in the schemas, strings in the examples;
  // a conference's `reason_conference_ended` is null in the examples (and its description), not nullable in the schema.
  'twilio-api-v2010': [
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Conferences~1{Sid}.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Conferences~1{Sid}.json/post 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Conferences.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1AvailablePhoneNumbers~1{CountryCode}~1Local.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Calls~1{CallSid}~1Recordings.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Calls~1{CallSid}~1Recordings~1{Sid}.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Recordings~1{RecordingSid}~1Transcriptions~1{Sid}.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Recordings~1{RecordingSid}~1Transcriptions.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Transcriptions~1{Sid}.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Transcriptions.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1AllTime.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1Daily.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1LastMonth.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1Monthly.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1ThisMonth.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1Today.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1Yearly.json/get 200',
    '/paths/~12010-04-01~1Accounts~1{AccountSid}~1Usage~1Records~1Yesterday.json/get 200',
  ],
};

/**
 * Every real-world spec of ../shared/specs (one shard of them): the SDK
 * generates, compiles under tsc --strict (+ exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess), and exports every operation and every component
 * schema of the spec.
 */
export function describeCorpus(shard: number, shards: number): void {
  describe.each(corpusShard(shard, shards).map((entry) => [entry.name, entry] as const))('corpus: %s', (_, entry) => {
    it('generates an SDK that compiles and accounts for every operation, schema and webhook', async () => {
      const sdk = await generateInto({
        specPath: join(specsFolder, entry.root),
        cwd: specsFolder,
        // Multi-file specs reference files anywhere in their own folder of the corpus.
        refFolder: join(specsFolder, entry.root.split('/')[0]!),
      });
      try {
        expect(sdk.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
        const model = sdk.model!;
        const document = readDocument(entry);
        const examples = examplesModule(model, document, entry.root);
        writeFileSync(join(sdk.folder!, 'examples.ts'), examples.text);
        const index = join(sdk.folder!, 'index.ts');
        const entries = [index, join(sdk.folder!, 'examples.ts'), ...checksFor(entry, sdk.folder!)];
        const { program, errors: allErrors } = typecheck(sdk.folder!, entries);
        const errors = allErrors.filter((error) => !error.startsWith('examples.ts('));
        if (pendingTypeErrors[entry.name]) expect(countByCode(errors)).toEqual(pendingTypeErrors[entry.name]);
        else expect(errors).toEqual([]);

        // The spec's examples are values of the SDK's types; an example may carry properties its schema does not
        // list (an excess property, TS2353 and TS2561), which the types of a response allow.
        const failedSites = allErrors.flatMap((error) => {
          const line = /^examples\.ts\((\d+),\d+\): TS(\d+)/.exec(error);
          return line && !['2353', '2561'].includes(line[2]!) ? [examples.siteOfLine.get(Number(line[1]))] : [];
        });
        expect([...new Set(failedSites)].sort()).toEqual([...(contradictingExamples[entry.name] ?? [])].sort());

        const exported = exportedNames(program, index);
        expect(model.operations).toHaveLength(entry.operations);
        const missingOperations = model.operations.filter((operation) => !exported.has(operation.names.function));
        expect(missingOperations.map((operation) => operation.operationId)).toEqual([]);

        // Webhooks (and callbacks) get no function, but the type of each body they send.
        expect(model.webhooks.filter((webhook) => webhook.kind === 'webhook')).toHaveLength(entry.webhooks);
        const payloads = model.webhooks.flatMap((webhook) => (webhook.payload ? [webhook.payload] : []));
        expect(payloads.filter((name) => !exported.has(name))).toEqual([]);

        const schemas = componentSchemaPointers(entry, document);
        if (typeof entry.schemas === 'number') expect(schemas).toHaveLength(entry.schemas);
        const schemaModels = model.models.filter(
          (named) =>
            named.file === entry.root && !named.inputOf && /^\/components\/schemas\/[^/]+$/.test(named.pointer),
        );
        if (entry.version.startsWith('swagger')) {
          // The converter renames definitions whose names OpenAPI 3 does not allow, and bundled files add some.
          expect(schemaModels.length).toBeGreaterThanOrEqual(schemas.length);
        } else {
          expect(schemaModels.map((named) => named.pointer).sort()).toEqual([...schemas].sort());
        }
        expect(schemaModels.filter((named) => !exported.has(named.name)).map((named) => named.name)).toEqual([]);
      } finally {
        sdk.cleanup();
      }
    }, 300_000); // The largest specs take tens of seconds on a busy 2-core machine.
  });
}

/**
 * `checks/<name>.ts`, compile-time tests of one spec's SDK (each
 * `@ts-expect-error` fails if its line compiles), copied next to the SDK.
 */
function checksFor(entry: CorpusEntry, folder: string): string[] {
  const checks = join(__dirname, 'checks', `${entry.name}.ts`);
  if (!existsSync(checks)) return [];
  copyFileSync(checks, join(folder, 'checks.ts'));
  return [join(folder, 'checks.ts')];
}

function countByCode(errors: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const error of errors) {
    const code = /TS\d+/.exec(error)?.[0] ?? 'other';
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * Pointers of the root document's component schemas, read straight from the
 * file (Swagger 2.0 `definitions` become `components/schemas` once converted).
 */
function componentSchemaPointers(entry: CorpusEntry, document: Record<string, unknown>): string[] {
  const components = isRecord(document['components']) ? document['components'] : {};
  const names = Object.keys(
    (entry.version.startsWith('swagger') ? document['definitions'] : components['schemas']) ?? {},
  );
  return names.map((name) => `/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

/** The entry document, read straight from the file. */
function readDocument(entry: CorpusEntry): Record<string, unknown> {
  return parse(readFileSync(join(specsFolder, entry.root), 'utf8'), { maxAliasCount: -1 }) as Record<string, unknown>;
}

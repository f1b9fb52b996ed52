import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exportedNames, typecheck } from '../support/typecheck';
import { generateInto } from '../support/generateInto';
import { corpusShard, specsFolder, type CorpusEntry } from './manifest';

/**
 * Type errors a generated SDK is known to still have, by spec and error code
 * (none today). An entry that no longer matches fails the test: remove it.
 */
const pendingTypeErrors: Record<string, Record<string, number>> = {};

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
        const index = join(sdk.folder!, 'index.ts');
        const { program, errors } = typecheck(sdk.folder!, [index, ...checksFor(entry, sdk.folder!)]);
        if (pendingTypeErrors[entry.name]) expect(countByCode(errors)).toEqual(pendingTypeErrors[entry.name]);
        else expect(errors).toEqual([]);

        const exported = exportedNames(program, index);
        expect(model.operations).toHaveLength(entry.operations);
        const missingOperations = model.operations.filter((operation) => !exported.has(operation.names.function));
        expect(missingOperations.map((operation) => operation.operationId)).toEqual([]);

        // Webhooks (and callbacks) get no function, but the type of each body they send.
        expect(model.webhooks.filter((webhook) => webhook.kind === 'webhook')).toHaveLength(entry.webhooks);
        const payloads = model.webhooks.flatMap((webhook) => (webhook.payload ? [webhook.payload] : []));
        expect(payloads.filter((name) => !exported.has(name))).toEqual([]);

        const schemas = componentSchemaPointers(entry);
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
function componentSchemaPointers(entry: CorpusEntry): string[] {
  const document = parse(readFileSync(join(specsFolder, entry.root), 'utf8'), { maxAliasCount: -1 }) as Record<
    string,
    Record<string, Record<string, unknown>> | undefined
  >;
  const names = Object.keys(
    (entry.version.startsWith('swagger') ? document['definitions'] : document['components']?.['schemas']) ?? {},
  );
  return names.map((name) => `/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

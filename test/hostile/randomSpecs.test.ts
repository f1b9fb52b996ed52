import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { SdkModel } from '../../generator/model/types';
import { generateSdk } from '../../generator/pipeline';
import { getAtPointer } from '../../generator/util/jsonPointer';
import { writeTempFiles } from '../support/buildFromText';
import { compileSdks, literalTypeValues, writeSdk } from '../support/compileSdk';
import { probeSdk } from '../support/probeSdk';

/**
 * Random specs full of hostile strings and names. Each must either generate
 * an SDK that compiles under tsc --strict, imports without touching a global
 * and round-trips its literal values, or be refused with diagnostics; never a
 * crash. The seed is fixed so that CI is reproducible; set SDKGEN_FC_SEED to
 * explore others (the failing seed is printed).
 */
const seed = Number(process.env['SDKGEN_FC_SEED'] ?? 20261128);
const runs = Number(process.env['SDKGEN_FC_RUNS'] ?? 8);

const fragments = [
  '*/',
  '/*',
  '`',
  '${',
  '$',
  '{',
  '}',
  '\\',
  "'",
  '"',
  '\0',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\ud800',
  '</script>',
  '#',
  '?',
  '/',
  '..',
  '%2e',
  ' ',
  '-',
  '_',
  'Ü',
  'ǅ',
  'Ｕ',
  'Р',
  'then',
  '__proto__',
  'constructor',
  'prototype',
  'Promise',
  'ApiError',
  'createClient',
  'request',
  'class',
  'index',
  'Con',
  'toString',
  'globalThis.pwned=1',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 5 })
  .map((parts) => parts.join(''));
const pathParameterName = text.map((name) => name.replace(/[{}/]/g, '') || 'id');
const literal = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const described = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T & { description: string }> =>
  fc.tuple(value, text).map(([v, description]) => ({ ...v, description }));
const ownObject = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries);

const schema = fc.oneof(
  described(fc.record({ enum: fc.array(literal, { minLength: 1, maxLength: 5 }) })),
  described(fc.record({ const: text })),
  described(
    fc.record({
      type: fc.constant('object'),
      properties: fc
        .array(fc.tuple(text, described(fc.record({ type: fc.constantFrom('string', 'integer', 'boolean') }))), {
          maxLength: 4,
        })
        .map(ownObject),
    }),
  ),
);

const parameter = (where: 'query' | 'header' | 'cookie'): fc.Arbitrary<object> =>
  fc.tuple(text, text).map(([name, description]) => ({ name, in: where, description, schema: { type: 'string' } }));

const spec = fc
  .record({
    title: text,
    server: text,
    schemas: fc.array(fc.tuple(text, schema), { minLength: 1, maxLength: 4 }),
    // Pieces are joined without separators, so that text ending in `$` or `\` meets a `{parameter}`.
    pathPieces: fc.array(
      fc.oneof(
        fc.constantFrom('$', '`', '\\', '${', '/'),
        text,
        pathParameterName.map((name) => ({ name })),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    operationId: text,
    summary: text,
    tag: text,
    parameters: fc.array(fc.oneof(parameter('query'), parameter('header'), parameter('cookie')), { maxLength: 3 }),
    mediaType: fc.oneof(
      fc.constant('application/json'),
      text.map((t) => `application/${t}+json`),
    ),
    asJson: fc.boolean(),
  })
  .map((input) => {
    const pathParameters = [
      ...new Set(input.pathPieces.flatMap((piece) => (typeof piece === 'object' ? [piece.name] : []))),
    ];
    const path = `/${input.pathPieces.map((piece) => (typeof piece === 'object' ? `{${piece.name}}` : piece)).join('')}`;
    const schemas = ownObject(input.schemas);
    const firstSchema = `#/components/schemas/${Object.keys(schemas)[0]!.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const document = {
      openapi: '3.1.0',
      info: { title: input.title, version: '1.0.0' },
      servers: [{ url: input.server }],
      paths: ownObject([
        [
          path,
          {
            post: {
              operationId: input.operationId,
              summary: input.summary,
              tags: [input.tag],
              parameters: [
                ...pathParameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
                ...input.parameters,
              ],
              requestBody: {
                content: ownObject([[input.mediaType, { schema: { $ref: firstSchema.replace(/%/g, '%25') } }]]),
              },
              responses: { '200': { description: input.summary, content: { 'application/json': { schema: {} } } } },
            },
          },
        ],
      ]),
      components: { schemas },
    };
    return input.asJson
      ? { file: 'openapi.json', text: JSON.stringify(document, null, 2) }
      : { file: 'openapi.yaml', text: stringify(document) };
  });

describe('random specs with hostile strings and names', () => {
  it(`generate an SDK that compiles and round-trips its values, or are refused; never a crash (seed ${seed})`, async () => {
    const specs = fc.sample(spec, { seed, numRuns: runs });
    const { folder, cleanup } = writeTempFiles(
      Object.fromEntries(specs.map((s, index) => [`spec${index}/${s.file}`, s.text])),
    );
    try {
      const generated: { index: number; model: SdkModel; sdk: string }[] = [];
      const sources: string[] = [];
      for (const [index, { file }] of specs.entries()) {
        const result = await generateSdk({ specPath: `spec${index}/${file}`, cwd: folder });
        if (!result.files) {
          // Refused: every error says what, where and how to fix it.
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors)
            expect([error.code, error.file, error.hint]).toEqual([
              expect.stringMatching(/^SDK\d{4}$/),
              `spec${index}/${file}`,
              expect.any(String),
            ]);
          continue;
        }
        const sdk = join(folder, `sdk${index}`);
        sources.push(...writeSdk(sdk, result.files));
        generated.push({ index, model: result.model!, sdk });
      }
      expect(generated.length).toBeGreaterThan(runs / 2);
      const compiled = compileSdks(sources);
      expect(compiled.errors).toEqual([]);

      for (const { index, model, sdk } of generated) {
        const written = readFileSync(join(folder, `spec${index}/${specs[index]!.file}`), 'utf8');
        const document = (specs[index]!.file.endsWith('.json') ? JSON.parse(written) : parse(written)) as {
          servers: { url: string }[];
        };
        const enums = model.models.filter((m) => m.enumValuesName);
        const probe = await probeSdk(
          sdk,
          `return { baseUrl: sdk.defaultBaseUrl, enums: ${JSON.stringify(enums.map((m) => m.enumValuesName))}.map((name) => sdk[name]) };`,
        );
        expect(probe.after).toEqual(probe.before);
        const result = probe.result as { baseUrl: string; enums: unknown[][] };
        expect(result.baseUrl).toBe(document.servers[0]!.url.includes('{') ? result.baseUrl : document.servers[0]!.url);
        enums.forEach((named, at) => {
          const expected = distinct((getAtPointer(document, named.pointer) as { enum: unknown[] }).enum);
          const actual = result.enums[at]!;
          expect(actual).toHaveLength(expected.length);
          actual.forEach((value, i) =>
            expect([named.name, i, Object.is(value, expected[i])]).toEqual([named.name, i, true]),
          );
        });
        for (const named of model.models) {
          const value = getAtPointer(document, named.pointer) as { const?: unknown };
          if (typeof value.const !== 'string') continue;
          const typeValues = literalTypeValues(compiled.program, join(sdk, 'models.ts'), named.name);
          expect(typeValues).toEqual([value.const]);
        }
      }
    } catch (error) {
      throw new Error(`With SDKGEN_FC_SEED=${seed}: ${(error as Error).message}`);
    } finally {
      cleanup();
    }
  }, 300_000);
});

/** Enum values without repeats, as the SDK lists them (NaN equals NaN, -0 differs from 0). */
function distinct(values: readonly unknown[]): unknown[] {
  return values.filter((value, index) => values.findIndex((other) => Object.is(other, value)) === index);
}

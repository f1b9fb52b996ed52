import { z } from 'zod';
import { packageNameProblems } from '../emit/package/packageName';

/**
 * The config file's shape: the ONE place a config key is declared. Its type
 * (`SdkConfig`), its validation (unknown keys and wrong types are errors that
 * name the key) and `defineConfig`'s autocompletion all derive from here; the
 * pipeline receives every per-SDK key in `GenerateOptions`. CONTRIBUTING.md
 * says how to add one.
 */

/** Operations chosen by tag, path or operationId; an operation matching any entry is chosen. */
const operationSelector = z.strictObject({
  /** Operations with any of these tags. */
  tags: z.array(z.string().min(1)).optional(),
  /** Path templates as in the spec (`/users/{id}`); `*` matches one segment, `**` any number. */
  paths: z.array(z.string().startsWith('/')).optional(),
  /** Operations with these `operationId`s. */
  operationIds: z.array(z.string().min(1)).optional(),
});

const positiveInteger = z.number().int().positive();

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be a JavaScript identifier');

/** Names chosen by the user instead of the ones derived from the spec. */
const naming = z.strictObject({
  /** operationId -> name of the generated function and client method. */
  operations: z.record(z.string(), identifier).optional(),
  /** Schema name under `components/schemas` -> name of the generated type. */
  models: z.record(z.string(), identifier).optional(),
});

/** One SDK to generate. Paths are relative to the config file. */
export const sdkSchema = z.strictObject({
  /** A short name for messages and `--sdk` (`qovery`). */
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, ".", "_" or "-"'),
  /** The OpenAPI document (YAML or JSON). */
  input: z.string().min(1),
  /** The SDK's folder; sdkgen owns the files it lists in `.sdkgen-manifest.json` there. */
  output: z.string().min(1),
  /** The SDK's npm package name; derived from the spec's title when absent. */
  packageName: z
    .string()
    .superRefine((name, context) => {
      const problems = packageNameProblems(name);
      if (problems.length > 0)
        context.addIssue({
          code: 'custom',
          message: `${JSON.stringify(name)} is not a valid npm package name: ${problems.join('; ')}. Use lowercase letters, digits and dashes, optionally under a @scope/`,
        });
    })
    .optional(),
  /** Only these operations (default: all). */
  include: operationSelector.optional(),
  /** Not these operations (applied after `include`). */
  exclude: operationSelector.optional(),
  naming: naming.optional(),
  /**
   * `date-time` fields: `'string'` (the default) types them as strings everywhere; `'Date'` lets requests
   * send a `Date` too (sent as its ISO 8601 text), and responses hold `Date`s (the SDK revives them).
   */
  dates: z.enum(['string', 'Date']).optional(),
  /**
   * Bounds on what the spec may make the generator read (defaults far above real APIs): raise one for a
   * spec that needs it, lower one to refuse hostile input sooner.
   */
  limits: z
    .strictObject({
      /** Largest file read, in bytes (default 64 MiB). */
      maxFileBytes: positiveInteger.optional(),
      /** Deepest nesting of maps and lists in a file (default 256). */
      maxDepth: positiveInteger.optional(),
      /** Most values in one file, YAML aliases counted once per use (default 1,000,000). */
      maxNodes: positiveInteger.optional(),
      /** How far the YAML parser lets one alias expand (default 10,000). */
      maxAliasCount: positiveInteger.optional(),
      /** Most files one spec may reference, the root included (default 1,000). */
      maxFiles: positiveInteger.optional(),
    })
    .optional(),
  /** Remote `$ref`s (http and https): none are fetched unless their host is listed here. */
  remote: z
    .strictObject({
      /** Hosts a `$ref` may fetch from: `api.example.com`, or with a port `127.0.0.1:8080`. */
      allowedHosts: z.array(z.string().min(1)).optional(),
      /** How long one fetch may take, in milliseconds (default 10,000). */
      timeoutMs: positiveInteger.optional(),
    })
    .optional(),
  /**
   * How generated code is formatted: prettier options, or the path of a prettier config file
   * (`.prettierrc`, `prettier.config.js`...). Default: single quotes, 120 columns, trailing commas.
   */
  prettier: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())], {
      error: 'expected the path of a prettier config file or an object of prettier options',
    })
    .optional(),
});

export const configSchema = z
  .strictObject({
    /** Editors' JSON schema, ignored. */
    $schema: z.string().optional(),
    sdks: z.array(sdkSchema).min(1),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.sdks.forEach((sdk, index) => {
      if (seen.has(sdk.name))
        context.addIssue({ code: 'custom', path: ['sdks', index, 'name'], message: `"${sdk.name}" names two SDKs` });
      seen.add(sdk.name);
    });
  });

/** What a config file holds, as its author writes it. */
export type ConfigInput = z.input<typeof configSchema>;
/** One SDK of a validated config. */
export type SdkConfig = z.output<typeof sdkSchema>;
/** The per-SDK settings the pipeline takes: everything but where the SDK comes from and goes to. */
export type GenerateOptions = Omit<SdkConfig, 'name' | 'input' | 'output'>;
export type OperationSelector = z.output<typeof operationSelector>;

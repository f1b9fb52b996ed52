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

/** Where a value is in a page: property names from its root, as a list or joined by dots (`meta.next_cursor`). */
const pagePath = z.union([z.string(), z.array(z.string().min(1))]);

/**
 * How one list operation pages, when the spec does not say it in a way the generator reads: where a page's items
 * are (`''` when the page is the list) and one way to the next page, as the runtime's `PagePlan` has them.
 */
const pagePlan = z
  .strictObject({
    /** The list in a page: `'data'`, `'result.items'`, or `''` for a page that is the list. */
    items: pagePath,
    /** A URL in the page: the next page's. */
    url: pagePath.optional(),
    /** The `Link` response header's `rel="next"` is the next page. */
    link: z.literal(true).optional(),
    /** A value in the page sent back as the query parameter `param`. */
    cursor: pagePath.optional(),
    /** A property of the page's last item sent back as the query parameter `param` (`id`, for `starting_after`). */
    lastItem: z.string().min(1).optional(),
    /** The query parameter a `cursor` or `lastItem` is sent as, by its name in the spec; a `cursor` also a JSON body property. */
    param: z.string().min(1).optional(),
    /** A query parameter advanced by the number of items read. */
    offset: z.string().min(1).optional(),
    /** A query parameter advanced by one. */
    page: z.string().min(1).optional(),
    /** The number of the page a call that leaves out `page` gets (default 1). */
    first: z.union([z.literal(0), z.literal(1)]).optional(),
    /** A boolean in the page that says whether another page follows. */
    more: pagePath.optional(),
    /** A number in the page: the count of all items (with `offset`) or of all pages (with `page`). */
    total: pagePath.optional(),
  })
  .superRefine((plan, context) => {
    const ways = (['url', 'link', 'cursor', 'lastItem', 'offset', 'page'] as const).filter(
      (way) => plan[way] !== undefined,
    );
    if (ways.length !== 1)
      context.addIssue({
        code: 'custom',
        message: `give one way to the next page (url, link, cursor, lastItem, offset or page), not ${ways.length === 0 ? 'none' : ways.join(' and ')}`,
      });
    const needsParam = plan.cursor !== undefined || plan.lastItem !== undefined;
    if (needsParam !== (plan.param !== undefined))
      context.addIssue({
        code: 'custom',
        path: ['param'],
        message: needsParam
          ? 'cursor and lastItem need the param they are sent as'
          : 'param goes with cursor or lastItem',
      });
    if (plan.first !== undefined && plan.page === undefined)
      context.addIssue({ code: 'custom', path: ['first'], message: 'first goes with page' });
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
  /**
   * OpenAPI Overlays (1.0 or 1.1) applied to the spec's root document before anything else reads it, in this
   * order: fixes to a spec you do not own that survive its next download.
   */
  overlays: z.array(z.string().min(1)).optional(),
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
   * How the SDK's files name each other: `'.js'` (the default: what tsc, bundlers and Node.js's JavaScript expect) or
   * `'.ts'`, for running the TypeScript sources as they are (Node.js's type stripping, Deno).
   */
  importExtension: z.enum(['.js', '.ts']).optional(),
  /**
   * List operations by operationId: `false` for one the generator should not iterate, or how one pages where its
   * spec does not say it in a way the generator reads (`{ items: 'data', cursor: 'meta.next', param: 'cursor' }`).
   */
  pagination: z.record(z.string(), z.union([z.literal(false), pagePlan])).optional(),
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
/** How the config says one list operation pages. */
export type PagePlanConfig = z.output<typeof pagePlan>;

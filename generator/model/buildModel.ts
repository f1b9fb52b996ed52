import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ResolvedSpec } from '../resolve/resolvedSpec';
import { isRecord } from '../util/guards';
import { toPointer } from '../util/jsonPointer';
import type { ModelContext, NamingOptions } from './context';
import { splitByDirection } from './directions';
import { docsOf } from './docs';
import { defineModel, defineQueuedModels, reserveModelName } from './namedModels';
import { NameRegistry } from './nameRegistry';
import { buildOperations } from './operations';
import { securityOf, securitySchemesOf } from './security';
import { serversOf } from './servers';
import { webhooksOf } from './webhooks';
import { withDatePlans } from './datePlans';
import type { ConfiguredPages } from './configuredPagination';
import { withPagination } from './pagination';
import { withResultNames } from './resultNames';
import type { NamedModel, SdkModel } from './types';

/**
 * Names the runtime exports and the generated `index.ts` re-exports: a model
 * or operation may not take them.
 */
export const runtimeExports = [
  'ApiError',
  'NetworkError',
  'SdkError',
  'BaseClient',
  'BaseClientOptions',
  'FetchOptions',
  'RequestOptions',
  'OperationRequest',
  'HttpMethod',
  'RequestBody',
  'Credential',
  'Credentials',
  'SecurityRequirement',
  'SecurityScheme',
  'ParamValue',
  'createBaseClient',
  'createHttpClient',
  'bindOperations',
  'jsonBody',
  'rawBody',
  'jsonLinesBody',
  'jsonSequenceBody',
  'security',
  'parseJson',
  'readBody',
  'applySecurity',
  'basicAuth',
  'cookieAuth',
  'headerAuth',
  'queryAuth',
  'AuthTarget',
  'createClient',
  'Client',
  'ClientOptions',
  'Auth',
  'isApiErrorOf',
  'OperationErrors',
  'defaultBaseUrl',
  // A member of the object `createClient` returns, beside the operations.
  'request',
  'ServerVariables',
  'AbortError',
  'TimeoutError',
  'ApiPromise',
  'BinaryBody',
  'BodyPayload',
  'RequestContext',
  'ServerTemplate',
  'serverUrl',
  'Retry',
  'RetryOptions',
  'retryDelay',
  'FormEncoding',
  'formBody',
  'multipartBody',
  'HeadersLike',
  'mergeHeaders',
  'setHeader',
  'cookieForm',
  'cookieHeader',
  'cookieName',
  'cookieStyle',
  'queryDeepObject',
  'queryForm',
  'headerSimple',
  'jsonText',
  'pathLabel',
  'pathMatrix',
  'queryPipeDelimited',
  'pathSimple',
  'pathScalar',
  'querySpaceDelimited',
  'queryString',
  // The readers of streamed responses, which operation files import.
  'jsonEvents',
  'textEvents',
  'jsonLines',
  'jsonSequence',
  'serverSentEvents',
  'oneOfReaders',
  // Where `date-time` strings are, and what revives them (config `dates: 'Date'`).
  'DatePlan',
  'reviveDates',
  'responseDates',
  'reviveItems',
  // What iterates the pages of a list operation.
  'paginate',
  'PagePlan',
  'PagePromise',
  // The encoders of a parameter that is the whole query string.
  'querystringEncoded',
  'querystringForm',
  'querystringJson',
  'querystringText',
];

/** Builds the intermediate model of a resolved spec. */
export function buildModel(
  spec: ResolvedSpec,
  options: {
    naming?: NamingOptions | undefined;
    dates?: 'string' | 'Date' | undefined;
    pagination?: ConfiguredPages | undefined;
  } = {},
): { model: SdkModel; diagnostics: Diagnostic[] } {
  const document = spec.document;
  const context: ModelContext = {
    spec,
    version: openapiVersion(document['openapi']),
    names: new NameRegistry(runtimeExports),
    diagnostics: [],
    models: new Map(),
    undefinedModels: [],
    extraModels: [],
    merging: new Set(),
    dates: options.dates ?? 'string',
    naming: options.naming ?? {},
  };

  // Component schemas claim their names first, in spec order, so that they keep them.
  const components = isRecord(document['components']) ? document['components'] : {};
  const schemas = isRecord(components['schemas']) ? Object.keys(components['schemas']) : [];
  const componentSchemas = schemas.map((name) => {
    const location = spec.rootLocation(toPointer(['components', 'schemas', name]));
    return { location, name: reserveModelName(context, location) };
  });
  const { operations, callbacks, pagingHints, locations } = buildOperations(context, new Map());
  const webhooks = [...webhooksOf(context), ...callbacks];
  for (const { location, name } of componentSchemas) {
    defineModel(context, location, name);
    defineQueuedModels(context);
  }
  defineQueuedModels(context);

  const directed = splitByDirection(
    context,
    [...context.models.values()]
      .filter((entry): entry is NamedModel => !('pending' in entry))
      .concat(context.extraModels),
    operations,
  );
  const dated = withDatePlans(context, directed.models, directed.operations);
  const paged = withPagination(dated.models, dated.operations, pagingHints, options.pagination);
  context.diagnostics.push(...paged.diagnostics);
  const named = withResultNames(context, paged.operations, locations);
  const info = isRecord(document['info']) ? document['info'] : {};
  const infoDocs = docsOf(info);
  return {
    model: {
      info: {
        title: typeof info['title'] === 'string' ? info['title'] : 'API',
        version: typeof info['version'] === 'string' ? info['version'] : '0.0.0',
        ...(infoDocs.description ? { description: infoDocs.description } : {}),
      },
      servers: serversOf(document['servers']) ?? [],
      models: dated.models,
      operations: named,
      webhooks,
      securitySchemes: securitySchemesOf(context),
      defaultSecurity: securityOf(context, spec.rootLocation('/security')) ?? [],
    },
    diagnostics: context.diagnostics,
  };
}

/** The minor version the rules follow; the loader has refused any other (a converted Swagger 2.0 document says 3.0). */
function openapiVersion(openapi: unknown): ModelContext['version'] {
  const minor = String(openapi).slice(0, 3);
  return minor === '3.0' || minor === '3.2' ? minor : '3.1';
}

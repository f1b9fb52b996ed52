import type { Diagnostic } from '../diagnostics/diagnostic';
import { jsonBodyProperties, PageShape, pageType } from './pageShape';
import type { NamedModel, Operation, Pagination } from './types';

/** Where a value is in a page: property names from its root, as a list or joined by dots (`meta.next_cursor`). */
export type ConfiguredPath = string | readonly string[];

/** How the config says one list operation pages (config key `pagination`; see `config/schema.ts`). */
export interface ConfiguredPagePlan {
  readonly items: ConfiguredPath;
  readonly url?: ConfiguredPath | undefined;
  readonly link?: true | undefined;
  readonly cursor?: ConfiguredPath | undefined;
  readonly lastItem?: string | undefined;
  /**
   * The query parameter, by its name in the spec, a `cursor` or `lastItem` is sent as; for a `cursor`, also a
   * property of the JSON request body (a `POST` search's).
   */
  readonly param?: string | undefined;
  readonly offset?: string | undefined;
  readonly page?: string | undefined;
  readonly first?: 0 | 1 | undefined;
  readonly more?: ConfiguredPath | undefined;
  readonly total?: ConfiguredPath | undefined;
}

/** By operationId: `false` turns the generator's own reading off, a plan replaces it. */
export type ConfiguredPages = Readonly<Record<string, false | ConfiguredPagePlan>>;

/** A `pagination` entry that names no operation is most likely a typo (SDK5103). */
export function unknownOperations(operations: readonly Operation[], configured: ConfiguredPages): Diagnostic[] {
  const operationIds = new Set(operations.map((operation) => operation.operationId));
  return Object.keys(configured)
    .filter((operationId) => !operationIds.has(operationId))
    .map((operationId) => ({
      code: 'SDK5103',
      severity: 'warning',
      message: `The config's pagination ${JSON.stringify(operationId)} names no operationId of the spec.`,
      hint: 'Fix its spelling or remove it; keys are compared as written in the spec.',
    }));
}

/**
 * The pagination the config gives an operation, checked against it: each parameter must be one of its query
 * parameters, each path must be in its success response, and the items a list there. A plan that does not fit is an
 * error (SDK5104), each problem named by its key.
 */
export function configuredPagination(
  operation: Operation,
  plan: ConfiguredPagePlan,
  models: ReadonlyMap<string, NamedModel>,
): { pagination?: Pagination; diagnostics: Diagnostic[] } {
  const key = `pagination.${operation.operationId}`;
  const problems: string[] = [];
  const page = pageType(operation);
  if (!page) {
    problems.push(`${key}: ${operation.operationId} has no success response of one JSON type to read pages from`);
    return { diagnostics: problems.map(diagnostic) };
  }
  const shape = new PageShape(page, models);
  const path = (field: 'items' | 'url' | 'cursor' | 'more' | 'total', value: ConfiguredPath): string[] => {
    const names = typeof value === 'string' ? value.split('.').filter(Boolean) : [...value];
    if (field !== 'items' && !shape.at(names))
      problems.push(
        `${key}.${field}: ${JSON.stringify(names.join('.'))} is not in the response of ${operation.operationId}`,
      );
    return names;
  };
  const argument = (field: 'param' | 'offset' | 'page', name: string): string => {
    const parameter = operation.parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
    if (!parameter)
      problems.push(`${key}.${field}: ${operation.operationId} has no query parameter ${JSON.stringify(name)}`);
    return parameter?.argName ?? name;
  };
  const items = path('items', plan.items);
  const item = shape.list(items);
  if (!item)
    problems.push(
      `${key}.items: ${JSON.stringify(items.join('.'))} is not a list in the response of ${operation.operationId}`,
    );
  const next: Pagination['next'] | undefined =
    plan.url !== undefined
      ? { kind: 'url', path: path('url', plan.url) }
      : plan.link
        ? { kind: 'link' }
        : plan.cursor !== undefined
          ? bodyCursorField(operation, models, plan.param ?? '')
            ? { kind: 'cursor', path: path('cursor', plan.cursor), arg: plan.param ?? '', body: true }
            : { kind: 'cursor', path: path('cursor', plan.cursor), arg: argument('param', plan.param ?? '') }
          : plan.lastItem !== undefined
            ? { kind: 'lastItem', property: plan.lastItem, arg: argument('param', plan.param ?? '') }
            : plan.offset !== undefined
              ? { kind: 'offset', arg: argument('offset', plan.offset) }
              : plan.page !== undefined
                ? { kind: 'page', arg: argument('page', plan.page), first: plan.first ?? 1 }
                : undefined;
  const more = plan.more !== undefined ? path('more', plan.more) : undefined;
  const total = plan.total !== undefined ? path('total', plan.total) : undefined;
  if (problems.length > 0 || !item || !next) return { diagnostics: problems.map(diagnostic) };
  return {
    pagination: { items, item, next, ...(more ? { more } : {}), ...(total ? { total } : {}) },
    diagnostics: [],
  };
}

/**
 * A cursor sent back in the JSON body: for an operation without a query parameter of that name whose request body
 * has a property of it (a `POST` search). `path` is read by the caller; this only places the argument.
 */
function bodyCursorField(operation: Operation, models: ReadonlyMap<string, NamedModel>, name: string): boolean {
  if (operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === name)) return false;
  return jsonBodyProperties(operation, models)?.has(name) === true;
}

function diagnostic(problem: string): Diagnostic {
  return {
    code: 'SDK5104',
    severity: 'error',
    message: `The config's ${problem}.`,
    hint: 'Name the operation’s query parameters as the spec does, and paths as property names from the root of its success response (`meta.next_cursor`, `""` for a response that is the list).',
  };
}

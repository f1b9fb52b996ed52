import type { Diagnostic } from '../diagnostics/diagnostic';
import { modelNamesIn, refType } from './typeNodes';
import type { NamedModel, Operation, SdkModel, TypeNode, Webhook } from './types';

/** `include` or `exclude` in the config. */
export interface OperationSelector {
  readonly tags?: readonly string[] | undefined;
  readonly paths?: readonly string[] | undefined;
  readonly operationIds?: readonly string[] | undefined;
}

export interface Selection {
  readonly include?: OperationSelector | undefined;
  readonly exclude?: OperationSelector | undefined;
}

/**
 * Keeps the operations the config chooses. Models only the dropped operations
 * used go too; models no operation uses stay, as without a selection. An entry
 * that matches no operation is reported (SDK5101): it is most likely a typo.
 */
export function selectOperations(
  model: SdkModel,
  selection: Selection,
): { model: SdkModel; diagnostics: Diagnostic[] } {
  if (!selection.include && !selection.exclude) return { model, diagnostics: [] };
  const diagnostics = [
    ...unmatchedEntries('include', selection.include, model.operations),
    ...unmatchedEntries('exclude', selection.exclude, model.operations),
  ];
  const include = selection.include;
  const exclude = selection.exclude;
  const operations = model.operations.filter(
    (operation) => (!include || matches(include, operation)) && !(exclude && matches(exclude, operation)),
  );
  // Callbacks go with the operation that declares them.
  const kept = new Set(operations.map((operation) => operation.operationId));
  const webhooks = model.webhooks.filter((webhook) => webhook.kind === 'webhook' || kept.has(webhook.operationId!));
  const byName = new Map(model.models.map((named) => [named.name, named]));
  const usedBefore = reachableModels(roots(model.operations, model.webhooks), byName);
  // Models nothing used stay, and so do the models they refer to.
  const unused = model.models.filter((named) => !usedBefore.has(named.name)).map((named) => refType(named.name));
  const usedAfter = reachableModels([...roots(operations, webhooks), ...unused], byName);
  const models = model.models.filter((named) => usedAfter.has(named.name));
  return { model: { ...model, operations, webhooks, models }, diagnostics };
}

/** The types operations use (parameters, bodies, responses) and the payloads of webhooks. */
function roots(operations: readonly Operation[], webhooks: readonly Webhook[]): TypeNode[] {
  return [
    ...operations.flatMap((operation) => [
      ...operation.parameters.map((parameter) => parameter.type),
      ...(operation.requestBody?.contents.map((content) => content.type) ?? []),
      ...operation.responses.flatMap((response) => response.contents.map((content) => content.type)),
    ]),
    ...webhooks.flatMap((webhook) => (webhook.payload ? [refType(webhook.payload)] : [])),
  ];
}

function matches(selector: OperationSelector, operation: Operation): boolean {
  return (
    (selector.tags?.some((tag) => operation.tags.includes(tag)) ?? false) ||
    (selector.paths?.some((pattern) => pathMatches(pattern, operation.path)) ?? false) ||
    (selector.operationIds?.includes(operation.operationId) ?? false)
  );
}

/** `*` stands for one path segment, `**` for any number of them; the rest is compared as written. */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const have = path.split('/');
  const match = (w: number, h: number): boolean => {
    if (w === want.length) return h === have.length;
    if (want[w] === '**') return match(w + 1, h) || (h < have.length && match(w, h + 1));
    return h < have.length && (want[w] === '*' || want[w] === have[h]) && match(w + 1, h + 1);
  };
  return match(0, 0);
}

function unmatchedEntries(
  key: 'include' | 'exclude',
  selector: OperationSelector | undefined,
  operations: readonly Operation[],
): Diagnostic[] {
  if (!selector) return [];
  const unmatched = [
    ...(selector.tags ?? [])
      .filter((tag) => !operations.some((operation) => operation.tags.includes(tag)))
      .map((tag) => ['tags', tag] as const),
    ...(selector.paths ?? [])
      .filter((pattern) => !operations.some((operation) => pathMatches(pattern, operation.path)))
      .map((pattern) => ['paths', pattern] as const),
    ...(selector.operationIds ?? [])
      .filter((id) => !operations.some((operation) => operation.operationId === id))
      .map((id) => ['operationIds', id] as const),
  ];
  return unmatched.map(([field, value]) => ({
    code: 'SDK5101',
    severity: 'warning',
    message: `The config's ${key}.${field} entry "${value}" matches no operation of the spec.`,
    hint: 'Fix its spelling or remove it; tags, paths and operationIds are compared as written in the spec.',
  }));
}

/** Names of the models the types use, directly or through other models. */
function reachableModels(types: readonly TypeNode[], byName: ReadonlyMap<string, NamedModel>): Set<string> {
  const seen = new Set<string>();
  const pending = types.flatMap(modelNamesIn);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const named = byName.get(name);
    if (named) pending.push(...modelNamesIn(named.type));
  }
  return seen;
}

import { warnAt, type ModelContext } from './context';
import { unionOf, visitType } from './typeNodes';
import type { MediaContent, NamedModel, Operation, TypeNode } from './types';

/**
 * `readOnly` properties are only sent by the server and `writeOnly` ones only
 * by the client (OpenAPI 3.0 §4.7.24; JSON Schema Validation 2020-12 §9.4). A
 * model with such a property, directly or through the models it refers to,
 * becomes two types: its own name for what the API returns (without its
 * `writeOnly` properties) and `<Name>Input` for what a request sends
 * (without its `readOnly` properties). With `dates: 'Date'` in the config, a
 * `date-time` string is `Date | string` in requests and a `Date` in responses
 * (the runtime revives them, see `datePlans`), so a model with one splits the
 * same way. Other models stay one type.
 */
export function splitByDirection(
  context: ModelContext,
  models: readonly NamedModel[],
  operations: readonly Operation[],
): { models: NamedModel[]; operations: Operation[] } {
  const split = modelsToSplit(models, requestTypes(operations));
  const inputNames = new Map<string, string>();
  for (const named of models) {
    if (!split.has(named.name)) continue;
    const source = [...context.spec.sources.values()].find((file) => file.displayPath === named.file);
    const location = { source: source ?? context.spec.root, pointer: named.pointer };
    inputNames.set(
      named.name,
      context.names.claim(`${named.name}Input`, {
        folder: 'models',
        report: (fields) => warnAt(context, location, fields),
      }),
    );
  }
  const views = { input: (type: TypeNode) => inputView(type, inputNames), output: outputView };
  const result: NamedModel[] = [];
  for (const named of models) {
    const inputName = inputNames.get(named.name);
    result.push({ ...named, type: views.output(named.type), ...(inputName ? { inputName } : {}) });
    if (inputName) {
      const { enumValuesName: _values, ...rest } = named;
      result.push({ ...rest, name: inputName, type: views.input(named.type), inputOf: named.name });
    }
  }
  return {
    models: result,
    operations: operations.map((operation) => ({
      ...operation,
      parameters: operation.parameters.map((parameter) => ({ ...parameter, type: views.input(parameter.type) })),
      ...(operation.requestBody
        ? {
            requestBody: {
              ...operation.requestBody,
              contents: operation.requestBody.contents.map((content) => withType(content, views.input)),
            },
          }
        : {}),
      responses: operation.responses.map((response) => ({
        ...response,
        contents: response.contents.map((content) => withType(content, views.output)),
      })),
    })),
  };
}

function withType(content: MediaContent, view: (type: TypeNode) => TypeNode): MediaContent {
  return { ...content, type: view(content.type) };
}

function requestTypes(operations: readonly Operation[]): TypeNode[] {
  return operations.flatMap((operation) => [
    ...operation.parameters.map((parameter) => parameter.type),
    ...(operation.requestBody?.contents.map((content) => content.type) ?? []),
  ]);
}

/**
 * Models that requests send (from `roots`, through references) and that have
 * a `readOnly` or `writeOnly` property in them or in a model they refer to.
 */
function modelsToSplit(models: readonly NamedModel[], roots: readonly TypeNode[]): Set<string> {
  const referrers = new Map<string, string[]>();
  const referenced = new Map<string, Set<string>>();
  const directed = new Set<string>();
  for (const named of models) {
    const refs = new Set<string>();
    if (hasDirectedProperty(named.type, refs)) directed.add(named.name);
    referenced.set(named.name, refs);
    for (const ref of refs) referrers.set(ref, [...(referrers.get(ref) ?? []), named.name]);
  }
  const sent = closure(
    roots.flatMap((root) => {
      const refs = new Set<string>();
      hasDirectedProperty(root, refs);
      return [...refs];
    }),
    (name) => referenced.get(name) ?? [],
  );
  const differs = closure([...directed], (name) => referrers.get(name) ?? []);
  return new Set([...sent].filter((name) => differs.has(name)));
}

function closure(start: readonly string[], next: (name: string) => Iterable<string>): Set<string> {
  const reached = new Set(start);
  const pending = [...start];
  while (pending.length > 0) {
    for (const name of next(pending.pop()!)) {
      if (reached.has(name)) continue;
      reached.add(name);
      pending.push(name);
    }
  }
  return reached;
}

/** Whether `type` itself has a directed property; collects the models it names on the way. */
function hasDirectedProperty(type: TypeNode, refs: Set<string>): boolean {
  let found = false;
  visitType(type, (node) => {
    if (node.kind === 'ref') refs.add(node.name);
    if (node.kind === 'object') {
      for (const base of node.bases) refs.add(base);
      found ||= node.properties.some((property) => property.readOnly || property.writeOnly);
    }
    // A request sends `Date | string` where a response has a string.
    if (node.kind === 'string' && node.acceptsDate) found = true;
  });
  return found;
}

/** What a request sends: no `readOnly` properties, and the input types of split models. */
function inputView(type: TypeNode, inputNames: ReadonlyMap<string, string>): TypeNode {
  return mapType(type, {
    keep: (property) => !property.readOnly,
    name: (name) => inputNames.get(name) ?? name,
    dates: 'input',
  });
}

/** What a response carries: no `writeOnly` properties, and `Date`s where the runtime revives them. */
function outputView(type: TypeNode): TypeNode {
  return mapType(type, { keep: (property) => !property.writeOnly, name: (name) => name, dates: 'output' });
}

function mapType(
  type: TypeNode,
  how: {
    keep: (property: { readOnly: boolean; writeOnly: boolean }) => boolean;
    name: (name: string) => string;
    dates: 'input' | 'output';
  },
): TypeNode {
  const map = (node: TypeNode): TypeNode => mapType(node, how);
  switch (type.kind) {
    case 'string':
      if (!type.acceptsDate) return type;
      return how.dates === 'input' ? unionOf([{ kind: 'date' }, { kind: 'string' }]) : { kind: 'date' };
    case 'ref':
      return { kind: 'ref', name: how.name(type.name) };
    case 'array':
      return { ...type, items: map(type.items) };
    case 'eventStream':
      return { ...type, data: map(type.data) };
    case 'tuple':
      return { ...type, items: type.items.map(map), ...(type.rest ? { rest: map(type.rest) } : {}) };
    case 'object':
      return {
        ...type,
        bases: type.bases.map(how.name),
        properties: type.properties
          .filter((property) => how.keep(property))
          .map((property) => ({ ...property, type: map(property.type) })),
        ...(type.additionalProperties ? { additionalProperties: map(type.additionalProperties) } : {}),
      };
    case 'union': {
      // A response value that may be a date-time or other text cannot be told apart: it stays text.
      const ambiguous = how.dates === 'output' && type.members.some(isDateText) && type.members.some(isOtherText);
      return unionOf(
        type.members.map((member) => (ambiguous && isDateText(member) ? { kind: 'string' } : map(member))),
      );
    }
    case 'intersection':
      return { ...type, members: type.members.map(map) };
    default:
      return type;
  }
}

function isDateText(type: TypeNode): boolean {
  return type.kind === 'string' && type.acceptsDate === true;
}

function isOtherText(type: TypeNode): boolean {
  return (type.kind === 'string' && !type.acceptsDate) || (type.kind === 'literal' && typeof type.value === 'string');
}

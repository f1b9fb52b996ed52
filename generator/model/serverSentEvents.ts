import { childLocation, locationKey, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import { isJsonMediaType } from './mediaTypes';
import { schemaType } from './schemaType';
import { objectType, unionOf, unknownType } from './typeNodes';
import type { Property, StreamItems, TypeNode } from './types';

/**
 * The events of a `text/event-stream` that an OpenAPI 3.2 `itemSchema` describes (§4.14.4): each item is a whole
 * event, `{ data, event, id, retry }`, as the HTML standard parses it. `data` is text, unless its schema says with
 * `contentMediaType` that it is JSON: then the SDK parses it, typed by `contentSchema`. Alternatives (`oneOf`, `anyOf`)
 * are told apart by an `event` that is a `const` or an `enum`, which is how the runtime knows whose data to parse.
 */
export function serverSentEventsOf(
  context: ModelContext,
  itemSchema: Location,
): { type: TypeNode; items: StreamItems } {
  const base = partsOf(context, itemSchema);
  const withAlternatives = base.find((part) => Array.isArray(part.value['oneOf'] ?? part.value['anyOf']));
  const variants = withAlternatives
    ? alternativesOf(context, withAlternatives).map((parts) => [...base, ...parts])
    : [base];
  const events = variants.map((parts) => eventOf(context, parts));
  const json = events.filter((event) => event.json);
  if (json.length === events.length || json.length === 0) {
    return { type: unionOf(events.map((event) => event.type)), items: serverSentEvents(json.length > 0) };
  }
  // Mixed: the runtime parses the data of the events named; a JSON event without a name cannot be told apart.
  const unnamed = json.filter((event) => event.names.length === 0);
  for (const event of unnamed) {
    warnAt(context, event.data!, {
      code: 'SDK3206',
      message:
        'This event data is JSON, but the event has no `event` name (a `const` or an `enum`) to tell it from the events whose data is text; the SDK hands its data over as text.',
      hint: 'Give the alternative an `event` property with a `const` value, as the server sends it.',
    });
  }
  const types = events.map((event) => (unnamed.includes(event) ? textEvent(event) : event.type));
  const names = json.filter((event) => !unnamed.includes(event)).flatMap((event) => event.names);
  return { type: unionOf(types), items: serverSentEvents(names) };
}

/** The parts of each member of a part's `oneOf` (or else `anyOf`). */
function alternativesOf(context: ModelContext, part: Part): Part[][] {
  const key = Array.isArray(part.value['oneOf']) ? 'oneOf' : 'anyOf';
  const members = part.value[key] as unknown[];
  return members.map((_, index) => partsOf(context, childLocation(part.location, key, index)));
}

function serverSentEvents(jsonData: boolean | readonly string[]): StreamItems {
  return { reader: 'serverSentEvents', jsonData };
}

interface Part {
  readonly location: Location;
  readonly value: Record<string, unknown>;
}

interface EventShape {
  readonly type: TypeNode;
  readonly json: boolean;
  /** The `event` names this alternative is sent under, when its schema lists them. */
  readonly names: readonly string[];
  /** Where the schema of `data` is, for diagnostics. */
  readonly data?: Location;
  readonly properties: readonly Property[];
}

/** One kind of event: the properties its parts give, the later (more specific) ones winning. */
function eventOf(context: ModelContext, parts: readonly Part[]): EventShape {
  const propertyAt = (name: string): Location | undefined =>
    parts
      .filter((part) => isRecord(part.value['properties']) && name in part.value['properties'])
      .map((part) => childLocation(part.location, 'properties', name))
      .pop();
  const required = new Set(
    parts.flatMap((part) => (Array.isArray(part.value['required']) ? part.value['required'] : [])),
  );
  const dataAt = propertyAt('data');
  const dataParts = parts.flatMap((part) => {
    const properties = part.value['properties'];
    return isRecord(properties) && 'data' in properties
      ? partsOf(context, childLocation(part.location, 'properties', 'data'))
      : [];
  });
  // The last part that says is the most specific one.
  const mediaType = dataParts
    .map((part) => part.value['contentMediaType'])
    .filter((value) => typeof value === 'string')
    .pop();
  const json = typeof mediaType === 'string' && isJsonMediaType(mediaType);
  const contentSchema = dataParts.filter((part) => 'contentSchema' in part.value).pop();
  const dataType: TypeNode = !json
    ? { kind: 'string' }
    : contentSchema
      ? schemaType(context, childLocation(contentSchema.location, 'contentSchema'))
      : unknownType;
  const eventAt = propertyAt('event');
  const eventType: TypeNode = eventAt ? schemaType(context, eventAt) : { kind: 'string' };
  const names = eventNames(eventType);
  const docsAt = (location: Location | undefined) => docsOf(location && context.spec.deref(location)?.value);
  const properties: Property[] = [
    field('data', dataType, true, docsAt(dataAt)),
    field('event', names.length > 0 ? eventType : { kind: 'string' }, required.has('event'), docsAt(eventAt)),
    field('id', { kind: 'string' }, false, docsAt(propertyAt('id'))),
    field('retry', { kind: 'number' }, false, docsAt(propertyAt('retry'))),
  ];
  return { type: objectType(properties), json, names, properties, ...(dataAt ? { data: dataAt } : {}) };
}

/** The event as text: how the SDK hands over the data of an event it cannot tell apart. */
function textEvent(event: EventShape): TypeNode {
  return objectType(
    event.properties.map((property) =>
      property.name === 'data' ? { ...property, type: { kind: 'string' } } : property,
    ),
  );
}

function field(name: string, type: TypeNode, required: boolean, docs: Property['docs']): Property {
  return { name, required, readOnly: false, writeOnly: false, type, docs };
}

/** The string literals an `event` schema allows (`const: delta`, `enum: [start, stop]`); none for any string. */
function eventNames(type: TypeNode): string[] {
  const members = type.kind === 'union' ? type.members : [type];
  const names = members.map((member) =>
    member.kind === 'literal' && typeof member.value === 'string' ? member.value : undefined,
  );
  return names.every((name) => name !== undefined) ? names : [];
}

/**
 * A schema and what it is built from: the schema itself, what its `$ref` points to (with the keywords beside it,
 * as 3.1 and 3.2 allow), and its `allOf` members, depth first.
 */
function partsOf(context: ModelContext, location: Location, seen = new Set<string>()): Part[] {
  const key = locationKey(location);
  const value = context.spec.valueAt(location);
  if (seen.has(key) || !isRecord(value)) return [];
  seen.add(key);
  const target = typeof value['$ref'] === 'string' ? context.spec.deref(location) : undefined;
  const referenced = target ? partsOf(context, target.location, seen) : [];
  const members = Array.isArray(value['allOf'])
    ? value['allOf'].flatMap((_, index) => partsOf(context, childLocation(location, 'allOf', index), seen))
    : [];
  return [...referenced, ...members, { location, value }];
}

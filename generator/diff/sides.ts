import type { NamedModel, ObjectNode, Property, SdkModel, TypeNode } from '../model/types';

/** One version of the spec's model, with its named models by name. */
export interface Side {
  readonly model: SdkModel;
  readonly models: ReadonlyMap<string, NamedModel>;
}

export function sideOf(model: SdkModel): Side {
  return { model, models: new Map(model.models.map((named) => [named.name, named])) };
}

/** The type a `ref` names (`unknown` for a name the model lacks, which the model stage never leaves). */
export function deref(type: TypeNode, side: Side): TypeNode {
  return type.kind === 'ref' ? (side.models.get(type.name)?.type ?? { kind: 'unknown' }) : type;
}

/**
 * Every property an object-like type has, its bases' and its intersection
 * members' included (later ones win, as in TypeScript); `undefined` when the
 * type is not an object. `ref`s are followed only when `followRefs` is set.
 */
export function objectProperties(
  type: TypeNode,
  side: Side,
  options: {
    followRefs: boolean;
    seen?: Set<string>;
    /** Bases whose properties are left out (compared on their own, as named models). */
    skipBases?: ReadonlySet<string>;
  },
): Map<string, Property> | undefined {
  const seen = options.seen ?? new Set<string>();
  if (type.kind === 'ref') {
    if (!options.followRefs || seen.has(type.name)) return undefined;
    seen.add(type.name);
    return objectProperties(deref(type, side), side, { followRefs: true, seen });
  }
  if (type.kind === 'object') return ownAndBaseProperties(type, side, { seen, skipBases: options.skipBases });
  if (type.kind !== 'intersection') return undefined;
  const merged = new Map<string, Property>();
  for (const member of type.members) {
    const properties = objectProperties(member, side, { followRefs: true, seen });
    if (!properties) return undefined;
    for (const [name, property] of properties) merged.set(name, property);
  }
  return merged;
}

function ownAndBaseProperties(
  type: ObjectNode,
  side: Side,
  options: { seen: Set<string>; skipBases: ReadonlySet<string> | undefined },
): Map<string, Property> {
  const { seen, skipBases } = options;
  const properties = new Map<string, Property>();
  for (const base of type.bases) {
    if (skipBases?.has(base)) continue;
    const inherited = objectProperties({ kind: 'ref', name: base }, side, { followRefs: true, seen });
    for (const [name, property] of inherited ?? []) properties.set(name, property);
  }
  for (const property of type.properties) properties.set(property.name, property);
  return properties;
}

import type { Location } from '../resolve/location';
import { warnOnceAt, type ModelContext } from './context';
import { modelNamesIn, propertiesOf, stringLiterals, visitType } from './typeNodes';
import type { DatePlan, NamedModel, Operation, Property, TypeNode } from './types';

/**
 * With `dates: 'Date'`, responses type `date-time` strings as `Date`s (see
 * `splitByDirection`), so the runtime must turn them into `Date`s: this reads,
 * from the response types, where they are. A model with `Date`s in it (or in a
 * model it refers to) gets an exported plan, `<Model>Dates`; each response
 * content with `Date`s gets its own, which names those of the models.
 *
 * A union is told apart by a property whose values name its members (a
 * discriminator, an event's `event`), and each member's plan applies only to
 * its own values. Without one, every member's plan applies: a property that
 * is a date-time in one member and other text in another is then revived
 * only when its text reads as a date-time, with a warning (SDK3207).
 */
export function withDatePlans(
  context: ModelContext,
  models: readonly NamedModel[],
  operations: readonly Operation[],
): { models: NamedModel[]; operations: Operation[] } {
  if (context.dates !== 'Date') return { models: [...models], operations: [...operations] };
  const outputs = new Map(models.filter((named) => !named.inputOf).map((named) => [named.name, named]));
  const planNames = new Map<string, string>();
  for (const name of datedModels(outputs)) planNames.set(name, context.names.claim(`${name}Dates`));
  const planner = new DatePlanner(context, outputs, planNames);
  const planned = models.map((named): NamedModel => {
    const name = planNames.get(named.name);
    if (name === undefined) return named;
    return { ...named, dates: { name, plan: planner.planOf(named.type, locationOf(context, named))! } };
  });
  return {
    models: planned,
    operations: operations.map((operation) => ({
      ...operation,
      responses: operation.responses.map((response) => ({
        ...response,
        contents: response.contents.map((content) => {
          const plan = planner.planOf(content.type, locationOf(context, operation));
          return plan ? { ...content, dates: plan } : content;
        }),
      })),
    })),
  };
}

function locationOf(context: ModelContext, at: { readonly file: string; readonly pointer: string }): Location {
  const source = [...context.spec.sources.values()].find((file) => file.displayPath === at.file);
  return { source: source ?? context.spec.root, pointer: at.pointer };
}

/** The models whose values hold a `Date`, in themselves or in a model they refer to, in the order of `models`. */
function datedModels(models: ReadonlyMap<string, NamedModel>): string[] {
  const referrers = new Map<string, string[]>();
  const dated: string[] = [];
  for (const named of models.values()) {
    if (holdsDate(named.type)) dated.push(named.name);
    for (const name of modelNamesIn(named.type)) referrers.set(name, [...(referrers.get(name) ?? []), named.name]);
  }
  const reached = new Set(dated);
  for (let pending = [...dated]; pending.length > 0;) {
    for (const referrer of referrers.get(pending.pop()!) ?? []) {
      if (reached.has(referrer)) continue;
      reached.add(referrer);
      pending.push(referrer);
    }
  }
  return [...models.keys()].filter((name) => reached.has(name));
}

function holdsDate(type: TypeNode): boolean {
  let found = false;
  visitType(type, (node) => {
    found ||= node.kind === 'date';
  });
  return found;
}

class DatePlanner {
  constructor(
    private readonly context: ModelContext,
    private readonly models: ReadonlyMap<string, NamedModel>,
    /** The name of each dated model's plan. */
    private readonly planNames: ReadonlyMap<string, string>,
  ) {}

  /** Where `type`'s `Date`s are; `undefined` when it has none. `at` is where a warning points. */
  planOf(type: TypeNode, at: Location): DatePlan | undefined {
    switch (type.kind) {
      case 'date':
        return { kind: 'date' };
      case 'ref': {
        const name = this.planNames.get(type.name);
        return name === undefined ? undefined : { kind: 'named', name };
      }
      case 'eventStream':
        return this.planOf(type.data, at);
      case 'array': {
        const items = this.planOf(type.items, at);
        return items && { kind: 'items', items };
      }
      case 'tuple': {
        const first = type.items.map((item) => this.planOf(item, at));
        const items = type.rest && this.planOf(type.rest, at);
        if (!items && first.every((plan) => plan === undefined)) return undefined;
        return { kind: 'items', items, first };
      }
      case 'object':
        return allPlans([
          ...type.bases.map((base) => this.planOf({ kind: 'ref', name: base }, at)),
          this.fieldsPlan(type.properties, type.additionalProperties, at),
        ]);
      case 'intersection':
        return allPlans(type.members.map((member) => this.planOf(member, at)));
      case 'union':
        return this.unionPlan(type.members, at);
      default:
        return undefined;
    }
  }

  /**
   * Listed properties, and `each` for the others; with `each`, every listed property is named, dated or not. The
   * `guarded` ones are revived only when their text reads as a date-time.
   */
  private fieldsPlan(
    fields: readonly Property[],
    rest: TypeNode | undefined,
    at: Location,
    guarded: ReadonlySet<string> = new Set(),
  ): DatePlan | undefined {
    const each = rest && this.planOf(rest, at);
    const planned = fields.map((field) => {
      const plan = this.planOf(field.type, at);
      return { name: field.name, plan: plan?.kind === 'date' && guarded.has(field.name) ? guardedDate : plan };
    });
    const named = each ? planned : planned.filter((field) => field.plan);
    if (named.length === 0 && !each) return undefined;
    return { kind: 'fields', fields: named, ...(each ? { each } : {}) };
  }

  private unionPlan(members: readonly TypeNode[], at: Location): DatePlan | undefined {
    const planned = members.flatMap((member) => {
      const plan = this.planOf(member, at);
      return plan ? [{ member, plan }] : [];
    });
    if (planned.length === 0) return undefined;
    // Each object member's properties, gathered once: both checks below read them for every pair of members.
    const objects = new Map(
      members.flatMap((member) => {
        const properties = propertiesOf(member, this.models);
        return properties ? [[member, properties] as const] : [];
      }),
    );
    const tag = this.tagOf(objects);
    if (tag) {
      // Members that are not objects (a date-time, a list) have no tag: their plans apply to every value.
      const untagged = planned.filter(({ member }) => !tag.values.has(member)).map(({ plan }) => plan);
      const cases = planned.flatMap(({ member, plan }) =>
        (tag.values.get(member) ?? []).map((value) => ({ value, plan })),
      );
      return allPlans([cases.length > 0 ? { kind: 'tagged', property: tag.property, cases } : undefined, ...untagged]);
    }
    const shared = this.textTakenForDates(objects, at);
    return allPlans(
      planned.map(({ member, plan }) => {
        const names = shared.get(member);
        return (names && this.guardedPlan(member, names, at)) || plan;
      }),
    );
  }

  /**
   * The plan of an object member whose `names` hold other text in another member: those are revived only when their
   * text reads as a date-time. `undefined` for a member that is not an object of its own (its plan then applies as is).
   */
  private guardedPlan(member: TypeNode, names: ReadonlySet<string>, at: Location): DatePlan | undefined {
    const type = member.kind === 'ref' ? this.models.get(member.name)?.type : member;
    if (type?.kind !== 'object') return undefined;
    return allPlans([
      ...type.bases.map((base) => this.planOf({ kind: 'ref', name: base }, at)),
      this.fieldsPlan(type.properties, type.additionalProperties, at, names),
    ]);
  }

  /**
   * The property whose string values tell every object member of a union apart (each member's values, none shared);
   * `undefined` when there is none, or fewer than two members to tell apart.
   */
  private tagOf(
    objects: ReadonlyMap<TypeNode, ReadonlyMap<string, Property>>,
  ): { property: string; values: Map<TypeNode, readonly string[]> } | undefined {
    if (objects.size < 2) return undefined;
    const candidates = [...[...objects.values()][0]!.keys()];
    for (const property of candidates) {
      const values = new Map<TypeNode, readonly string[]>();
      const seen = new Set<string>();
      const tells = [...objects].every(([member, properties]) => {
        const type = properties.get(property)?.type;
        const names = type && stringLiterals(type);
        if (!names || names.some((name) => seen.has(name))) return false;
        for (const name of names) seen.add(name);
        values.set(member, names);
        return true;
      });
      if (tells) return { property, values };
    }
    return undefined;
  }

  /**
   * Each member's properties that are a date-time where another member's are other text: the reviver cannot tell
   * which member it got, so it revives them only when their text reads as a date-time (SDK3207).
   */
  private textTakenForDates(
    objects: ReadonlyMap<TypeNode, ReadonlyMap<string, Property>>,
    at: Location,
  ): Map<TypeNode, Set<string>> {
    const shared = new Map<TypeNode, Set<string>>();
    for (const [member, properties] of objects) {
      for (const [name, property] of properties) {
        if (!isDate(property.type)) continue;
        const other = [...objects].find(
          ([candidate, theirs]) => candidate !== member && admitsText(theirs.get(name)?.type),
        );
        if (!other) continue;
        shared.set(member, new Set([...(shared.get(member) ?? []), name]));
        warnOnceAt(this.context, at, {
          code: 'SDK3207',
          message: `In a union without a property that tells its members apart, "${name}" is a date-time in one member and other text in another: a response's "${name}" is revived as a \`Date\` whenever its text reads as a date-time, whichever member it is.`,
          hint: 'Add a discriminator (or a property with a const value in each member), or give the property one meaning.',
        });
      }
    }
    return shared;
  }
}

const guardedDate: DatePlan = { kind: 'date', guarded: true };

/** The plans, each once (union members often share one); `undefined` for none. */
export function allPlans(plans: readonly (DatePlan | undefined)[]): DatePlan | undefined {
  const keys = plans.map((plan) => JSON.stringify(plan));
  const defined = plans.filter(
    (plan, index): plan is DatePlan => plan !== undefined && keys.indexOf(keys[index]!) === index,
  );
  if (defined.length <= 1) return defined[0];
  return { kind: 'all', plans: defined };
}

/** Whether a value of `type` is revived itself (a `Date`, or one that may be null). */
function isDate(type: TypeNode): boolean {
  return type.kind === 'date' || (type.kind === 'union' && type.members.some(isDate));
}

/** Whether a value of `type` may be text that is not a date-time (which the reviver would take for one). */
function admitsText(type: TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.kind === 'string' || (type.kind === 'literal' && typeof type.value === 'string')) return true;
  return type.kind === 'union' && type.members.some(admitsText);
}

import type { DatePlan } from '../model/types';
import {
  arrayExpression,
  identifier,
  literalExpression,
  objectExpression,
  stringExpression,
  type Expression,
  type PropertyAssignment,
} from './codeSyntax';
import { objectLiteralKey } from './literals';
import { builders } from 'prettier/doc';

const { group, indent, line } = builders;

/**
 * A plan as the runtime's `DatePlan` reads it (see templates/dates.ts):
 * `{ fields: { created_at: 'date' }, each: … }`, `{ items: … }`,
 * `{ tag: 'kind', cases: { … } }`, `[…]`. A model's plan is named
 * (`PetDates`), behind an arrow where `lazy`: in `models.ts`, plans refer to
 * ones declared further down, or to themselves. `named` collects the names.
 */
export function datePlanExpression(plan: DatePlan, how: { lazy: boolean; named: Set<string> }): Expression {
  const of = (inner: DatePlan | undefined): Expression =>
    inner ? datePlanExpression(inner, how) : literalExpression('false');
  switch (plan.kind) {
    case 'date':
      return stringExpression(plan.guarded ? 'date?' : 'date');
    case 'named':
      how.named.add(plan.name);
      return how.lazy ? { doc: ['() =>', group(indent([line, plan.name]))], kind: 'arrow' } : identifier(plan.name);
    case 'items':
      return objectExpression([
        { key: 'items', value: of(plan.items) },
        ...(plan.first ? [{ key: 'first', value: arrayExpression(plan.first.map(of)) }] : []),
      ]);
    case 'fields': {
      const fields = plan.fields.map((field): PropertyAssignment => ({
        key: objectLiteralKey(field.name),
        value: typedUnder(field.name, of(field.plan)),
      }));
      return objectExpression([
        ...(fields.length > 0 ? [{ key: 'fields', value: objectExpression(fields) }] : []),
        ...(plan.each ? [{ key: 'each', value: of(plan.each) }] : []),
      ]);
    }
    case 'tagged':
      return objectExpression([
        { key: 'tag', value: stringExpression(plan.property) },
        {
          key: 'cases',
          value: objectExpression(
            plan.cases.map((entry): PropertyAssignment => ({
              key: objectLiteralKey(entry.value),
              value: of(entry.plan),
            })),
          ),
        },
      ]);
    case 'all':
      return arrayExpression(plan.plans.map(of));
  }
}

/**
 * The members of TypeScript's `Object` interface. A property of an object literal with one of these names takes its
 * contextual type from `Object`'s member, not from the index signature it falls under, so its literals would widen
 * (`constructor: 'date'` would be a `string`, which no plan is).
 */
const objectMembers = new Set([
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);

/** `value as const` under a key named like a member of `Object` (an arrow needs none: its return type is declared). */
function typedUnder(key: string, value: Expression): Expression {
  if (!objectMembers.has(key) || value.kind === 'arrow' || value.kind === 'identifier') return value;
  return { ...value, doc: [value.doc, ' as const'], kind: 'other' };
}

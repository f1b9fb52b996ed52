import type { Location } from '../resolve/location';
import { warnAt, type ModelContext } from './context';
import { toTypeName } from './identifiers';
import { successType } from './successes';
import type { Operation, TypeNode } from './types';

/**
 * Names for what each call resolves to (`<Operation>Response`) and, for a list that pages, for one of its items
 * (`<Operation>Item`): a type written inline in the spec has no other name a user could import. They are claimed
 * after every other name, so that adding them renames nothing users already import.
 */
export function withResultNames(
  context: ModelContext,
  operations: readonly Operation[],
  locations: ReadonlyMap<string, Location>,
): Operation[] {
  return operations.map((operation) => {
    const location = locations.get(operation.operationId);
    const report = (fields: { code: string; message: string; hint?: string }): void => {
      if (location) warnAt(context, location, fields);
    };
    const prefix = toTypeName(operation.names.function);
    const result = successType(operation);
    const response = result === 'void' ? undefined : nameOf(context, `${prefix}Response`, result, report);
    const item = operation.pagination && nameOf(context, `${prefix}Item`, operation.pagination.item, report);
    return {
      ...operation,
      names: { ...operation.names, ...(response ? { response } : {}), ...(item ? { item } : {}) },
    };
  });
}

/** The wanted name, unless it is taken; a model of that name that is the type itself keeps it, with no alias. */
function nameOf(
  context: ModelContext,
  wanted: string,
  type: TypeNode,
  report: (fields: { code: string; message: string; hint?: string }) => void,
): string {
  return type.kind === 'ref' && type.name === wanted ? wanted : context.names.claim(wanted, { report });
}

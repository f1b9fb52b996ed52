import type { Diagnostic } from '../diagnostics/diagnostic';
import { unescapeSegment } from '../util/jsonPointer';
import type { NamingOptions } from './context';
import type { SdkModel } from './types';

/** A `naming` entry that names no operation or component schema is most likely a typo (SDK5102). */
export function checkNaming(model: SdkModel, naming: NamingOptions | undefined): Diagnostic[] {
  if (naming?.operations === undefined && naming?.models === undefined) return [];
  const operationIds = new Set(model.operations.map((operation) => operation.operationId));
  const schemas = new Set(
    model.models.flatMap((named) => {
      const match = /^\/components\/schemas\/([^/]+)$/.exec(named.pointer);
      return match ? [unescapeSegment(match[1]!)] : [];
    }),
  );
  const unknown = [
    ...Object.keys(naming?.operations ?? {})
      .filter((id) => !operationIds.has(id))
      .map((id) => `naming.operations "${id}" names no operationId`),
    ...Object.keys(naming?.models ?? {})
      .filter((name) => !schemas.has(name))
      .map((name) => `naming.models "${name}" names no schema under components/schemas`),
  ];
  return unknown.map((what) => ({
    code: 'SDK5102',
    severity: 'warning',
    message: `The config's ${what} of the spec.`,
    hint: 'Fix its spelling or remove it; keys are compared as written in the spec.',
  }));
}

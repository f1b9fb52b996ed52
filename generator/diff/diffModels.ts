import type { SdkModel } from '../model/types';
import { compareStrings } from '../util/compare';
import type { Change, SpecDiff } from './change';
import { compareNamedModels } from './compareModels';
import { compareOperations } from './compareOperations';
import { sideOf } from './sides';

/** What changed for the users of an SDK between the model of one spec version and the next. */
export function diffModels(oldModel: SdkModel, newModel: SdkModel): SpecDiff {
  const old = sideOf(oldModel);
  const next = sideOf(newModel);
  const changes = dedupe([...compareOperations(old, next), ...compareNamedModels(old, next)]);
  return { changes: changes.sort(byImportance) };
}

/** A model judged both ways may report one change twice: the breaking report wins. */
function dedupe(changes: readonly Change[]): Change[] {
  const kept = new Map<string, Change>();
  for (const change of changes) {
    const key = `${change.kind}\0${change.subject}\0${change.detail ?? ''}`;
    const previous = kept.get(key);
    if (!previous || (previous.severity !== 'breaking' && change.severity === 'breaking')) kept.set(key, change);
  }
  return [...kept.values()];
}

function byImportance(a: Change, b: Change): number {
  if (a.severity !== b.severity) return a.severity === 'breaking' ? -1 : 1;
  return (
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.detail ?? '', b.detail ?? '')
  );
}

import { breakingCount, type SpecDiff } from '../change';

/** The report as JSON for scripts: counts and every change with its kind, severity and location. */
export function diffAsJson(diff: SpecDiff): unknown {
  return {
    breaking: breakingCount(diff),
    nonBreaking: diff.changes.length - breakingCount(diff),
    changes: diff.changes,
  };
}

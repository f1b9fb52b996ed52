import { breakingCount, type Change, type SpecDiff } from '../change';

/** The report for a terminal: breaking changes first, one line each. */
export function diffAsText(diff: SpecDiff, title: string): string {
  if (diff.changes.length === 0) return `${title}: no changes for the SDK's users.`;
  const breaking = diff.changes.filter((change) => change.severity === 'breaking');
  const other = diff.changes.filter((change) => change.severity !== 'breaking');
  const lines = [`${title}: ${breakingCount(diff)} breaking, ${other.length} non-breaking change(s).`];
  if (breaking.length > 0) lines.push('Breaking:', ...breaking.map(line));
  if (other.length > 0) lines.push('Non-breaking:', ...other.map(line));
  return lines.join('\n');
}

function line(change: Change): string {
  return `  ${change.subject}: ${change.message}`;
}

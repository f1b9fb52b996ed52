import { mdCode, mdTable, mdText } from '../../emit/readme/markdown';
import { breakingCount, type Change, type SpecDiff } from '../change';

/**
 * The report as GitHub Flavored Markdown, for a pull-request comment. Names
 * and messages come from the spec, so they are escaped like the SDK's README.
 */
export function diffAsMarkdown(diff: SpecDiff, title: string): string {
  const breaking = diff.changes.filter((change) => change.severity === 'breaking');
  const other = diff.changes.filter((change) => change.severity !== 'breaking');
  const heading = `### API changes: ${mdText(title)}`;
  if (diff.changes.length === 0) return `${heading}\n\nNo changes for the SDK's users.`;
  const sections = [heading, `**${breakingCount(diff)} breaking**, ${other.length} non-breaking change(s).`];
  if (breaking.length > 0) sections.push('#### Breaking', table(breaking));
  if (other.length > 0) sections.push('#### Non-breaking', table(other));
  return sections.join('\n\n');
}

function table(changes: readonly Change[]): string {
  return mdTable(
    ['where', 'change'],
    changes.map((change) => [mdCode(change.subject, { inTable: true }), mdText(change.message)]),
  );
}

/**
 * Markdown for text taken from a spec. OpenAPI allows CommonMark in
 * descriptions, but a generated README must not let a spec add HTML, links,
 * images or structure, so spec text is always shown as plain text:
 * - in running text, every character that CommonMark or GitHub Flavored
 *   Markdown could read as markup is backslash-escaped (CommonMark 0.31 §2.4:
 *   any ASCII punctuation may be), and line breaks become spaces, so text
 *   cannot start a heading, list, quote, table row or HTML block;
 * - in code spans and fenced blocks, the fence is longer than any backtick run
 *   of the text, so the text cannot close it.
 * Invisible and bidirectional format characters are dropped everywhere.
 */

const invisible =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const lineBreaks = /\r\n?|[\n\u0085\u2028\u2029]/g;
/** Characters with a meaning anywhere in a line: emphasis, code, links, HTML, entities, GFM tables, strikethrough, autolinks. */
const inlineMarkup = /[\\`*_[\]<>|~&:@#]/g;
/** What starts a block at the beginning of a line: headings, lists, setext underlines, thematic breaks. */
const blockStart = /^([-+=]|\d+(?=[.)]))/;

/** Spec text as one line of plain Markdown text. */
export function mdText(text: string): string {
  return oneLine(text)
    .replace(inlineMarkup, (character) => `\\${character}`)
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(blockStart, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/**
 * Spec text as paragraphs of plain Markdown text: blank lines in the spec
 * separate them, and its other line breaks stay (as hard breaks), so a list
 * written in a description still reads as one line per item.
 */
export function mdParagraphs(text: string): string[] {
  return text
    .replace(lineBreaks, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map(mdText)
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '');
}

/** Spec text as an inline code span; `inTable` escapes `|`, which GFM reads as a cell border even in code. */
export function mdCode(text: string, options: { inTable?: boolean } = {}): string {
  const content = oneLine(text);
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = /^`|`$/.test(content) || /^ .* $/.test(content) ? ` ${content} ` : content;
  const span = `${fence}${padded === '' ? ' ' : padded}${fence}`;
  return options.inTable ? span.replace(/\|/g, '\\|') : span;
}

/** A fenced code block whose fence no line of `code` can close. */
export function mdCodeBlock(language: string, code: string): string {
  const text = code.replace(invisible, '').replace(/\s+$/, '');
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** A GFM table; cells are Markdown already escaped by `mdText` / `mdCode(..., { inTable: true })`. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function oneLine(text: string): string {
  return text.replace(invisible, '').replace(lineBreaks, ' ').replace(/\s+/g, ' ').trim();
}

import type { Docs } from '../model/types';

/**
 * Text for a JSDoc comment. Spec text cannot close the comment (`*\/`), and
 * line separators that JavaScript treats as line breaks become plain ones.
 */
export function escapeCommentText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, '')
    .replace(/[ \t]+$/gm, '');
}

/** The body of a JSDoc comment for these docs, or `undefined` when there is nothing to say. */
export function jsDocText(docs: Docs, extra: readonly string[] = []): string | undefined {
  const parts: string[] = [];
  if (docs.summary) parts.push(docs.summary);
  if (docs.description && docs.description !== docs.summary) parts.push(docs.description);
  parts.push(...extra);
  const tags: string[] = [];
  if (docs.deprecated) tags.push('@deprecated');
  if (docs.default !== undefined) tags.push(`@default ${compactJson(docs.default)}`);
  for (const example of docs.examples?.slice(0, 1) ?? []) tags.push(`@example ${compactJson(example)}`);
  const text = [...parts, ...(tags.length > 0 ? [tags.join('\n')] : [])].join('\n\n');
  return text ? escapeCommentText(text) : undefined;
}

/** A whole `/** … *\/` comment, for places where ts-morph structures do not reach (inline types). */
export function jsDocComment(docs: Docs): string {
  const lines = jsDocLines(docs);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The lines of a JSDoc comment for these docs (none when there is nothing to say), as prettier keeps them. */
export function jsDocLines(docs: Docs, extra: readonly string[] = []): string[] {
  const text = jsDocText(docs, extra);
  return text === undefined ? [] : commentLines(text);
}

/** `/** text *\/` for one line; otherwise `/**`, a ` * ` line for each, and ` *\/`. */
export function commentLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length === 1) return [`/** ${lines[0]} */`];
  return ['/**', ...lines.map((line) => (line ? ` * ${line}` : ' *')), ' */'];
}

function compactJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

import type { Operation, Pagination } from '../model/types';
import {
  arrayExpression,
  literalExpression,
  objectExpression,
  stringExpression,
  type Expression,
  type PropertyAssignment,
} from './codeSyntax';

/** The runtime's `PagePlan` of a list operation: `{ items: ['data'], cursor: ['next_cursor'], arg: 'cursor' }`. */
export function pagePlanExpression(pagination: Pagination): Expression {
  const path = (names: readonly string[]): Expression => arrayExpression(names.map(stringExpression));
  const { next } = pagination;
  const properties: PropertyAssignment[] = [{ key: 'items', value: path(pagination.items) }];
  switch (next.kind) {
    case 'url':
      properties.push({ key: 'url', value: path(next.path) });
      break;
    case 'link':
      properties.push({ key: 'link', value: literalExpression('true') });
      break;
    case 'cursor':
      properties.push({ key: 'cursor', value: path(next.path) }, { key: 'arg', value: stringExpression(next.arg) });
      if (next.body) properties.push({ key: 'body', value: literalExpression('true') });
      break;
    case 'lastItem':
      properties.push(
        { key: 'lastItem', value: stringExpression(next.property) },
        { key: 'arg', value: stringExpression(next.arg) },
      );
      break;
    case 'offset':
      properties.push({ key: 'offset', value: stringExpression(next.arg) });
      break;
    case 'page':
      properties.push(
        { key: 'page', value: stringExpression(next.arg) },
        { key: 'first', value: literalExpression(String(next.first)) },
      );
      break;
  }
  if (pagination.more) properties.push({ key: 'more', value: path(pagination.more) });
  if (pagination.total) properties.push({ key: 'total', value: path(pagination.total) });
  return objectExpression(properties);
}

/** What the JSDoc of a list operation says of its pages, wrapped to fit a JSDoc line of 120 columns. */
export function paginationDocs(operation: Operation & { readonly pagination: Pagination }): string {
  const { pagination, names } = operation;
  const code = (text: string): string => `\`${text}\``;
  const items = itemsText(pagination, code);
  return wrapWords(
    [
      `A list in pages: iterate the call (\`for await (const item of ${names.function}(...))\`) for ${items} of every`,
      'page, or its `pages()` for the pages; awaiting it gives the first page. Each page is requested once the one',
      `before is read: ${nextPageText(pagination, code)}.`,
    ].join(' '),
    116,
  );
}

/** Text in lines of at most `width` characters, broken between words (a longer word keeps a line to itself). */
function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** What iterating a list yields, in words: `the \`data\`` (with `code` spelling the spec's names), or `the items`. */
export function itemsText(pagination: Pagination, code: (text: string) => string): string {
  return pagination.items.length > 0 ? `the ${code(pagination.items.join('.'))}` : 'the items';
}

/** How the next page is asked for, in words, with `code` spelling a name from the spec. */
export function nextPageText(pagination: Pagination, code: (text: string) => string): string {
  const { next } = pagination;
  const field = (path: readonly string[]): string => code(path.join('.'));
  const stop = [
    ...(pagination.more ? [`until ${field(pagination.more)} is false`] : []),
    ...(pagination.total ? [`up to ${field(pagination.total)}`] : []),
  ];
  const how = ((): string => {
    switch (next.kind) {
      case 'url':
        return `the next page is the URL in ${field(next.path)}`;
      case 'link':
        return 'the next page is the `Link` header\'s `rel="next"`';
      case 'cursor':
        return `${field(next.path)} is sent back as ${next.body ? "the body's " : ''}${code(next.arg)}`;
      case 'lastItem':
        return `the last item's ${code(next.property)} is sent back as ${code(next.arg)}`;
      case 'offset':
        return `${code(next.arg)} advances by the items read`;
      case 'page':
        return `${code(next.arg)} advances by one from ${next.first}`;
    }
  })();
  return [how, ...stop].join(', ');
}

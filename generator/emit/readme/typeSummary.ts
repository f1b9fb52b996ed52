import type { TypeNode } from '../../model/types';
import { literalText } from '../literals';

/** At most this many characters; longer summaries end with an ellipsis. */
const maxLength = 80;

/** A type in a few words, for tables: named models by name, inline objects as `object`. */
export function typeSummary(type: TypeNode | 'void'): string {
  const text = type === 'void' ? 'void' : summary(type);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function summary(type: TypeNode): string {
  switch (type.kind) {
    case 'unknown':
    case 'never':
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
      return type.kind;
    case 'binary':
      return 'Blob';
    case 'date':
      return 'Date';
    case 'literal':
      return literalText(type.value);
    case 'ref':
      return type.name;
    case 'array': {
      const item = summary(type.items);
      return type.items.kind === 'union' || type.items.kind === 'intersection' ? `(${item})[]` : `${item}[]`;
    }
    case 'tuple':
      return `[${type.items.map(summary).join(', ')}${type.rest ? `, ...${summary(type.rest)}[]` : ''}]`;
    case 'object':
      return type.bases.length > 0 ? [...type.bases, 'object'].join(' & ') : 'object';
    case 'union':
      return type.members.map(summary).join(' | ');
    case 'intersection':
      return type.members
        .map((member) => (member.kind === 'union' ? `(${summary(member)})` : summary(member)))
        .join(' & ');
    case 'eventStream':
      return `${type.sync ? 'Iterable' : 'AsyncIterable'}<${summary(type.data)}>`;
  }
}

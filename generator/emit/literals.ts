import { isIdentifier } from '../model/identifiers';
import type { Literal } from '../model/types';

/**
 * A string literal for any text taken from a spec. JSON escaping covers
 * backslashes and control characters (NUL included); U+2028/U+2029 and the
 * bidirectional and invisible format characters are escaped as well, so the
 * source reads as what it does. Quoted as prettier quotes it: in single
 * quotes, unless the text holds more of them than double quotes.
 */
export function stringLiteral(text: string): string {
  const body = JSON.stringify(text)
    .slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/[\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, unicodeEscape);
  const quote = count(body, "'") > count(body, '"') ? '"' : "'";
  return `${quote}${body.replaceAll(quote, `\\${quote}`)}${quote}`;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A literal type: `'a'`, `1`, `true`, `null`; `number` for NaN and the infinities, which have no literal type. */
export function literalText(value: Literal): string {
  if (typeof value === 'string') return stringLiteral(value);
  // Written as prettier writes numbers: `1e21`, not `1e+21`.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('e+', 'e') : 'number';
  return String(value);
}

/** A literal value that evaluates to exactly `value`, YAML's `.nan`, `.inf` and `-0` included. */
export function literalValueText(value: Literal): string {
  if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return literalText(value);
  if (Number.isNaN(value)) return 'Number.NaN';
  if (Object.is(value, -0)) return '-0';
  return value > 0 ? 'Number.POSITIVE_INFINITY' : 'Number.NEGATIVE_INFINITY';
}

/** A property key in a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/**
 * A property key in an object literal value. `__proto__: x` and
 * `'__proto__': x` there set the object's prototype instead of defining a
 * property (ECMAScript §13.2.5.5); only a computed key defines it.
 */
export function objectLiteralKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/**
 * Text placed inside a template literal: backslashes, backticks and every `$`
 * escaped. Escaping only `${` is not enough: a path is written in pieces, and
 * one piece ending in `$` followed by one starting with `{` would open a
 * substitution.
 */
export function templateText(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/`/g, '\\`')
    .replace(/\$/g, '\\$')
    .replace(/[\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, unicodeEscape);
}

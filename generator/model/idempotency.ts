import { isRecord } from '../util/guards';
import { declaredTypes } from './schemaType';

/**
 * `Idempotency-Key` (IETF draft "The Idempotency-Key HTTP Header Field"), or the same preceded by `X-` and vendor
 * segments (`X-Idempotency-Key`, `X-Apideck-Idempotency-Key`), in any case. Not `Idempotency_Key`, `Idempotency-Token`
 * nor `Idempotency-Key-Expiry`.
 */
const keyName = /^([a-z0-9]+-)*idempotency-key$/i;

/** The length of `crypto.randomUUID()`, the key the SDK sends for the caller. */
const uuidLength = 36;

/**
 * Whether a parameter is an idempotency key the SDK may invent for the caller: a header named as {@link keyName}
 * says, whose schema (after `$ref`s) accepts any string, so a random UUID is a valid value. That schema has `type:
 * string` (nullable or not: `nullable: true`, or `type: [string, null]`), no `format` or `format: uuid`, no `enum`,
 * `const` nor `pattern`, no `allOf`, `anyOf`, `oneOf` nor `not` (their members are not read), and lengths that admit
 * 36 characters. A parameter described by `content` does not qualify.
 */
export function isIdempotencyKey(name: string, location: string, schema: unknown): boolean {
  if (location !== 'header' || !keyName.test(name) || !isRecord(schema)) return false;
  const types = declaredTypes(schema) ?? [];
  if (!types.includes('string') || types.some((type) => type !== 'string' && type !== 'null')) return false;
  if (['enum', 'const', 'pattern', 'allOf', 'anyOf', 'oneOf', 'not'].some((keyword) => keyword in schema)) return false;
  const { format, minLength, maxLength } = schema;
  if (format !== undefined && format !== 'uuid') return false;
  return (
    !(typeof minLength === 'number' && minLength > uuidLength) &&
    !(typeof maxLength === 'number' && maxLength < uuidLength)
  );
}

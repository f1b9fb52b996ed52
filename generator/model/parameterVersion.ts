import { childLocation } from '../resolve/location';
import { warnOnceAt, type ModelContext } from './context';
import type { RawParameter } from './parameters';

/**
 * `in: querystring` and `style: cookie` are OpenAPI 3.2's. In a 3.0 or 3.1 document they mean nothing, but what
 * they ask for is clear, so the SDK honours them and says the document should be 3.2.
 */
export function checkParameterVersion(context: ModelContext, parameter: RawParameter): void {
  if (context.version === '3.2') return;
  const { in: where, style } = parameter.value;
  const field = where === 'querystring' ? 'in' : where === 'cookie' && style === 'cookie' ? 'style' : undefined;
  if (field === undefined) return;
  warnOnceAt(context, childLocation(parameter.location, field), {
    code: 'SDK3224',
    message: `\`${field}: ${parameter.value[field] as string}\` is OpenAPI 3.2, but the document is ${context.version}; the SDK honours it.`,
    hint: 'Set `openapi: 3.2.0` at the top of the document.',
  });
}

import { isRecord } from '../util/guards';
import { toPointer } from '../util/jsonPointer';
import type { ModelContext } from './context';
import { docsOf } from './docs';
import type { SecurityRequirement, SecurityScheme } from './types';

/** `security` (a list of Security Requirement Objects) as lists of scheme names. */
export function securityOf(value: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((requirement) => Object.keys(requirement));
}

/** `components/securitySchemes`, in spec order. */
export function securitySchemesOf(context: ModelContext): SecurityScheme[] {
  const components = context.spec.document['components'];
  const schemes = isRecord(components) ? components['securitySchemes'] : undefined;
  if (!isRecord(schemes)) return [];
  return Object.keys(schemes).flatMap((name): SecurityScheme[] => {
    const resolved = context.spec.deref(context.spec.rootLocation(toPointer(['components', 'securitySchemes', name])));
    const value = resolved?.value;
    if (!isRecord(value)) return [];
    const docs = docsOf(value);
    switch (value['type']) {
      case 'http':
        return [{ name, type: 'http', scheme: typeof value['scheme'] === 'string' ? value['scheme'] : 'bearer', docs }];
      case 'apiKey': {
        const where = value['in'];
        if ((where !== 'header' && where !== 'query' && where !== 'cookie') || typeof value['name'] !== 'string')
          return [];
        return [{ name, type: 'apiKey', in: where, parameterName: value['name'], docs }];
      }
      case 'oauth2':
      case 'openIdConnect':
        return [{ name, type: value['type'], docs }];
      default:
        return [];
    }
  });
}

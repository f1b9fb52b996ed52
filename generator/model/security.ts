import { isRecord } from '../util/guards';
import { toPointer } from '../util/jsonPointer';
import { childLocation, type Location } from '../resolve/location';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import type { SecurityRequirement, SecurityScheme } from './types';

/**
 * `security` at `location` (a list of Security Requirement Objects) as lists
 * of scheme names. A name must be a key of `components/securitySchemes`
 * (OpenAPI 3.1 §4.8.30.2); one that differs only in case is corrected, and an
 * alternative naming a scheme that does not exist is left out.
 */
export function securityOf(context: ModelContext, location: Location): SecurityRequirement[] | undefined {
  const value = context.spec.valueAt(location);
  if (!Array.isArray(value)) return undefined;
  const known = schemeNames(context);
  return value.flatMap((requirement, index) => {
    if (!isRecord(requirement)) return [];
    const names: string[] = [];
    for (const name of Object.keys(requirement)) {
      const match = known.includes(name) ? name : known.find((scheme) => scheme.toLowerCase() === name.toLowerCase());
      const site = childLocation(location, index, name);
      if (match === undefined) {
        warnAt(context, site, {
          code: 'SDK3301',
          message: `The security requirement names the scheme ${JSON.stringify(name)}, which is not in components/securitySchemes; this alternative is left out.`,
          hint: `Name one of: ${known.join(', ') || '(none defined)'}.`,
        });
        return [];
      }
      if (match !== name) {
        warnAt(context, site, {
          code: 'SDK3302',
          message: `The security requirement names the scheme ${JSON.stringify(name)}; it is read as ${JSON.stringify(match)}.`,
          hint: 'Spell the scheme name exactly as in components/securitySchemes.',
        });
      }
      names.push(match);
    }
    return [names];
  });
}

/** The schemes the SDK knows (those of a type it supports). */
function schemeNames(context: ModelContext): string[] {
  return securitySchemesOf(context).map((scheme) => scheme.name);
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

import { isRecord } from '../util/guards';
import { appendPointer } from '../util/jsonPointer';

export interface RefSite {
  /** Pointer of the object that holds the `$ref`. */
  readonly pointer: string;
  readonly ref: string;
}

/**
 * Keywords whose values are data, not spec structure: a `$ref` inside an
 * example or a default is a string like any other and must not be followed.
 */
const dataKeywords = new Set(['example', 'default', 'const', 'enum']);

/**
 * Keywords whose values are maps from names to objects: there a key such as
 * `default` or `enum` is a name (a property, a response), not a keyword.
 */
const nameMapKeywords = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'paths',
  'webhooks',
  'callbacks',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'pathItems',
  'content',
  'encoding',
  'examples',
]);

/** Every `$ref` in a parsed document, in document order. */
export function collectRefs(root: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const visit = (value: unknown, pointer: string, isNameMap: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, appendPointer(pointer, index), false));
      return;
    }
    if (!isRecord(value)) return;
    const ref = value['$ref'];
    if (!isNameMap && typeof ref === 'string') sites.push({ pointer, ref });
    for (const [key, child] of Object.entries(value)) {
      if (!isNameMap && (dataKeywords.has(key) || key.startsWith('x-'))) continue;
      // Schema `examples` (JSON Schema) is a list of values; OpenAPI `examples` is a map of Example Objects.
      if (!isNameMap && key === 'examples' && Array.isArray(child)) continue;
      visit(child, appendPointer(pointer, key), !isNameMap && nameMapKeywords.has(key));
    }
  };
  visit(root, '', false);
  return sites;
}

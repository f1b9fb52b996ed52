import { toPointer } from '../util/jsonPointer';

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
  // The path to the value being visited; its pointer is only spelled out where a `$ref` is found.
  const path: (string | number)[] = [];
  const visit = (value: unknown, isNameMap: boolean): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index], false);
        path.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    const ref = record['$ref'];
    if (!isNameMap && typeof ref === 'string') sites.push({ pointer: toPointer(path), ref });
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (!isNameMap && (dataKeywords.has(key) || key.startsWith('x-'))) continue;
      // Schema `examples` (JSON Schema) is a list of values; OpenAPI `examples` is a map of Example Objects.
      if (!isNameMap && key === 'examples' && Array.isArray(child)) continue;
      path.push(key);
      visit(child, !isNameMap && nameMapKeywords.has(key));
      path.pop();
    }
  };
  visit(root, false);
  return sites;
}

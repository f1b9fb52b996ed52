/**
 * The `yaml` library, loaded when first needed: a run whose YAML js-yaml reads
 * never needs it, and need not spend the ~40 ms its modules take to load.
 */
export function yamlLibrary(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

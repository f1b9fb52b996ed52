/**
 * The `yaml` library, loaded when first needed: a run that reads its YAML with
 * js-yaml leaves `yaml` to the worker thread, and the main thread need not
 * spend the ~40 ms its modules take to load.
 */
export function yamlLibrary(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

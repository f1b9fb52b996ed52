import type { SpecLimits } from './limits';
import { parseSpecText } from './parseSpecText';
import type { PositionIndex } from './positionIndex';
import { sameValue } from '../util/sameValue';
import { loadYamlValue } from './yamlValue';

/**
 * What the `yaml` path decides about a YAML file already read by js-yaml: its
 * syntax tree (for positions) when the file passes every check of
 * `parseSpecText` (syntax, tags, keys, aliases, limits) and js-yaml read the
 * very value `yaml` reads; `undefined` when it does not, and the file must
 * then go through the `yaml` path, which says why.
 */
export function checkYamlText(text: string, file: string, limits: SpecLimits): PositionIndex | undefined {
  const reference = parseSpecText(text, file, limits);
  const index = reference.parsed?.positionIndex;
  if (!index || reference.diagnostics.length > 0) return undefined;
  const fast = loadYamlValue(text);
  return fast && sameValue(fast.value, reference.parsed!.value) ? index : undefined;
}

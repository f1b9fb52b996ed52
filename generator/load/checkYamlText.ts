import { fitsLimits } from './checkExpandedValue';
import type { SpecLimits } from './limits';
import { parseSpecText } from './parseSpecText';
import type { PositionIndex } from './positionIndex';
import { sameValue } from '../util/sameValue';
import { loadYamlValue } from './yamlValue';

/** What the `yaml` path reads from a text it accepts: the value and the syntax tree (for positions). */
export interface YamlReading {
  readonly value: unknown;
  readonly index: PositionIndex;
}

/**
 * The `yaml` path's reading of a YAML text when the text passes every check
 * of `parseSpecText` (syntax, tags, keys, aliases, limits); `undefined` when
 * it does not, and the file must then go through the `yaml` path, which says why.
 * The value is to be compared with js-yaml's (which fits the limits): how far
 * its aliases expand is not checked again.
 */
export function readYamlText(text: string, file: string, limits: SpecLimits): YamlReading | undefined {
  const reference = parseSpecText(text, file, limits, { sameExpansion: true });
  const index = reference.parsed?.positionIndex;
  if (!index || reference.diagnostics.length > 0) return undefined;
  return { value: reference.parsed!.value, index };
}

/**
 * What the `yaml` path decides about a YAML file already read by js-yaml: its
 * syntax tree when the file passes every check (`readYamlText`) and js-yaml
 * read the very value `yaml` reads; `undefined` when it does not.
 */
export function checkYamlText(text: string, file: string, limits: SpecLimits): PositionIndex | undefined {
  const reading = readYamlText(text, file, limits);
  if (!reading) return undefined;
  const fast = loadYamlValue(text);
  return fast && fitsLimits(fast.value, limits) && sameValue(fast.value, reading.value) ? reading.index : undefined;
}

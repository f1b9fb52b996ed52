import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { NodeSpanRecorder } from './nodeSpans';
import type { PositionIndex } from './positionIndex';

/**
 * The YAML 1.2 core schema exactly as the `yaml` library resolves it with our
 * options (`schema: 'core'`, no merge keys): the same patterns, the same
 * conversions. js-yaml's own CORE_SCHEMA reads more (`0b1010`, `1_000`, `-0x1F`
 * become numbers), so its scalar types are not used.
 */
const coreScalars = [
  new Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (text: string) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
    construct: () => null,
  }),
  new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (text: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
    construct: (text: string) => text[0] === 't' || text[0] === 'T',
  }),
  new Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (text: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text),
    construct: (text: string) =>
      text.startsWith('0o')
        ? parseInt(text.substring(2), 8)
        : text.startsWith('0x')
          ? parseInt(text.substring(2), 16)
          : parseInt(text, 10),
  }),
  new Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (text: string) =>
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(
        text,
      ),
    construct: (text: string) =>
      /nan$/i.test(text)
        ? NaN
        : /inf$/i.test(text)
          ? text[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY
          : parseFloat(text),
  }),
];

const coreSchema = FAILSAFE_SCHEMA.extend({ implicit: coreScalars });

/** A text js-yaml read: its value and where each of its nodes is. */
export interface YamlReading {
  readonly value: unknown;
  readonly positions: PositionIndex;
}

/**
 * A YAML text (or JSON, which is YAML) read by js-yaml, several times faster
 * than `yaml` on a cold start, with the positions of its nodes; `undefined`
 * when the `yaml` path must read it instead, which then reports its problems
 * precisely:
 * - what js-yaml refuses: a syntax error, a key written twice, a tag outside
 *   the core schema, more than one document, too deep a nesting;
 * - what js-yaml reads otherwise or checks less than our rules ask: anchors
 *   and aliases (keys that are aliases, alias expansion), keys that are lists,
 *   maps or null (see `NodeSpanRecorder`).
 * That js-yaml reads every other text to the value `yaml` reads is tested on
 * every YAML file of the corpus and on the forms where YAML readers part ways.
 */
export function readYamlValue(text: string): YamlReading | undefined {
  const recorder = new NodeSpanRecorder();
  let value: unknown;
  try {
    value = load(text, { schema: coreSchema, listener: recorder.listener });
  } catch {
    return undefined; // A RangeError from a deep nesting included.
  }
  const positions = recorder.positions(text);
  if (!positions) return undefined;
  return { value: value === undefined ? null : value, positions }; // An empty document is null for `yaml` too.
}

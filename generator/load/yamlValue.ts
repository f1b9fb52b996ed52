import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

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

/**
 * The value of a YAML text read by js-yaml, several times faster than `yaml`
 * on a cold start; `undefined` when js-yaml refuses the text (a syntax error,
 * a key written twice, a tag outside the core schema, more than one
 * document), which the `yaml` path then reports precisely. js-yaml checks
 * less than our rules ask (keys that are lists or aliases pass), so a value
 * read here is only trusted once the `yaml` path agrees (`checkSpecText`).
 */
export function loadYamlValue(text: string): { value: unknown } | undefined {
  try {
    const value = load(text, { schema: coreSchema });
    return { value: value === undefined ? null : value }; // An empty document is null for `yaml` too.
  } catch {
    return undefined; // A RangeError from a deep nesting included: the `yaml` path reports it.
  }
}

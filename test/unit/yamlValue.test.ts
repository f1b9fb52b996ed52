import { readFileSync } from 'node:fs';
import { buildPositionIndex } from '../../generator/load/positionIndex';
import { readYamlValue } from '../../generator/load/yamlValue';
import { sameValue } from '../../generator/util/sameValue';
import { specsFolder } from '../corpus/manifest';
import { corpusFiles, expectSamePositions, yamlReading } from '../support/yamlReference';

/** js-yaml's reading gives the value and, for every node, the position the `yaml` path gives. */
function expectSameReading(text: string): void {
  const reference = yamlReading(text);
  expect(reference).toBeDefined();
  const read = readYamlValue(text);
  expect(read).toBeDefined();
  expect(sameValue(read!.value, reference!.value)).toBe(true);
  expectSamePositions(read!.positions, reference!);
}

describe('js-yaml reads the value and positions the yaml library reads', () => {
  // JSON is YAML too: a JSON file's positions are found by reading it as YAML where nothing else gave them.
  const files = corpusFiles(/\.(ya?ml|json)$/i);

  it('covers the specs of the corpus', () => {
    expect(files.filter((file) => /\.ya?ml$/i.test(file)).length).toBeGreaterThanOrEqual(19);
    expect(files.filter((file) => /\.json$/i.test(file)).length).toBeGreaterThanOrEqual(8);
  });

  it.each(files.map((file) => [file.slice(specsFolder.length + 1), file]))('%s', (_name, file) => {
    expectSameReading(readFileSync(file, 'utf8'));
  });

  it('places the nodes of a JSON text', () => {
    const text = '{\n  "a": [1, { "b": "c" }],\n  "d": {}\n}\n';
    expect(buildPositionIndex(text).locate('/a/1/b')).toEqual({ line: 2, column: 14 });
    expect(buildPositionIndex(text).locate('/d')).toEqual({ line: 3, column: 3 });
  });

  // Scalars and forms where YAML readers commonly part ways. Each reads to the same value and positions both ways.
  const same: Record<string, string> = {
    'core integers': 'a: [0, 7, -0, +5, 017, 0o17, 0x1F, 0xff, 12345678901234567890, 007]',
    'integers only in other schemas stay strings':
      'a: [0b101, 1_000, -0x1F, 0o8, 0x, 1:20, 190:20:30, +0o7, 0O7, 0X1F]',
    floats: 'a: [.5, -.5, 1., 1.0, 1e3, 1E-3, +1.5e+2, .inf, -.Inf, +.INF, .nan, .NaN, .NAN, 6.8523015e+5, 1.5e]',
    'floats only in other schemas stay strings': 'a: [1_000.5, .Nan, -.nan, inf, NaN, 1e, e3, ., +.]',
    'booleans and nulls of YAML 1.2':
      'a: [true, True, TRUE, false, False, FALSE, ~, null, Null, NULL, tRUE, nULL]\nb:\nc: { d: }\n',
    'YAML 1.1 booleans stay strings': 'a: [yes, no, on, off, y, n, Yes, NO, On, OFF]',
    'YAML 1.1 booleans stay strings under a %YAML 1.1 directive': '%YAML 1.1\n---\na: [yes, no, on, off]\n',
    'timestamps stay strings': 'a: [2001-12-14t21:59:43.10-05:00, 2002-12-14, 2001-12-14 21:59:43.10 -5]',
    'a __proto__ key is an own key': '__proto__: { polluted: true }\nb: { __proto__: [1] }\n',
    'explicit JSON-schema tags':
      'a: [!!str 1, !!str true, !!int "7", !!bool "true", !!null "", ! 12, !!map {a: 1}, !!seq [1]]\nb: !!str\nc: !<tag:yaml.org,2002:str> 5\n',
    'numbers as keys become strings': '200: a\n1.0: b\ntrue: c\n0x10: d\n.inf: e\n-0: f\n',
    'escapes in double quotes': String.raw`a: "\x41\u263A\U0001F600\N\_\L\P\t\0\e\ \/\"\\\a\b\v\f\r"`,
    'single quotes': "a: 'it''s # not a comment'\nb: ''\n",
    'folded plain and quoted scalars': 'a: one\n  two\n\n  three\nb: "x\n  y\n\n  z \\\n  w"\nc: \'p\n\n  q\'\n',
    'block scalars': [
      'literal: |\n  a\n   b\n\n  c\n',
      'strip: |-\n  a\n\n',
      'keep: |+\n  a\n\n\n',
      'folded: >\n  a\n  b\n\n  c\n    more\n  d\n',
      'foldedStrip: >-\n  a\n  b\n',
      'indented: |2\n    four\n  two\n',
      'empty: |\n',
      'last: >+\n  end\n\n',
    ].join(''),
    'flow collections': 'a: { b: 1, c: [x, y, ], d: {}, e: [] , }\nf: {"g":h, "i": [1]}\nj: [{ k: v }]\n',
    'document markers, comments and a BOM': '\uFEFF# comment\n%YAML 1.2\n---\na: 1 # trailing\n...\n',
    'CRLF line ends': 'a: |\r\n  x\r\n  y\r\nb: "p\r\n  q"\r\n',
    'an empty document is null': '',
    'a document of comments is null': '# nothing\n# here\n',
    unicode: 'é: "\\u00e9"\nemoji: 😀\n"\\u0041": 1\n',
    'long and odd strings': `a: ${'x'.repeat(5000)}\nb: "#not comment"\nc: a#b\nd: -1-\ne: ?x\nf: :x\n`,
    'tabs in values': 'a:\t1\nb: "\tx"\nc: x\ty\n',
  };
  it.each(Object.entries(same))('%s', (_name, text) => {
    expectSameReading(text);
  });

  // What js-yaml refuses: the `yaml` path then reads the file (and reports these).
  const refusedByJsYaml: Record<string, string> = {
    'a key written twice': 'a: 1\nb: 2\na: 3\n',
    'a key written twice in other forms': '1: a\n1.0: b\n',
    'a tag outside the JSON schema': 'a: !!binary aGVsbG8=\n',
    'a custom tag': 'a: !thing x\n',
    'a set': 'a: !!set { x }\n',
    'an explicit tag its value does not fit': 'a: !!int "x"\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'a syntax error': 'a: [1, 2\n',
  };
  it.each(Object.entries(refusedByJsYaml))('js-yaml refuses %s', (_name, text) => {
    expect(readYamlValue(text)).toBeUndefined();
  });

  // What js-yaml reads otherwise than the `yaml` path, checks less than our rules ask, or reads in a tree whose
  // positions are not followed: js-yaml's reading is declined, and the `yaml` path reads the file.
  const leftToTheYamlPath: Record<string, string> = {
    'a merge key is a plain key': 'base: &b { a: 1 }\nderived:\n  <<: *b\n  c: 2\n',
    'anchors and aliases': 'a: &x { k: [1, 2] }\nb: *x\nc: &s text\nd: [*s, *s]\n',
    'a map in a list written as one pair': 'a: [k: v]\n',
    'a key without a value in a flow map': 'a: { b }\n',
    'a list as a key (SDK1008)': '? [a, b]\n: c\n',
    'a map as a key (SDK1008)': '? { a: 1 }\n: c\n',
    'an alias as a key (SDK1008)': 'k: &k key\nm: { *k : v }\n',
    'a null key, which yaml reads as ""': '~: a\nb: 1\n',
    'an alias that expands past the parser guard (SDK1003)': [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n'),
  };
  it.each(Object.entries(leftToTheYamlPath))('leaves to the yaml path %s', (_name, text) => {
    expect(readYamlValue(text)).toBeUndefined();
  });
});

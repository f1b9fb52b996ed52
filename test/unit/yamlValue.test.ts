import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkYamlText } from '../../generator/load/checkYamlText';
import { defaultSpecLimits } from '../../generator/load/limits';
import { parseSpecText } from '../../generator/load/parseSpecText';
import { loadYamlValue } from '../../generator/load/yamlValue';
import { sameValue } from '../../generator/util/sameValue';
import { readManifest, specsFolder } from '../corpus/manifest';

/** The value the `yaml` path reads (the reference), or undefined when it refuses the text. */
function yamlValue(text: string): { value: unknown } | undefined {
  const { parsed, diagnostics } = parseSpecText(text, 'spec.yaml');
  return parsed && diagnostics.length === 0 ? { value: parsed.value } : undefined;
}

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/i.test(name) ? [path] : [];
  });
}

describe('js-yaml reads the value the yaml library reads', () => {
  // Every YAML file of every spec in the corpus: roots and the files they reference.
  const files = readManifest()
    .filter((entry) => /\.ya?ml$/i.test(entry.root))
    .flatMap((entry) => yamlFilesUnder(join(specsFolder, entry.root.split('/')[0]!)));

  it('covers the YAML specs of the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
  });

  it.each(files.map((file) => [file.slice(specsFolder.length + 1), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const reference = yamlValue(text);
    expect(reference).toBeDefined();
    const fast = loadYamlValue(text);
    expect(fast).toBeDefined();
    expect(sameValue(fast!.value, reference!.value)).toBe(true);
    expect(checkYamlText(text, file, defaultSpecLimits)).toBeDefined();
  });

  // Scalars and forms where YAML readers commonly part ways. Each reads to the same value both ways.
  const same: Record<string, string> = {
    'core integers': 'a: [0, 7, -0, +5, 017, 0o17, 0x1F, 0xff, 12345678901234567890, 007]',
    'integers only in other schemas stay strings':
      'a: [0b101, 1_000, -0x1F, 0o8, 0x, 1:20, 190:20:30, +0o7, 0O7, 0X1F]',
    floats: 'a: [.5, -.5, 1., 1.0, 1e3, 1E-3, +1.5e+2, .inf, -.Inf, +.INF, .nan, .NaN, .NAN, 6.8523015e+5, 1.5e]',
    'floats only in other schemas stay strings': 'a: [1_000.5, .Nan, -.nan, inf, NaN, 1e, e3, ., +.]',
    'booleans and nulls of YAML 1.2':
      'a: [true, True, TRUE, false, False, FALSE, ~, null, Null, NULL, tRUE, nULL]\nb:\nc: { d }\n',
    'YAML 1.1 booleans stay strings': 'a: [yes, no, on, off, y, n, Yes, NO, On, OFF]',
    'YAML 1.1 booleans stay strings under a %YAML 1.1 directive': '%YAML 1.1\n---\na: [yes, no, on, off]\n',
    'timestamps stay strings': 'a: [2001-12-14t21:59:43.10-05:00, 2002-12-14, 2001-12-14 21:59:43.10 -5]',
    'a merge key is a plain key': 'base: &b { a: 1 }\nderived:\n  <<: *b\n  c: 2\n',
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
    'anchors and aliases': 'a: &x { k: [1, 2] }\nb: *x\nc: &s text\nd: [*s, *s]\n',
    'flow collections': 'a: { b: 1, c: [x, y, ], d: {}, e: [] , }\nf: {"g":h, "i": [1]}\nj: [k: v]\n',
    'document markers, comments and a BOM': '\uFEFF# comment\n%YAML 1.2\n---\na: 1 # trailing\n...\n',
    'CRLF line ends': 'a: |\r\n  x\r\n  y\r\nb: "p\r\n  q"\r\n',
    'an empty document is null': '',
    'a document of comments is null': '# nothing\n# here\n',
    unicode: 'é: "\\u00e9"\nemoji: 😀\n"\\u0041": 1\n',
    'long and odd strings': `a: ${'x'.repeat(5000)}\nb: "#not comment"\nc: a#b\nd: -1-\ne: ?x\nf: :x\n`,
    'tabs in values': 'a:\t1\nb: "\tx"\nc: x\ty\n',
  };
  it.each(Object.entries(same))('%s', (_name, text) => {
    const reference = yamlValue(text);
    expect(reference).toBeDefined();
    const fast = loadYamlValue(text);
    expect(fast).toBeDefined();
    expect(sameValue(fast!.value, reference!.value)).toBe(true);
    expect(checkYamlText(text, 'spec.yaml', defaultSpecLimits)).toBeDefined();
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
    expect(loadYamlValue(text)).toBeUndefined();
  });

  // What js-yaml reads but the `yaml` path refuses or reads otherwise: the deferred check catches each.
  const caughtByTheCheck: Record<string, string> = {
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
  it.each(Object.entries(caughtByTheCheck))('the deferred check catches %s', (_name, text) => {
    expect(loadYamlValue(text)).toBeDefined();
    const reference = yamlValue(text);
    if (reference) expect(sameValue(loadYamlValue(text)!.value, reference.value)).toBe(false);
    expect(checkYamlText(text, 'spec.yaml', defaultSpecLimits)).toBeUndefined();
  });
});

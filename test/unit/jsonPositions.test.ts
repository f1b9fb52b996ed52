import { readFileSync } from 'node:fs';
import { checkJsonText } from '../../generator/load/checkJsonText';
import { defaultSpecLimits } from '../../generator/load/limits';
import { specsFolder } from '../corpus/manifest';
import { corpusFiles, expectSamePositions, yamlReading } from '../support/yamlReference';

describe('the scan of a JSON text places its nodes where the yaml library does', () => {
  const files = corpusFiles(/\.json$/i);

  it('covers the JSON specs of the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files.map((file) => [file.slice(specsFolder.length + 1), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const { diagnostics, positions } = checkJsonText(text, file, defaultSpecLimits);
    expect(diagnostics).toEqual([]);
    expectSamePositions(positions, yamlReading(text)!);
  });

  it.each([
    ['nested', '{\n  "a": [1, { "b": "c" }],\n  "d": {},\n  "e": [[true, null], -1.5e3, "x"]\n}\n'],
    ['a root array', '[ {"a": 1}, [], "s" ]'],
    ['a root scalar', '  "just text"\n'],
    ['escaped keys', '{"a/b": {"~c": 1}, "\\u0041": [2]}'],
  ])('%s', (_name, text) => {
    expectSamePositions(checkJsonText(text, 'x.json', defaultSpecLimits).positions, yamlReading(text)!);
  });

  it('places a key written twice at its first place, and reports the second', () => {
    const { diagnostics, positions } = checkJsonText('{"a": 1, "b": {"c": 2}, "a": 3}', 'x.json', defaultSpecLimits);
    expect(diagnostics.map((d) => [d.code, d.position])).toEqual([['SDK1006', { line: 1, column: 25 }]]);
    expect(positions.locate('/a')).toEqual({ line: 1, column: 2 });
    expect(positions.locate('/b/c')).toEqual({ line: 1, column: 16 });
  });
});

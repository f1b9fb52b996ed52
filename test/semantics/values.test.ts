import { join } from 'node:path';
import { typeText } from '../../generator/emit/typeSyntax';
import type { SdkModel } from '../../generator/model/types';
import { checkFixture } from '../support/fixtureSdk';

function typeOf(model: SdkModel, name: string): string {
  const named = model.models.find((entry) => entry.name === name);
  if (!named) throw new Error(`no model ${name}`);
  return typeText(named.type).replace(/\s*\n\s*/g, ' ');
}

describe('nullable, type arrays, const and enums', () => {
  it('3.0: nullable (or x-nullable) adds null, to $refs (through allOf), arrays, items and enums', async () => {
    const sdk = await checkFixture('nullable');
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const note = sdk.model!.models.find((named) => named.name === 'Note')!.type;
      expect(note.kind === 'object' && note.properties.map((p) => [p.name, typeText(p.type)])).toEqual([
        ['text', 'string'],
        ['parent', 'Ref | null'],
        ['color', 'Color'],
        ['tags', '(string | null)[] | null'],
        ['author', 'string | null'],
        ['reviewer', 'Ref | null'],
        ['editor', 'Ref | null'],
        ['pinned', 'boolean'],
      ]);
      expect(typeOf(sdk.model!, 'Color')).toBe("'red' | 'green' | null");
    } finally {
      sdk.cleanup();
    }
  });

  it('3.1: type arrays, const, enums of every kind, and values that are not identifiers kept exactly', async () => {
    const sdk = await checkFixture('enums');
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const model = sdk.model!;
      expect(typeOf(model, 'MaybeName')).toBe('string | null');
      expect(typeOf(model, 'Count')).toBe('number | string');
      expect(typeOf(model, 'Version')).toBe('2');
      expect(typeOf(model, 'Flag')).toBe('true');
      expect(typeOf(model, 'Nothing')).toBe('null');
      expect(typeOf(model, 'Mixed')).toBe("'a' | 1 | false | null");
      expect(typeOf(model, 'NullableStatus')).toBe("'on' | 'off' | null");
      // Each enum gets a runtime list of its values, with the values as the spec wrote them.
      const enums = model.models.filter((named) => named.enumValuesName).map((named) => named.name);
      expect(enums.sort()).toEqual(['Flag', 'Level', 'Mixed', 'Nothing', 'NullableStatus', 'Operator', 'Status']);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(join(sdk.folder!, 'index.ts')) as Record<string, unknown>;
      expect(loaded['OperatorValues']).toEqual([
        '>=',
        'not-equal',
        '1st',
        'with space',
        "it's",
        'a\\b',
        '',
        'constructor',
        '__proto__',
      ]);
      expect(loaded['MixedValues']).toEqual(['a', 1, false, null]);
      expect(loaded['LevelValues']).toEqual([1, 2, 3]);
    } finally {
      sdk.cleanup();
    }
  });
});

import { typeText } from '../../generator/emit/typeSyntax';
import type { SdkModel } from '../../generator/model/types';
import { checkFixture, type CheckedFixture } from '../support/fixtureSdk';
import { modelDeclaration } from '../support/modelsFile';

function typeOf(model: SdkModel, name: string): string {
  const named = model.models.find((entry) => entry.name === name);
  if (!named) throw new Error(`no model ${name}`);
  return typeText(named.type).replace(/\s*\n\s*/g, ' ');
}

function fileText(sdk: CheckedFixture, path: string): string {
  const file = sdk.files!.find((entry) => entry.path === path);
  if (!file) throw new Error(`no file ${path}`);
  return file.content;
}

describe('arrays, tuples, recursion, formats and docs', () => {
  let sdk: CheckedFixture;
  beforeAll(async () => {
    sdk = await checkFixture('structures');
  });
  afterAll(() => sdk.cleanup());

  it('compiles recursive and mutually recursive models, and every assertion of check.ts holds', () => {
    // `File` would shadow the global the runtime uses for uploads.
    expect(sdk.diagnostics).toEqual([
      expect.objectContaining({ code: 'SDK3001', pointer: '/components/schemas/File' }),
    ]);
    expect(sdk.typeErrors).toEqual([]);
  });

  it('types arrays, tuples and formats', () => {
    const model = sdk.model!;
    expect(typeOf(model, 'Matrix')).toBe('number[][]');
    expect(typeOf(model, 'Point')).toBe('[number, number]');
    expect(typeOf(model, 'Row')).toBe('[string, ...number[]]');
    expect(typeOf(model, 'Json')).toBe('| string | number | boolean | null | Json[] | { [key: string]: Json; }');
    const event = model.models.find((named) => named.name === 'Event')!.type;
    expect(event.kind === 'object' && event.properties.map((p) => [p.name, typeText(p.type)])).toEqual([
      ['at', 'string'],
      ['on', 'string'],
      ['payload', 'Blob'],
      ['id', 'string'],
      ['retries', 'number'],
      ['legacyId', 'string'],
    ]);
  });

  it('carries descriptions, examples, defaults and deprecation into JSDoc', () => {
    const event = modelDeclaration(fileText(sdk, 'models.ts'), 'Event');
    expect(event).toContain('/**\n * An event\n *\n * Something that happened.\n */\nexport interface Event');
    expect(event).toMatch(
      /\* When it happened\.\n\s+\*\n\s+\* @example "2024-01-02T03:04:05Z"\n\s+\*\/\n\s+at: string;/,
    );
    expect(event).toMatch(/\/\*\* @default 3 \*\/\n\s+retries\?: number;/);
    expect(event).toMatch(/\* Use `id`\.\n\s+\*\n\s+\* @deprecated\n\s+\*\/\n\s+legacyId\?: string;/);
    // A title that only repeats the schema's name is left out; a description beside it stays.
    expect(modelDeclaration(fileText(sdk, 'models.ts'), 'Tags')).toMatch(
      /^\/\*\* The schema at `#\/components\/schemas\/Tags` of the spec\. \*\/\nexport type Tags =/,
    );
    expect(modelDeclaration(fileText(sdk, 'models.ts'), 'Row')).toMatch(
      /^\/\*\* A label, then any number of values\. \*\/\nexport type Row =/,
    );
    expect(modelDeclaration(fileText(sdk, 'models.ts'), 'OldEvent')).toMatch(
      /\/\*\* @deprecated \*\/\nexport type OldEvent = Event;/,
    );
  });
});

import { printStructure, StructureKind as MorphKind, VariableDeclarationKind as MorphDeclarationKind } from 'ts-morph';
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { SourcePrinter } from '../../generator/emit/sourceFile';
import { printStatement, StructureKind, VariableDeclarationKind } from '../../generator/emit/structures';
import { FormatterPool } from '../../generator/format/formatterPool';
import { prettierOptions } from '../../generator/format/formatFiles';

// The emitters' structures are printed without ts-morph (it loads the whole compiler); once laid out by prettier,
// the text must be what ts-morph's own printer gives.
describe('source printer', () => {
  it('uses the structure kinds ts-morph uses', () => {
    for (const [name, value] of Object.entries(StructureKind)) {
      expect(value).toBe(MorphKind[name as keyof typeof MorphKind]);
    }
    expect(VariableDeclarationKind.Const).toBe(MorphDeclarationKind.Const);
  });

  const statements: (string | StatementStructures)[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './a.js', namedImports: ['A', 'B'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/index.js', namedImports: ['jsonBody'] },
    `import * as security from '../security.js';`,
    {
      kind: StructureKind.Interface,
      name: 'Pet',
      isExported: true,
      docs: ['A pet.\n\nWith a second paragraph.'],
      extends: ['Base', 'Named'],
      properties: [
        { name: 'id', type: 'string', isReadonly: true, docs: ['The id.'] },
        { name: "'odd-name'", type: '{\n/** Inner. */\nx: number;\n}', hasQuestionToken: true, docs: [] },
        { name: 'tags', type: "('a' | 'b')[] | null", docs: ['\nStarts with a line break.'] },
      ],
      indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: 'unknown' }],
    },
    { kind: StructureKind.Interface, name: 'Empty', isExported: true, docs: [''], properties: [] },
    { kind: StructureKind.TypeAlias, name: 'Kind', isExported: true, docs: ['Kinds.'], type: "'cat' | 'dog'" },
    {
      kind: StructureKind.Function,
      name: 'getPet',
      isExported: true,
      docs: ['Get a pet\n\n`GET /pets/{id}`'],
      parameters: [
        { name: 'client', type: 'BaseClient' },
        { name: 'args', type: 'GetPetArgs', initializer: '{}' },
        { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
      ],
      returnType: 'ApiPromise<Pet>',
      statements: ['return client.request<Pet>({\npath: `/pets/${args.id}`,\n}, options);'],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      docs: ['Every kind.'],
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'kindValues', type: 'readonly Kind[]', initializer: "['cat', 'dog']" }],
    },
    '/** A string statement. */\nexport type Raw = {\na: 1;\n};\n',
  ];

  it('prints what ts-morph prints, once prettier has laid both out', async () => {
    const banner = '// banner';
    const ours = new SourcePrinter().print('a.ts', banner, statements).content;
    const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();
    const spaced = statements.flatMap((statement, index) => {
      const imports = (s: (typeof statements)[number] | undefined) =>
        typeof s === 'string' ? s.startsWith('import ') : s?.kind === StructureKind.ImportDeclaration;
      return index > 0 && !(imports(statement) && imports(statements[index - 1]))
        ? [blankLine, statement]
        : [statement];
    });
    const theirs = printStructure(
      { kind: MorphKind.SourceFile, statements: [banner, blankLine, ...spaced] },
      { indentNumberOfSpaces: 2, useSingleQuote: true },
    );
    const pool = new FormatterPool(1);
    try {
      const [formattedOurs, formattedTheirs] = await pool.formatBatch([ours, theirs], prettierOptions);
      expect(formattedOurs).toBe(formattedTheirs);
      expect(formattedOurs).toContain('[key: string]: unknown;\n  /** The id. */\n  readonly id: string;');
    } finally {
      await pool.close();
    }
  });

  it('refuses a structure property it would leave out', () => {
    const structure = { kind: StructureKind.TypeAlias, name: 'T', type: 'string', typeParameters: ['U'] };
    expect(() => printStatement(structure)).toThrow(/does not print "typeParameters"/);
  });
});

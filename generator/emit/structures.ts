import type {
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  StatementStructures,
  StructureKind as Kind,
  TypeAliasDeclarationStructure,
  VariableDeclarationKind as DeclarationKind,
  VariableStatementStructure,
} from 'ts-morph';

/**
 * The structure kinds the emitters use, with ts-morph's values (a test checks
 * them), so that emitting never loads ts-morph at run time: it loads the whole
 * TypeScript compiler, a large part of a run's start-up, for structures that
 * are plain data.
 */
export const StructureKind = {
  Function: 13 as Kind.Function,
  ImportDeclaration: 16 as Kind.ImportDeclaration,
  Interface: 19 as Kind.Interface,
  TypeAlias: 38 as Kind.TypeAlias,
  VariableStatement: 41 as Kind.VariableStatement,
} as const;

export const VariableDeclarationKind = { Const: 'const' as DeclarationKind.Const } as const;

/**
 * Prints ts-morph statement structures as TypeScript text. Only the layout of
 * tokens, comments and blank lines matters: prettier lays the text out after.
 * A structure or a property this printer does not know is a generator bug,
 * reported rather than left out of the output.
 */
export function printStatement(statement: string | StatementStructures): string {
  if (typeof statement === 'string') return statement;
  switch (statement.kind) {
    case StructureKind.ImportDeclaration:
      return printImport(statement);
    case StructureKind.Interface:
      return printInterface(statement);
    case StructureKind.TypeAlias:
      return printTypeAlias(statement);
    case StructureKind.Function:
      return printFunction(statement);
    case StructureKind.VariableStatement:
      return printVariableStatement(statement);
    default:
      throw new Error(`The source printer cannot print a structure of kind ${statement.kind}.`);
  }
}

function printImport(structure: ImportDeclarationStructure): string {
  known(structure, ['kind', 'isTypeOnly', 'moduleSpecifier', 'namedImports']);
  const names = textsOf(structure.namedImports);
  return `import ${structure.isTypeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${structure.moduleSpecifier}';`;
}

function printInterface(structure: InterfaceDeclarationStructure): string {
  known(structure, ['kind', 'name', 'isExported', 'docs', 'extends', 'properties', 'indexSignatures']);
  const bases = textsOf(structure.extends);
  // Index signatures first, as ts-morph prints them.
  const members = [
    ...(structure.indexSignatures ?? []).map((signature) => {
      known(signature, ['keyName', 'keyType', 'returnType', 'docs']);
      return `${docsText(signature.docs)}[${signature.keyName}: ${signature.keyType}]: ${textOf(signature.returnType)};`;
    }),
    ...(structure.properties ?? []).map((property) => {
      known(property, ['name', 'type', 'hasQuestionToken', 'isReadonly', 'docs']);
      const modifier = property.isReadonly ? 'readonly ' : '';
      const question = property.hasQuestionToken ? '?' : '';
      return `${docsText(property.docs)}${modifier}${property.name}${question}: ${textOf(property.type)};`;
    }),
  ];
  const heritage = bases.length > 0 ? ` extends ${bases.join(', ')}` : '';
  const body = members.length > 0 ? `\n${members.map(indented).join('\n')}\n` : '';
  return `${docsText(structure.docs)}${exported(structure)}interface ${structure.name}${heritage} {${body}}`;
}

function printTypeAlias(structure: TypeAliasDeclarationStructure): string {
  known(structure, ['kind', 'name', 'isExported', 'docs', 'type']);
  return `${docsText(structure.docs)}${exported(structure)}type ${structure.name} = ${textOf(structure.type)};`;
}

function printFunction(structure: FunctionDeclarationStructure): string {
  known(structure, ['kind', 'name', 'isExported', 'docs', 'parameters', 'returnType', 'statements']);
  const parameters = (structure.parameters ?? []).map((parameter) => {
    known(parameter, ['name', 'type', 'hasQuestionToken', 'initializer']);
    const question = parameter.hasQuestionToken ? '?' : '';
    const type = parameter.type === undefined ? '' : `: ${textOf(parameter.type)}`;
    const initializer = parameter.initializer === undefined ? '' : ` = ${textOf(parameter.initializer)}`;
    return `${parameter.name}${question}${type}${initializer}`;
  });
  const returnType = structure.returnType === undefined ? '' : `: ${textOf(structure.returnType)}`;
  const statements = textsOf(structure.statements);
  const body = statements.length > 0 ? `\n${statements.map(indented).join('\n')}\n` : '';
  return `${docsText(structure.docs)}${exported(structure)}function ${structure.name}(${parameters.join(', ')})${returnType} {${body}}`;
}

function printVariableStatement(structure: VariableStatementStructure): string {
  known(structure, ['kind', 'isExported', 'docs', 'declarationKind', 'declarations']);
  const declarations = structure.declarations.map((declaration) => {
    known(declaration, ['name', 'type', 'initializer']);
    const type = declaration.type === undefined ? '' : `: ${textOf(declaration.type)}`;
    const initializer = declaration.initializer === undefined ? '' : ` = ${textOf(declaration.initializer)}`;
    return `${declaration.name}${type}${initializer}`;
  });
  const keyword = structure.declarationKind ?? 'let';
  return `${docsText(structure.docs)}${exported(structure)}${keyword} ${declarations.join(', ')};`;
}

/**
 * Indents a member or statement one level, as ts-morph does, so that the text
 * reads well before prettier too; a line inside a template literal is left as
 * it is, since its spaces are part of the string.
 */
function indented(text: string): string {
  let inTemplate = false;
  return text
    .split('\n')
    .map((line) => {
      const result = inTemplate || line === '' ? line : `  ${line}`;
      for (const match of line.matchAll(/\\.|`/g)) if (match[0] === '`') inTemplate = !inTemplate;
      return result;
    })
    .join('\n');
}

function exported(structure: { isExported?: boolean }): string {
  return structure.isExported ? 'export ' : '';
}

/** JSDoc comments as ts-morph writes them: one line as `/** text *\/`, more as ` * line` each. */
function docsText(docs: readonly unknown[] | undefined): string {
  return (docs ?? [])
    .map((doc) => {
      if (typeof doc !== 'string') throw new Error('The source printer takes JSDoc as strings.');
      const lines = doc.split(/\r?\n/);
      if (lines.length <= 1) return lines[0] ? `/** ${lines[0]} */\n` : '/** */\n';
      const body = lines[0] === '' ? lines.slice(1) : lines;
      return `/**\n${body.map((line) => (line ? ` * ${line}` : ' *')).join('\n')}\n */\n`;
    })
    .join('');
}

function textOf(value: unknown): string {
  if (typeof value !== 'string')
    throw new Error('The source printer takes types, initializers and statements as strings.');
  return value;
}

function textsOf(values: unknown): string[] {
  if (values === undefined) return [];
  return (Array.isArray(values) ? values : [values]).map(textOf);
}

/** Fails on a property this printer would leave out, so that output never silently loses a part. */
function known(structure: object, keys: readonly string[]): void {
  for (const [key, value] of Object.entries(structure)) {
    if (value !== undefined && !keys.includes(key) && !(Array.isArray(value) && value.length === 0)) {
      throw new Error(`The source printer does not print "${key}" yet; add it to generator/emit/structures.ts.`);
    }
  }
}

import type { SdkModel } from '../model/types';
import { interfaceOf } from './declarations';
import type { EmittedFile } from './emittedFile';
import { escapeCommentText } from './jsdoc';
import { stringLiteral } from './literals';
import { namedList, type SourcePrinter } from './sourceFile';
import { propertyDocs } from './typeSyntax';

/** `errors.ts`: `isApiErrorOf`, which narrows a caught error to an operation's documented errors. */
export function emitErrors(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const operations = model.operations;
  const members = propertyDocs(
    operations.map((operation) => ({
      name: operation.operationId,
      type: { kind: 'ref', name: operation.names.error },
      required: true,
      readOnly: false,
      writeOnly: false,
      docs: {},
    })),
    undefined,
  );
  const errorNames = operations.map((operation) => operation.names.error);
  return printer.print('errors.ts', banner, [
    namedList({ keyword: 'import', names: ['ApiError'], moduleSpecifier: './runtime/index.js' }),
    ...(operations.length > 0
      ? [
          namedList({
            keyword: 'import',
            isTypeOnly: true,
            names: errorNames,
            moduleSpecifier: './operations/index.js',
          }),
        ]
      : []),
    interfaceOf({
      name: 'OperationErrors',
      docs: 'The documented errors of each operation, by `operationId`.',
      bases: [],
      members,
    }),
    {
      exact: true,
      laidOut: [
        '/**',
        ' * Whether `error` is an {@link ApiError} thrown by the operation `operationId`;',
        ' * then `error.status` narrows `error.body` to what the spec documents for it.',
        ' *',
        ' * @example',
        // The operationId is spec text inside a comment: escaped so that it cannot close it.
        ` * if (isApiErrorOf(error, ${escapeCommentText(stringLiteral(operations[0]?.operationId ?? 'operationId'))}) && error.status === 404) console.log(error.body);`,
        ' */',
        'export function isApiErrorOf<K extends keyof OperationErrors>(',
        '  error: unknown,',
        '  operationId: K,',
        '): error is OperationErrors[K] {',
        '  return error instanceof ApiError && error.operationId === operationId;',
        '}',
      ].join('\n'),
    },
  ]);
}

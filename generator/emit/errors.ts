import type { SdkModel } from '../model/types';
import type { EmittedFile } from './emittedFile';
import { escapeCommentText } from './jsdoc';
import { propertyKey, stringLiteral } from './literals';
import type { SourcePrinter } from './sourceFile';

/** `errors.ts`: `isApiErrorOf`, which narrows a caught error to an operation's documented errors. */
export function emitErrors(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const operations = model.operations;
  const entries = operations.map((operation) => `${propertyKey(operation.operationId)}: ${operation.names.error};`);
  return printer.print('errors.ts', banner, [
    `import { ApiError } from './runtime/index.js';`,
    ...(operations.length > 0
      ? [
          `import type { ${operations.map((operation) => operation.names.error).join(', ')} } from './operations/index.js';`,
        ]
      : []),
    `/** The documented errors of each operation, by \`operationId\`. */\nexport interface OperationErrors {\n${entries.join('\n')}\n}`,
    [
      '/**',
      ' * Whether `error` is an {@link ApiError} thrown by the operation `operationId`;',
      ' * then `error.status` narrows `error.body` to what the spec documents for it.',
      ' *',
      ' * @example',
      // The operationId is spec text inside a comment: escaped so that it cannot close it.
      ` * if (isApiErrorOf(error, ${escapeCommentText(stringLiteral(operations[0]?.operationId ?? 'operationId'))}) && error.status === 404) console.log(error.body);`,
      ' */',
      'export function isApiErrorOf<K extends keyof OperationErrors>(error: unknown, operationId: K): error is OperationErrors[K] {',
      '  return error instanceof ApiError && error.operationId === operationId;',
      '}',
    ].join('\n'),
  ]);
}

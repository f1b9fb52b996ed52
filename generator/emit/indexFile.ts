import type { EmittedFile } from './emittedFile';
import { exportAll, namedList, type SourcePrinter } from './sourceFile';

/** `index.ts`: the public surface of the SDK. */
export function emitIndex(printer: SourcePrinter, banner: string): EmittedFile {
  return printer.print('index.ts', banner, [
    namedList({
      keyword: 'export',
      names: [
        'createBaseClient',
        'createClient',
        'defaultBaseUrl',
        'type Auth',
        'type Client',
        'type ClientOptions',
        'type ServerVariables',
      ],
      moduleSpecifier: './client.js',
    }),
    namedList({ keyword: 'export', names: ['isApiErrorOf', 'type OperationErrors'], moduleSpecifier: './errors.js' }),
    exportAll('./models.js'),
    exportAll('./operations/index.js'),
    namedList({
      keyword: 'export',
      names: [
        'AbortError',
        'ApiError',
        'NetworkError',
        'SdkError',
        'TimeoutError',
        'type ApiPromise',
        'type BaseClient',
        'type BinaryBody',
        'type Credential',
        'type RequestContext',
        'type RequestOptions',
        'type Retry',
        'type RetryOptions',
      ],
      moduleSpecifier: './runtime/index.js',
    }),
  ]);
}

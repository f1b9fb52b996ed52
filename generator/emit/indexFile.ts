import type { SdkModel } from '../model/types';
import type { EmittedFile } from './emittedFile';
import { exportAll, namedList, type SourcePrinter } from './sourceFile';

/**
 * `index.ts`: the public surface of the SDK. With `dates: 'Date'`, also `reviveDates`, which revives data the SDK
 * does not receive itself (a webhook's body) by a model's plan; with list operations, `PagePromise`, what they return.
 */
export function emitIndex(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const dated = model.models.some((named) => named.dates);
  const paged = model.operations.some((operation) => operation.pagination);
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
        ...(dated ? ['reviveDates'] : []),
        'type ApiPromise',
        'type BaseClient',
        'type BinaryBody',
        'type Credential',
        ...(dated ? ['type DatePlan'] : []),
        'type FetchOptions',
        ...(paged ? ['type PagePromise'] : []),
        'type RequestContext',
        'type RequestOptions',
        'type Retry',
        'type RetryOptions',
      ],
      moduleSpecifier: './runtime/index.js',
    }),
  ]);
}

import type { EmittedFile } from './emittedFile';
import type { SourcePrinter } from './sourceFile';

/** `index.ts`: the public surface of the SDK. */
export function emitIndex(printer: SourcePrinter, banner: string): EmittedFile {
  return printer.print('index.ts', banner, [
    `export { createBaseClient, createClient, defaultBaseUrl, type Auth, type Client, type ClientOptions, type ServerVariables } from './client.js';`,
    `export { isApiErrorOf, type OperationErrors } from './errors.js';`,
    `export * from './models.js';`,
    `export * from './operations/index.js';`,
    `export { AbortError, ApiError, NetworkError, SdkError, TimeoutError, type ApiPromise, type BaseClient, type BinaryBody, type Credential, type RequestContext, type RequestOptions, type Retry, type RetryOptions } from './runtime/index.js';`,
  ]);
}

/**
 * Type tests of the runtime's errors, checked by `npm run typecheck`: an
 * operation's error union narrows on `status` to the body that status
 * documents. Each `@ts-expect-error` fails the build if the line below compiles.
 */
import { ApiError, SdkError, type ApiPromise, type RequestOptions } from '../../templates/index.js';

interface NotFound {
  readonly message: string;
}
interface Invalid {
  readonly fields: readonly string[];
}
/** What sdkgen emits for an operation documenting a 404 and a 422 (see test/fixtures/runtime/resilience.yaml). */
type GetItemError = ApiError<404, NotFound> | ApiError<422, Invalid>;

export function narrowing(error: GetItemError): string {
  if (error.status === 404) {
    const message: string = error.body.message;
    // @ts-expect-error a 404 body has no fields
    void error.body.fields;
    return message;
  }
  const status: 422 = error.status;
  const fields: readonly string[] = error.body.fields;
  // @ts-expect-error a 422 body has no message
  void error.body.message;
  void status;
  return fields.join();
}

export function statuses(error: GetItemError): void {
  // @ts-expect-error 500 is not a documented status
  if (error.status === 500) return;
  const requestId: string | undefined = error.requestId;
  const headers: Headers = error.headers;
  const response: Response = error.response;
  const base: SdkError = error;
  void [requestId, headers, response, base];
  // @ts-expect-error the errors are read-only
  error.status = 404;
}

/** An undocumented error is an `ApiError` of any status and an unknown body. */
export function undocumented(error: ApiError): void {
  const status: number = error.status;
  // @ts-expect-error the body is unknown until narrowed
  void error.body.message;
  void status;
}

export async function callOptions(call: (options?: RequestOptions) => ApiPromise<{ id: string }>): Promise<void> {
  const id: string = (await call({ signal: AbortSignal.timeout(1000), timeout: 500, retry: 2 })).id;
  await call({ retry: { retries: 3, delay: 100, maxDelay: 1000 }, headers: { 'x-trace': id } });
  await call({ retry: false });
  const { data, response } = await call().withResponse();
  void [data.id, response.status];
  // @ts-expect-error retry takes a number, false or RetryOptions
  await call({ retry: 'twice' });
  // @ts-expect-error timeout is in milliseconds
  await call({ timeout: '5s' });
}

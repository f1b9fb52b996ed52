import type { Operation } from '../../model/types';
import { stringLiteral } from '../literals';
import { errorResponses } from '../operationTypes';
import { callArguments, clientCall, schemesOf, type ExampleContext } from './examples';
import { mdCode, mdCodeBlock } from './markdown';

/**
 * How calls fail, retry and time out: the behaviour of the runtime in
 * `templates/`, the same for every SDK. The example calls the first operation
 * whose arguments can be written down.
 */
export function runtimeSection(context: ExampleContext, operation: Operation | undefined): string[] {
  const errorStatus = operation && errorResponses(operation).find((entry) => entry.status !== undefined)?.status;
  const example = operation && errorsExample(context, operation, errorStatus);
  return [
    '## Errors',
    'Every error the SDK throws is an `SdkError`, so one `instanceof` check catches them all:',
    [
      '- `ApiError`: the server answered with a status that is not a success. It carries `status`, `headers`, the parsed',
      '  `body`, `operationId`, `requestId` (from `x-request-id` and similar headers, for support tickets) and',
      '  `response` (its status and headers, not its URL, which may hold an API key). `isApiErrorOf(error, operationId)`',
      '  narrows it to the errors the spec documents for that operation, and then `error.status` narrows `error.body`.',
      '- `NetworkError`: the request got no response (DNS failure, connection refused or reset, a CORS refusal in a',
      '  browser); `cause` has the reason.',
      '- `TimeoutError`: the call took longer than its `timeout`.',
      '- `AbortError`: the caller aborted the call through its `signal`; `cause` is the signal’s reason.',
    ].join('\n'),
    'Error messages name the operation, method, path and status; they never contain credentials, and neither does `JSON.stringify(error)`.',
    ...(example ? [mdCodeBlock('ts', example)] : []),
    '## Retries and timeouts',
    [
      '- Calls with an idempotent method (`GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`, `TRACE`, `QUERY`) are retried twice by',
      '  default after a network error or a `408`, `409`, `429` or `5xx` answer. The wait honours `Retry-After` (up to',
      '  60 s); otherwise it starts at 500 ms and doubles up to 8 s, with jitter. Other methods (`POST`, `PATCH`, one of',
      '  the API’s own) are only retried when the call asks for it (its own `retry`) or the client lists them in',
      '  `retry.methods`, since repeating them may repeat their effect.',
      ...idempotencyKeyLines(context),
      '- `retry` (client or call option): a number of retries, `false`, or `{ retries, delay, maxDelay, methods }`',
      '  (milliseconds; `methods` on the client: the methods retried). A call’s `retry` overrides the client’s.',
      '- `timeout` (client or call option): milliseconds the whole call may take, retries and their waits included;',
      '  then it rejects with a `TimeoutError`. There is no timeout by default.',
      '- `signal` (call option): an `AbortSignal`; aborting it rejects the call with an `AbortError`.',
    ].join('\n'),
    ...(operation && callArguments(context, operation) !== undefined
      ? [mdCodeBlock('ts', timeoutExample(context, operation))]
      : []),
  ];
}

/**
 * For an SDK with operations that send an idempotency key: how the SDK fills it in and retries them. A `409` is
 * retried as for any idempotent call: with a key, it is what a server answers while the first request is still in
 * progress (Stripe; the IETF draft "The Idempotency-Key HTTP Header Field").
 */
function idempotencyKeyLines(context: ExampleContext): string[] {
  const keyed = context.model.operations.find((operation) =>
    operation.parameters.some((parameter) => parameter.idempotencyKey),
  );
  if (!keyed) return [];
  return [
    `- Calls that send an idempotency key (${mdCode(keyed.names.function)}, and each operation whose reference says so)`,
    '  are retried the same way, whatever their method: the key makes the server carry out a repeated request once.',
    '  Left out, the key is a random UUID, made once per call and sent on every retry; a `409` (a request with the',
    '  same key still in progress) is retried too. A client’s `retry.methods` retries only the methods it lists.',
  ];
}

function errorsExample(context: ExampleContext, operation: Operation, status: number | undefined): string | undefined {
  const args = callArguments(context, operation);
  if (args === undefined) return undefined;
  const id = stringLiteral(operation.operationId);
  const narrowed =
    status === undefined
      ? `  if (isApiErrorOf(error, ${id})) {\n    console.error(error.status, error.requestId, error.body);\n  }`
      : `  if (isApiErrorOf(error, ${id}) && error.status === ${status}) {\n    console.error('documented ${status}', error.requestId, error.body);\n  } else if (error instanceof ApiError) {\n    console.error(error.status, error.message);\n  }`;
  return [
    `import { ApiError, NetworkError, createClient, isApiErrorOf } from ${stringLiteral(context.packageName)};`,
    '',
    `const client = ${clientCall(context, schemesOf(context, operation))};`,
    'try {',
    `  await client.${operation.names.function}(${indent(args)});`,
    '} catch (error) {',
    `${narrowed} else if (error instanceof NetworkError) {`,
    `    console.error('no response', error.cause);`,
    '  } else {',
    '    throw error;',
    '  }',
    '}',
  ].join('\n');
}

function timeoutExample(context: ExampleContext, operation: Operation): string {
  const args = callArguments(context, operation) || '{}';
  const client = clientCall(context, schemesOf(context, operation), {
    extra: ['timeout: 30_000', 'retry: { retries: 3, delay: 250 }'],
  });
  return [
    `import { createClient } from ${stringLiteral(context.packageName)};`,
    '',
    '// Every call: at most 30 s, retries included; idempotent calls retried up to 3 times.',
    `const client = ${client};`,
    '',
    '// This call: at most 5 s, retried twice whatever its method, and cancelled when the user leaves.',
    'const controller = new AbortController();',
    `await client.${operation.names.function}(${args}, { timeout: 5000, retry: 2, signal: controller.signal });`,
  ].join('\n');
}

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}

import type { Operation } from '../../model/types';
import { stringLiteral } from '../literals';
import { errorResponses } from '../operationTypes';
import { callArguments, clientCall, schemesOf, type ExampleContext } from './examples';
import { mdCodeBlock } from './markdown';

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
      '  `body`, `operationId` and `requestId` (from `x-request-id` and similar headers, for support tickets).',
      '  `isApiErrorOf(error, operationId)` narrows it to the errors the spec documents for that operation, and then',
      '  `error.status` narrows `error.body`.',
      '- `NetworkError`: the request got no response (DNS failure, connection refused or reset); `cause` has the reason.',
      '- An aborted call rejects with the `AbortError` of the platform.',
    ].join('\n'),
    'Error messages name the operation, method, path and status; they never contain credentials.',
    ...(example ? [mdCodeBlock('ts', example)] : []),
    '## Retries and timeouts',
    [
      'Calls are not retried: a failed call rejects at once, so the caller decides whether repeating it is safe.',
      'To bound how long a call may take, or to cancel it, pass a `signal` in the call options (the last argument of',
      'every method): `AbortSignal.timeout(ms)` for a deadline, an `AbortController` to cancel from elsewhere.',
    ].join('\n'),
    ...(operation && callArguments(context, operation) !== undefined
      ? [mdCodeBlock('ts', timeoutExample(context, operation))]
      : []),
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
  const args = callArguments(context, operation) ?? '';
  return [
    `import { createClient } from ${stringLiteral(context.packageName)};`,
    '',
    `const client = ${clientCall(context, schemesOf(context, operation))};`,
    '// Rejects with a TimeoutError DOMException when the answer takes longer than 5 seconds.',
    `await client.${operation.names.function}(${args || '{}'}, { signal: AbortSignal.timeout(5000) });`,
  ].join('\n');
}

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}

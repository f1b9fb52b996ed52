import type { Operation, SdkModel, SecurityScheme } from '../../model/types';
import { propertyKey, stringLiteral } from '../literals';
import { requestContent } from '../../model/mediaTypes';
import { successType } from '../../model/successes';
import { sentBodyType } from '../operationTypes';
import { exampleValue, type ModelIndex } from './exampleValue';

/** What every example needs to know: the package to import and the spec's models. */
export interface ExampleContext {
  readonly packageName: string;
  readonly model: SdkModel;
  readonly models: ModelIndex;
}

/** A placeholder credential of the right shape for a scheme. */
export function credentialExample(scheme: SecurityScheme): string {
  if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic') return `btoa('user:password')`;
  if (scheme.type === 'apiKey') return `'YOUR_API_KEY'`;
  return `'YOUR_TOKEN'`;
}

/** `createClient(...)` (or `createBaseClient`) with a credential for each scheme of `schemeNames`, then `extra` options. */
export function clientCall(
  context: ExampleContext,
  schemeNames: readonly string[],
  { factory = 'createClient', extra = [] }: { factory?: string; extra?: readonly string[] } = {},
): string {
  const options: string[] = [];
  if (context.model.servers.length === 0) options.push(`baseUrl: 'https://api.example.com'`);
  const schemes = schemeNames.flatMap((name) => context.model.securitySchemes.filter((scheme) => scheme.name === name));
  if (schemes.length > 0) {
    const credentials = schemes.map((scheme) => `${propertyKey(scheme.name)}: ${credentialExample(scheme)}`);
    options.push(`auth: { ${credentials.join(', ')} }`);
  }
  options.push(...extra);
  return options.length === 0 ? `${factory}()` : `${factory}({ ${options.join(', ')} })`;
}

/** The start of an example: the import of `createClient`, and a client with a credential for each of `schemes`. */
export function clientSetup(context: ExampleContext, schemes: readonly string[]): string {
  return [
    `import { createClient } from ${stringLiteral(context.packageName)};`,
    '',
    `const client = ${clientCall(context, schemes)};`,
  ].join('\n');
}

/** The schemes of the first security alternative of an operation (none for `security: []`). */
export function schemesOf(context: ExampleContext, operation: Operation): readonly string[] {
  return (operation.security ?? context.model.defaultSecurity)[0] ?? [];
}

/**
 * The argument object of a call, one property per line: the required
 * parameters and the body. `undefined` when a required value cannot be
 * written down; `''` when the operation needs no argument.
 */
export function callArguments(context: ExampleContext, operation: Operation): string | undefined {
  const entries: string[] = [];
  for (const parameter of operation.parameters) {
    if (!parameter.required) continue;
    const value = exampleValue(parameter.type, context.models, parameter.docs, parameter.name);
    if (value === undefined) return undefined;
    entries.push(`${propertyKey(parameter.argName)}: ${value}`);
  }
  const body = operation.requestBody && requestContent(operation.requestBody.contents);
  if (operation.requestBody && body) {
    // The type the argument takes: bytes for a body sent as is, whatever its schema describes.
    const value = exampleValue(sentBodyType(body), context.models);
    if (value === undefined && operation.requestBody.required) return undefined;
    if (value !== undefined) entries.push(`body: ${value}`);
  }
  if (entries.length === 0) return '';
  return `{\n${entries.map((entry) => `  ${entry},`).join('\n')}\n}`;
}

/** A whole program calling one operation through `createClient`, or `undefined` when its arguments cannot be written. */
export function operationExample(context: ExampleContext, operation: Operation): string | undefined {
  const args = callArguments(context, operation);
  if (args === undefined) return undefined;
  const call = `client.${operation.names.function}(${args})`;
  const result = successType(operation);
  return [
    clientSetup(context, schemesOf(context, operation)),
    result === 'void'
      ? `await ${call};`
      : operation.pagination
        ? `for await (const item of ${call}) {\n  console.log(item);\n}`
        : result.kind === 'eventStream'
          ? `for await (const event of await ${call}) {\n  console.log(event);\n}`
          : `const result = await ${call};\nconsole.log(result);`,
  ].join('\n');
}

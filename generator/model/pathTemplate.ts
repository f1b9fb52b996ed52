import type { Location } from '../resolve/location';
import { warnOnceAt, type ModelContext } from './context';
import type { RawParameter } from './parameters';

/** The names a path's template expressions give (`/users/{id}/posts` -> `id`), in order, each once. */
export function templateNames(path: string): string[] {
  return [...new Set([...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!))];
}

/**
 * Each `{name}` of the path must be a path parameter, and each path parameter
 * one of the path's `{name}`s (OpenAPI 3.1 §4.8.2, §4.8.12.1). A path
 * parameter the path does not name could not be sent: it is left out. A
 * `{name}` no parameter declares would be sent as written (`/v{version}/`)
 * and miss every route: the SDK takes it as a required string.
 */
export function matchPathTemplate(
  context: ModelContext,
  path: string,
  pathItem: Location,
  parameters: readonly RawParameter[],
): RawParameter[] {
  const names = templateNames(path);
  const kept = parameters.filter((parameter) => {
    const { name, in: where } = parameter.value;
    if (where !== 'path' || names.includes(name as string)) return true;
    warnOnceAt(context, parameter.location, {
      code: 'SDK3230',
      message: `The path parameter "${name as string}" is not named by the path ${path}; the SDK cannot send it and leaves it out.`,
      hint: `Name it in the path as {${name as string}}, or fix the spelling of one of the two.`,
    });
    return false;
  });
  const declared = new Set(kept.filter((parameter) => parameter.value['in'] === 'path').map(nameOf));
  const implied = names
    .filter((name) => !declared.has(name))
    .map((name): RawParameter => {
      warnOnceAt(context, pathItem, {
        code: 'SDK3231',
        message: `The path ${path} names {${name}}, but no path parameter "${name}" is declared; the SDK takes it as a required string argument.`,
        hint: `Declare it under \`parameters\`, with \`in: path\`, \`required: true\` and its schema.`,
      });
      const description = `The \`{${name}}\` of the path, which the spec does not declare.`;
      return { location: pathItem, value: { name, in: 'path', required: true, description }, implied: true };
    });
  return [...implied, ...kept];
}

function nameOf(parameter: RawParameter): string {
  return parameter.value['name'] as string;
}

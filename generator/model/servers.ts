import { isRecord } from '../util/guards';
import type { Server, ServerVariable } from './types';

/**
 * A `servers` list (OpenAPI 3.1 §4.8.5): each URL as written, with its
 * variables and their defaults. `undefined` when the value is not a list, so
 * an operation without `servers` falls back to its path item's or the document's.
 */
export function serversOf(value: unknown): Server[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).flatMap((server): Server[] => {
    if (typeof server['url'] !== 'string') return [];
    const declared = isRecord(server['variables']) ? server['variables'] : {};
    const variables = Object.keys(declared).flatMap((name): ServerVariable[] => {
      const variable = declared[name];
      if (!isRecord(variable) || variable['default'] === undefined) return [];
      const values = Array.isArray(variable['enum']) ? variable['enum'].map(String) : undefined;
      return [
        {
          name,
          default: String(variable['default']),
          ...(values ? { enum: values } : {}),
          ...(typeof variable['description'] === 'string' ? { description: variable['description'] } : {}),
        },
      ];
    });
    return [
      {
        url: server['url'],
        ...(typeof server['description'] === 'string' ? { description: server['description'] } : {}),
        variables,
      },
    ];
  });
}

/** A server's URL with every variable at its default; a placeholder without a variable stays as written. */
export function defaultServerUrl(server: Server): string {
  const defaults = new Map(server.variables.map((variable) => [variable.name, variable.default]));
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => defaults.get(name) ?? whole);
}

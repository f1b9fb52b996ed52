import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { toPointer } from '../util/jsonPointer';

/** Where a config key is, for messages: `sdks[0].include.tags`. */
export function keyPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/**
 * Turns zod's issues into diagnostics that name the key: one per unknown key
 * (SDK5003), one per wrong type or value (SDK5004).
 */
export function configIssueDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: (pointer: string) => Diagnostic['position'],
): Diagnostic[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return at(path, file, locate, {
          code: 'SDK5003',
          message: `Unknown key "${keyPath(path)}" in the config.`,
          hint: 'Remove it or fix its spelling; README.md lists every config key.',
        });
      });
    }
    const path = issue.path;
    return [
      at(path, file, locate, {
        code: 'SDK5004',
        message: `The config key "${keyPath(path) || '(root)'}" is wrong: ${issue.message}.`,
        hint: 'README.md lists every config key with its type.',
      }),
    ];
  });
}

function at(
  path: readonly PropertyKey[],
  file: string,
  locate: (pointer: string) => Diagnostic['position'],
  fields: { code: string; message: string; hint: string },
): Diagnostic {
  const pointer = toPointer(path.map((segment) => (typeof segment === 'number' ? segment : String(segment))));
  const position = locate(pointer);
  return { ...fields, severity: 'error', file, pointer, ...(position ? { position } : {}) };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmittedFile } from './emittedFile';

/** The folder of hand-written runtime files, copied byte for byte into every SDK. */
export const templatesFolder = join(__dirname, '..', '..', 'templates');

export function emitRuntime(folder = templatesFolder): EmittedFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => ({
      path: `runtime/${name}`,
      content: readFileSync(join(folder, name), 'utf8'),
      origin: 'runtime' as const,
    }));
}

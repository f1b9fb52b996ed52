import type { Diagnostic } from '../diagnostics/diagnostic';
import { isSafeDeclarationName, isSafeFileName } from './identifiers';

/**
 * Hands out the names the SDK exports. Every exported name is unique; names
 * that also name files are unique ignoring case, for case-insensitive disks.
 * Models share one file today, but keep the names they got when each had a
 * file of its own: a rename would break users' imports.
 * A name that is taken or unsafe gets a numeric suffix, deterministically
 * (first come, first served, in spec order), and the rename is reported.
 */
export class NameRegistry {
  private readonly exported = new Set<string>();
  private readonly fileNames = new Map<string, Set<string>>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.exported.add(name);
  }

  claim(wanted: string, options: { folder?: string; report?: (d: Omit<Diagnostic, 'severity'>) => void } = {}): string {
    const files = options.folder === undefined ? undefined : this.filesOf(options.folder);
    const isFree = (name: string): boolean =>
      isSafeDeclarationName(name) &&
      !this.exported.has(name) &&
      (files === undefined || (!files.has(name.toLowerCase()) && isSafeFileName(name)));
    let name = wanted;
    for (let suffix = 2; !isFree(name); suffix++) name = `${wanted}${suffix}`;
    if (name !== wanted && options.report) {
      options.report({
        code: 'SDK3001',
        message: `The name "${wanted}" is taken or reserved in the SDK; it is emitted as "${name}".`,
        hint: 'Rename the schema or operation in the spec to choose the name yourself.',
      });
    }
    this.exported.add(name);
    files?.add(name.toLowerCase());
    return name;
  }

  private filesOf(folder: string): Set<string> {
    let files = this.fileNames.get(folder);
    if (!files) {
      // Each folder has an `index.ts` of its own.
      files = new Set(['index']);
      this.fileNames.set(folder, files);
    }
    return files;
  }
}

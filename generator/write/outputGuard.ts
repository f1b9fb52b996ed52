import { homedir } from 'node:os';
import { parse, relative, resolve, sep } from 'node:path';
import { OutputError } from './outputError';

/**
 * Folders an SDK may never be written to without `--force`: a slip of `-o`
 * there would mix generated files with a user's own (and their deletion later
 * with the user's work): the filesystem root, the home folder, the working
 * folder, and any folder that holds the spec.
 */
export function refuseDangerousFolder(options: {
  readonly folder: string;
  readonly cwd: string;
  readonly specPath: string;
}): void {
  const folder = resolve(options.folder);
  const spec = resolve(options.cwd, options.specPath);
  const reasons: [boolean, string][] = [
    [parse(folder).root === folder, 'the root of the filesystem'],
    [folder === resolve(homedir()), 'your home folder'],
    [folder === resolve(options.cwd), 'the working folder'],
    [isInside(spec, folder), `a folder that holds the spec (${relative(options.cwd, spec) || spec})`],
  ];
  const reason = reasons.find(([applies]) => applies)?.[1];
  if (reason === undefined) return;
  throw new OutputError({
    code: 'SDK4004',
    message: `The output folder ${options.folder} is ${reason}; sdkgen will not generate into it.`,
    hint: 'Choose a folder of its own for the SDK (for example generated/<name>), or pass --force if you really mean it.',
  });
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

import type { SdkModel } from '../../model/types';
import type { EmittedFile } from '../emittedFile';
import type { ImportExtension } from '../importExtension';
import { emitPackageJson } from './packageJson';
import { emitTsconfigs } from './tsconfigs';

export interface PackageIdentity {
  /** The npm package name, already validated. */
  readonly name: string;
  /** A semantic version. */
  readonly version: string;
}

/** The files that make the SDK folder an npm package: `package.json` and the build configs. */
export function emitPackage(
  model: SdkModel,
  identity: PackageIdentity,
  sources: readonly EmittedFile[],
  importExtension: ImportExtension,
): EmittedFile[] {
  const sourcePaths = sources.filter((file) => file.path.endsWith('.ts')).map((file) => file.path);
  return [
    emitPackageJson({ name: identity.name, version: identity.version, title: model.info.title, sourcePaths }),
    ...emitTsconfigs(importExtension),
  ];
}

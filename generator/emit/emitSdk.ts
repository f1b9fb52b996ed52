import type { SdkModel } from '../model/types';
import { bannerFor } from './banner';
import { emitClient } from './client';
import type { EmittedFile } from './emittedFile';
import { emitErrors } from './errors';
import { emitIndex } from './indexFile';
import { emitModels } from './models';
import { emitOperations } from './operations';
import { withImportExtension, type ImportExtension } from './importExtension';
import { emitPackage, type PackageIdentity } from './package/emitPackage';
import { emitReadme } from './readme/emitReadme';
import { emitRuntime } from './runtime';
import { emitSecurity } from './security';
import { SourcePrinter } from './sourceFile';

export interface EmitOptions {
  /** The spec as the user named it, for the banner. */
  readonly specPath: string;
  readonly specHash: string;
  /** The overlays applied to the spec, as the user named them, for the banner. */
  readonly overlays?: readonly string[];
  /** The npm package the SDK folder is. */
  readonly package: PackageIdentity;
  /** How the SDK's files name each other (default `.js`). */
  readonly importExtension?: ImportExtension;
}

/** Every file of the SDK, unformatted, sorted by path. */
export function emitSdk(model: SdkModel, options: EmitOptions): EmittedFile[] {
  const printer = new SourcePrinter();
  const banner = bannerFor(options.specPath, options.specHash, options.overlays);
  const importExtension = options.importExtension ?? '.js';
  const emitted = [
    emitModels(model, printer, banner),
    ...emitOperations(model, printer, banner),
    emitSecurity(model, printer, banner),
    emitClient(model, printer, banner),
    emitErrors(model, printer, banner),
    emitIndex(model, printer, banner),
    ...emitRuntime(),
  ];
  const sources = withImportExtension(emitted, importExtension);
  const files = [
    ...sources,
    ...emitPackage(model, options.package, sources, importExtension),
    emitReadme({
      model,
      packageName: options.package.name,
      version: options.package.version,
      banner,
      importExtension,
    }),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

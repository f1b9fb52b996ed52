import { createHash } from 'node:crypto';
import { dirname, relative, resolve as resolvePath } from 'node:path';
import type { GenerateOptions } from './config/schema';
import type { Diagnostic } from './diagnostics/diagnostic';
import type { EmittedFile } from './emit/emittedFile';
import { convertSwagger2, isSwagger2 } from './convert/swagger2';
import type { PackageIdentity } from './emit/package/emitPackage';
import { defaultPackageName } from './emit/package/packageName';
import { packageVersion } from './emit/package/packageVersion';
import { formatFiles } from './format/formatFiles';
import { specLimits, type SpecLimits } from './load/limits';
import { prettierOptionsFor } from './format/prettierSetting';
import { checkRootDocument, loadSpecFile } from './load/loadSpec';
import { buildModel } from './model/buildModel';
import { checkNaming } from './model/checkNaming';
import { selectOperations } from './model/selectOperations';
import type { SdkModel } from './model/types';
import type { OverlaidSpec } from './overlay/applyOverlays';
import { startPipelineWorker, type PipelineWorker } from './pipelineWorker';
import { diagnosticAt } from './resolve/location';
import { defaultRemoteOptions, type RemoteOptions } from './resolve/fetchRemote';
import { isRemotePath } from './resolve/parseRef';
import { resolveDocument } from './resolve/resolveDocument';
import type { ResolvedSpec } from './resolve/resolvedSpec';

export interface GenerateInput {
  /** The spec as the user named it (relative to `cwd`, or absolute). */
  readonly specPath: string;
  readonly cwd: string;
  /** Bounds on what the spec may make the generator read; each defaults to `defaultSpecLimits`. */
  readonly limits?: Partial<SpecLimits>;
  /** Remote `$ref`s: the hosts they may be fetched from (none by default). */
  readonly remote?: Partial<RemoteOptions>;
  /**
   * The folder `$ref`s may read files from (relative to `cwd`, or absolute);
   * by default the folder of the root document.
   */
  readonly refFolder?: string;
  /** Format the files with prettier (the default); tests that only type-check skip it. */
  readonly format?: boolean;
  /** The SDK's settings from the config file (all optional); paths in them are relative to `cwd`. */
  readonly options?: GenerateOptions;
  /** Told when each stage starts, for progress reports. */
  readonly onStage?: (stage: PipelineStage) => void;
}

/** The stages as a progress report names them. */
export type PipelineStage = 'loading' | 'resolving references' | 'modelling' | 'emitting' | 'formatting';

export interface GenerateResult {
  /** The SDK's files, formatted; absent when the spec has errors (and from `validateSdk`). */
  readonly files?: readonly EmittedFile[];
  readonly model?: SdkModel;
  /** The local files the spec is made of (the root and every file it `$ref`s), once they were read. */
  readonly specFiles?: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The whole generator: load -> resolve (-> convert Swagger 2.0 to OpenAPI 3.0) -> model -> emit -> format. Nothing is
 * written here; `writeOutput` does that once the result is known to be good.
 *
 * Emitting and formatting happen in a second thread, which loads ts-morph while this one reads the spec. Without a
 * `worker`, the run starts one and closes it. A caller that passes its own (started ahead, as the CLI does before it
 * loads this module, or kept from an earlier run: the next run skips loading ts-morph) closes it when done.
 */
export async function generateSdk(input: GenerateInput, worker?: PipelineWorker): Promise<GenerateResult> {
  const thread = worker ?? startPipelineWorker();
  try {
    return await generateWith(input, thread);
  } finally {
    if (!worker) await thread.close();
  }
}

/** Every diagnostic `generateSdk` reports for a spec, and its model, without emitting anything: `sdkgen validate`. */
export async function validateSdk(input: GenerateInput): Promise<GenerateResult> {
  return generateWith(input, undefined);
}

/** The pipeline; without a `worker`, it stops before emitting. */
async function generateWith(input: GenerateInput, worker: PipelineWorker | undefined): Promise<GenerateResult> {
  const onStage = input.onStage ?? (() => undefined);
  const modelled = await buildSdkModel(input);
  const diagnostics = [...modelled.diagnostics];
  const specFiles = modelled.specFiles ?? [];
  if (!modelled.spec) return { specFiles, diagnostics };
  const options = input.options ?? {};
  const prettier = await prettierOptionsFor(options.prettier, input.cwd);
  diagnostics.push(...prettier.diagnostics);
  if (hasErrors(diagnostics) || !prettier.options || !modelled.model || !modelled.specHash) {
    return { specFiles, diagnostics };
  }

  const identity = packageIdentity(modelled.model, modelled.spec, options.packageName, diagnostics);
  if (!worker) return { model: modelled.model, specFiles, diagnostics };
  onStage('emitting');
  const emitting = worker.emit(modelled.model, {
    specPath: input.specPath.replace(/\\/g, '/'),
    specHash: modelled.specHash,
    ...(options.overlays && options.overlays.length > 0 ? { overlays: options.overlays } : {}),
    package: identity,
    ...(options.importExtension ? { importExtension: options.importExtension } : {}),
  });
  const emitted = await emitting;
  if (input.format === false) return { files: emitted, model: modelled.model, specFiles, diagnostics };
  onStage('formatting');
  const files = await formatFiles(emitted, { prettier: prettier.options, cwd: input.cwd, pool: worker.formatter() });
  return { files, model: modelled.model, specFiles, diagnostics };
}

export interface ModelResult {
  /** The SDK's model; absent when the spec has errors. */
  readonly model?: SdkModel;
  /** The resolved spec, once it got as far as modelling (even with errors). */
  readonly spec?: ResolvedSpec;
  readonly specHash?: string;
  /** The local files the spec is made of, once its references were followed. */
  readonly specFiles?: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The first half of the pipeline: load -> resolve (-> convert Swagger 2.0) -> model, with the
 * config's selection and naming applied. What `sdkgen diff` compares.
 */
export async function buildSdkModel(input: GenerateInput): Promise<ModelResult> {
  // The config's settings, then the caller's (tests, tools) over them.
  const limits = specLimits({ ...definedOnly(input.options?.limits), ...input.limits });
  const remote = { ...defaultRemoteOptions, ...definedOnly(input.options?.remote), ...input.remote };
  const onStage = input.onStage ?? (() => undefined);
  onStage('loading');
  const specPath = resolvePath(input.cwd, input.specPath);
  const loaded = await loadSpecFile(specPath, { cwd: input.cwd, limits });
  if (!loaded.source) return { diagnostics: loaded.diagnostics };
  const rootProblems = checkRootDocument(loaded.source);
  if (rootProblems.length > 0) return { diagnostics: [...loaded.diagnostics, ...rootProblems] };
  const overlays = input.options?.overlays ?? [];
  const overlaid: OverlaidSpec =
    overlays.length === 0
      ? { source: loaded.source, files: [], texts: [], diagnostics: [] }
      : await overlayStage().applyOverlays(loaded.source, overlays, { cwd: input.cwd, limits });
  if (!overlaid.source) {
    return { specFiles: [specPath, ...overlaid.files], diagnostics: [...loaded.diagnostics, ...overlaid.diagnostics] };
  }
  const root = overlaid.source;
  // An overlay may have removed or changed what makes the document OpenAPI.
  const overlaidProblems = overlays.length > 0 ? checkRootDocument(root) : [];
  if (overlaidProblems.length > 0) {
    return {
      specFiles: [specPath, ...overlaid.files],
      diagnostics: [...loaded.diagnostics, ...overlaid.diagnostics, ...overlaidProblems],
    };
  }

  const resolveOptions = {
    cwd: input.cwd,
    limits,
    remote,
    ...(input.refFolder !== undefined ? { folder: resolvePath(input.cwd, input.refFolder) } : {}),
  };
  onStage('resolving references');
  let resolved = await resolveDocument(root, resolveOptions);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...overlaid.diagnostics, ...resolved.diagnostics];
  const specFiles = [...localFiles(resolved.spec), ...overlaid.files];
  if (hasErrors(diagnostics)) return { specFiles, diagnostics };
  const hash = specHash(resolved.spec, overlaid.texts);

  if (isSwagger2(root.value)) {
    const converted = await convertSwagger2(resolved.spec);
    diagnostics.push(...converted.diagnostics);
    if (!converted.source) return { specFiles, diagnostics };
    resolved = await resolveDocument(converted.source, resolveOptions);
    diagnostics.push(...resolved.diagnostics);
    if (hasErrors(diagnostics)) return { specFiles, diagnostics };
  }

  const options = input.options ?? {};
  onStage('modelling');
  const built = buildModel(resolved.spec, {
    naming: options.naming,
    dates: options.dates,
    pagination: options.pagination,
  });
  diagnostics.push(...built.diagnostics, ...checkNaming(built.model, options.naming));
  const selected = selectOperations(built.model, options);
  diagnostics.push(...selected.diagnostics);
  // The spec without the model: `generateSdk` still reports its other settings' problems along.
  if (hasErrors(diagnostics)) return { spec: resolved.spec, specFiles, diagnostics };
  return { model: selected.model, spec: resolved.spec, specHash: hash, specFiles, diagnostics };
}

/** The overlay stage, loaded only for an SDK with overlays: a run without them skips its ~4 ms of modules. */
function overlayStage(): typeof import('./overlay/applyOverlays') {
  return require('./overlay/applyOverlays') as typeof import('./overlay/applyOverlays');
}

/** Name and version of the SDK's package; a spec version npm would refuse is coerced, with a warning. */
function packageIdentity(
  model: SdkModel,
  spec: ResolvedSpec,
  configuredName: string | undefined,
  diagnostics: Diagnostic[],
): PackageIdentity {
  const { version, coercedFrom } = packageVersion(model.info.version);
  if (coercedFrom !== undefined) {
    diagnostics.push(
      diagnosticAt(spec.rootLocation('/info/version'), {
        code: 'SDK4101',
        severity: 'warning',
        message: `info.version ${JSON.stringify(coercedFrom)} is not a semantic version; the SDK's package.json says ${version}.`,
        hint: 'Give info.version as MAJOR.MINOR.PATCH (for example 1.4.0) to choose the package version.',
      }),
    );
  }
  return { name: configuredName ?? defaultPackageName(model.info.title), version };
}

/** The entries that are set: an optional key given as `undefined` must not hide a default. */
function definedOnly<T extends object>(value: T | undefined): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}

function localFiles(spec: ResolvedSpec): string[] {
  return [...spec.sources.keys()].filter((path) => !isRemotePath(path));
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/**
 * sha256 of the spec: of its one file, or of every file it references, in path order, then of each overlay
 * applied to it, in the order applied (so that changing only an overlay changes the hash, and `check` sees it).
 */
export function specHash(
  spec: ResolvedSpec,
  overlays: readonly { readonly name: string; readonly text: string }[] = [],
): string {
  const hash = createHash('sha256');
  if (spec.sources.size === 1 && overlays.length === 0) return hash.update(spec.root.text).digest('hex');
  const folder = dirname(spec.root.path);
  for (const path of [...spec.sources.keys()].sort()) {
    const name = isRemotePath(path) ? path : relative(folder, path).replace(/\\/g, '/');
    hash.update(`${name}\0${spec.sources.get(path)!.text}\0`);
  }
  for (const overlay of overlays) hash.update(`overlay\0${overlay.name}\0${overlay.text}\0`);
  return hash.digest('hex');
}

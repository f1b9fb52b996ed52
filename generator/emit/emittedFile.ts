/** A file of the SDK, by its path relative to the output folder (POSIX separators). */
export interface EmittedFile {
  readonly path: string;
  readonly content: string;
  /**
   * `generated` TypeScript goes through the formatter; `runtime` files are copied
   * byte for byte; `document`s (package.json, tsconfigs, README) are emitted in their final layout.
   */
  readonly origin: 'generated' | 'runtime' | 'document';
  /**
   * For generated TypeScript: the statements the emitter did not write in
   * prettier's layout (with prettier's default options of the generator),
   * which the formatter gives to prettier; absent, the whole file goes.
   */
  readonly unformatted?: readonly TextRange[];
}

/** `content.slice(start, end)`: one statement (with its comment), without the line break after it. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

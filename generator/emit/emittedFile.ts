/** A file of the SDK, by its path relative to the output folder (POSIX separators). */
export interface EmittedFile {
  readonly path: string;
  readonly content: string;
  /**
   * `generated` TypeScript goes through the formatter; `runtime` files are copied
   * byte for byte; `document`s (package.json, tsconfigs, README) are emitted in their final layout.
   */
  readonly origin: 'generated' | 'runtime' | 'document';
}

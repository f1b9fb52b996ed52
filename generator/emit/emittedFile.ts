/** A file of the SDK, by its path relative to the output folder (POSIX separators). */
export interface EmittedFile {
  readonly path: string;
  readonly content: string;
  /** Runtime files are copied byte for byte; the others go through the formatter. */
  readonly origin: 'generated' | 'runtime';
}

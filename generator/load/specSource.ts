import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic';
import { buildPositionIndex, type PositionIndex } from './positionIndex';

/**
 * One file of a spec: its text, its parsed value and, on demand, the source
 * position of any JSON pointer inside it.
 *
 * The positions come from the reading of the text (js-yaml's parse events,
 * the scan of JSON text beside `JSON.parse`, or the `yaml` library's syntax
 * tree); a text read otherwise is read again for them, when a diagnostic needs one.
 */
export class SpecSource {
  constructor(
    /** Absolute path on disk. */
    readonly path: string,
    /** The path as shown to the user (relative to the working folder). */
    readonly displayPath: string,
    readonly text: string,
    readonly value: unknown,
    private positionIndex?: PositionIndex,
  ) {}

  /** Line and column (1-based) of the node at `pointer` (see `PositionIndex`). */
  locate(pointer: string): SourcePosition | undefined {
    this.positionIndex ??= buildPositionIndex(this.text);
    return this.positionIndex.locate(pointer);
  }

  /** A diagnostic pinned to `pointer` in this file: file, pointer and position. */
  diagnosticAt(pointer: string, fields: Omit<Diagnostic, 'file' | 'pointer' | 'position'>): Diagnostic {
    const position = this.locate(pointer);
    return { ...fields, file: this.displayPath, pointer, ...(position ? { position } : {}) };
  }
}

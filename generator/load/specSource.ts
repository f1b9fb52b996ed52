import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic';
import type { DeferredChecks } from './deferredChecks';
import { buildPositionIndex, locateIn, type PositionIndex } from './positionIndex';

/**
 * One file of a spec: its text, its parsed value and, on demand, the source
 * position of any JSON pointer inside it.
 *
 * JSON files are parsed with `JSON.parse` (35x faster than a YAML parser); the
 * YAML syntax tree that gives line and column is only built when a diagnostic
 * needs a position. A file loaded with `DeferredChecks` leaves that tree to a
 * worker thread: its diagnostics get their line and column when the run settles.
 */
export class SpecSource {
  private positionIndex: PositionIndex | undefined;
  private readonly deferred: DeferredChecks | undefined;

  constructor(
    /** Absolute path on disk. */
    readonly path: string,
    /** The path as shown to the user (relative to the working folder). */
    readonly displayPath: string,
    readonly text: string,
    readonly value: unknown,
    positions?: PositionIndex | DeferredChecks,
  ) {
    if (positions && 'document' in positions) this.positionIndex = positions;
    else this.deferred = positions;
  }

  /**
   * Line and column (1-based) of the node at `pointer` (see `locateIn`);
   * `undefined` while positions are deferred.
   */
  locate(pointer: string): SourcePosition | undefined {
    if (this.deferred) return undefined;
    this.positionIndex ??= buildPositionIndex(this.text);
    return locateIn(this.positionIndex, pointer);
  }

  /** A diagnostic pinned to `pointer` in this file: file, pointer and, now or when the run settles, position. */
  diagnosticAt(pointer: string, fields: Omit<Diagnostic, 'file' | 'pointer' | 'position'>): Diagnostic {
    const position = this.locate(pointer);
    const diagnostic: Diagnostic = { ...fields, file: this.displayPath, pointer, ...(position ? { position } : {}) };
    this.deferred?.awaitPosition(diagnostic, { path: this.path, text: this.text, pointer });
    return diagnostic;
  }
}

import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic';
import { SpecSource } from '../load/specSource';
import { parsePointer } from '../util/jsonPointer';
import type { Origin, Origins } from './origins';

/**
 * The root document with its overlays applied. Its pointers are those of the overlaid value; each is mapped to
 * where its node was written, so a diagnostic on a node an overlay added or changed names the overlay file, the
 * pointer there and its line, and one on a node of the spec names the spec's line (an array item a `remove`
 * moved up keeps the line it has in the file).
 */
export class OverlaidSource extends SpecSource {
  constructor(
    private readonly base: SpecSource,
    value: unknown,
    private readonly origins: Origins,
  ) {
    super(base.path, base.displayPath, base.text, value);
  }

  override locate(pointer: string): SourcePosition | undefined {
    const origin = this.originOf(pointer);
    return origin.source.locate(origin.pointer);
  }

  override diagnosticAt(pointer: string, fields: Omit<Diagnostic, 'file' | 'pointer' | 'position'>): Diagnostic {
    const origin = this.originOf(pointer);
    return origin.source.diagnosticAt(origin.pointer, fields);
  }

  private originOf(pointer: string): Origin {
    const segments = parsePointer(pointer);
    return segments ? this.origins.originAt(this.value, segments) : { source: this.base, pointer };
  }
}

/**
 * Diagnostics are data, not exceptions: every stage collects them and the CLI
 * reports them all at once. Plain `Error`s are reserved for bugs.
 */
export type Severity = 'error' | 'warning';

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  /** Stable code, documented in docs/diagnostics.md (e.g. `SDK1001`). */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it. */
  readonly hint?: string;
  /** Path of the spec file, as given by the user or relative to the working folder. */
  readonly file?: string;
  /** JSON pointer (RFC 6901) of the offending node inside `file`. */
  readonly pointer?: string;
  readonly position?: SourcePosition;
}

/** Collects the diagnostics of one run; one instance per run, passed explicitly. */
export class Diagnostics {
  private readonly items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }

  error(fields: Omit<Diagnostic, 'severity'>): void {
    this.add({ ...fields, severity: 'error' });
  }

  warning(fields: Omit<Diagnostic, 'severity'>): void {
    this.add({ ...fields, severity: 'warning' });
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** Thrown when a stage cannot go on; carries everything collected so far. */
export class SpecError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'SpecError';
  }
}

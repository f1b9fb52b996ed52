import type { Diagnostic } from '../diagnostics/diagnostic';

/** A refusal to write, with what to do about it; the CLI reports it as a user error (SDK4xxx). */
export class OutputError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(fields: { code: string; message: string; hint: string; file?: string }) {
    super(fields.message);
    this.name = 'OutputError';
    this.diagnostic = { ...fields, severity: 'error' };
  }

  get hint(): string {
    return this.diagnostic.hint ?? '';
  }
}

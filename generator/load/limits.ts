/**
 * Bounds on what one run reads, so that a hostile or broken spec is refused
 * quickly instead of exhausting memory, the stack or the clock. The defaults
 * are far above what real APIs need (the largest spec we know of is 1.7 MB and
 * nests 23 levels deep).
 */
export interface SpecLimits {
  /** Largest file read, in bytes. */
  readonly maxFileBytes: number;
  /** Deepest nesting of maps and lists in a file (after YAML aliases are expanded). */
  readonly maxDepth: number;
  /**
   * Most values (maps, lists and scalars) in one file, counting a value that a
   * YAML alias repeats once per place it appears ("billion laughs" guard).
   */
  readonly maxNodes: number;
  /** How far the YAML parser lets one alias expand (its own early guard, checked while parsing). */
  readonly maxAliasCount: number;
  /** Most files one spec may reference, the root included. */
  readonly maxFiles: number;
}

export const defaultSpecLimits: SpecLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxNodes: 1_000_000,
  maxAliasCount: 10_000,
  maxFiles: 1_000,
};

/** The defaults with the given limits laid over them. */
export function specLimits(overrides: Partial<SpecLimits> = {}): SpecLimits {
  return { ...defaultSpecLimits, ...overrides };
}

/**
 * The layout of generated code: prettier's, with these widths (the formatter
 * gives prettier the same ones). Apart from `layout.ts`, so that reading them
 * (the formatter does, in the main thread) loads nothing of prettier.
 */
export const layoutWidth = 120;
export const layoutIndent = 2;

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateSdk, type GenerateInput, type GenerateResult } from '../../generator/pipeline';

export interface GeneratedSdk extends GenerateResult {
  /** The temporary folder holding the SDK (absent when the spec has errors). */
  readonly folder?: string;
  readonly cleanup: () => void;
}

/**
 * Generates an SDK (unformatted: formatting changes no type) into a fresh
 * temporary folder, for tests that compile or run it.
 */
export async function generateInto(input: GenerateInput): Promise<GeneratedSdk> {
  const result = await generateSdk({ format: false, ...input });
  if (!result.files) return { ...result, cleanup: () => undefined };
  const folder = mkdtempSync(join(tmpdir(), 'sdkgen-sdk-'));
  for (const file of result.files) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.content);
  }
  return { ...result, folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

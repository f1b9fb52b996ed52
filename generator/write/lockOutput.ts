import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { OutputError } from './outputError';

/** The lock (a folder, made atomically by mkdir) inside an output folder while a run writes it. */
export const lockFileName = '.sdkgen.lock';

/**
 * Waits for other runs writing the same folder, then holds it. A lock left by
 * a killed run goes stale after 5 s (proper-lockfile refreshes a live one).
 */
export async function lockOutput(folder: string): Promise<() => Promise<void>> {
  await mkdir(folder, { recursive: true });
  try {
    return await lock(folder, {
      lockfilePath: join(folder, lockFileName),
      realpath: false,
      stale: 5_000,
      retries: { retries: 120, minTimeout: 100, maxTimeout: 500 },
    });
  } catch (error) {
    throw new OutputError({
      code: 'SDK4005',
      message: `Another sdkgen run is writing ${folder} and did not finish in time (${(error as Error).message}).`,
      hint: 'Wait for it to end and run again.',
    });
  }
}

import { join } from 'node:path';
import { isNativeError } from 'node:util/types';
import { emitSdk, type EmitOptions } from '../../generator/emit/emitSdk';
import type { SdkModel } from '../../generator/model/types';
import { buildSdkModel, generateSdk } from '../../generator/pipeline';
import { projectRoot } from '../support/runCli';

// Under ts-jest the pipeline emits in this thread (a worker cannot run TypeScript sources); the built
// pipeline (dist/, as the bin and the library run it) emits in its worker thread. Both must agree.
const built = {
  pipeline: require(join(projectRoot, 'dist', 'pipeline.js')) as typeof import('../../generator/pipeline'),
  worker: require(join(projectRoot, 'dist', 'pipelineWorker.js')) as typeof import('../../generator/pipelineWorker'),
};

const emitOptions: EmitOptions = { specPath: 'spec.yaml', specHash: 'abc', package: { name: 'sdk', version: '1.0.0' } };

describe('the pipeline worker', () => {
  const saved = process.env.SDKGEN_CACHE_DIR;
  beforeAll(() => (process.env.SDKGEN_CACHE_DIR = ''));
  afterAll(() => (saved === undefined ? delete process.env.SDKGEN_CACHE_DIR : (process.env.SDKGEN_CACHE_DIR = saved)));

  it.each(['spec/openapi.yaml', 'test/fixtures/runtime/bodies.yaml'])(
    'emits and formats %s in its thread exactly as in this one',
    async (specPath) => {
      const here = await generateSdk({ specPath, cwd: projectRoot });
      const there = await built.pipeline.generateSdk({ specPath, cwd: projectRoot });
      expect(here.diagnostics).toEqual([]);
      expect(there.diagnostics).toEqual([]);
      expect(there.files?.length).toBeGreaterThan(10);
      expect(there.files).toEqual(here.files);
    },
  );

  it("rejects with the emitters' own error, stack and all", async () => {
    const { model } = await buildSdkModel({ specPath: 'spec/openapi.yaml', cwd: projectRoot });
    // A model no stage builds: the emitters fail on it, as on a generator bug.
    const broken = { ...model!, models: [null] } as unknown as SdkModel;
    let expected: unknown;
    try {
      emitSdk(broken, emitOptions);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(TypeError);

    const worker = built.worker.startPipelineWorker();
    try {
      const failed = await worker.emit(broken, emitOptions).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      // An error of the main realm (not the test's sandbox): checked by kind rather than by `instanceof`.
      expect(isNativeError(failed)).toBe(true);
      expect(failed?.name).toBe('TypeError');
      expect(failed?.message).toBe((expected as Error).message);
      expect(failed?.stack).toContain(join('dist', 'emit', 'models.js'));
      // The thread outlives a failed job: a good model still emits.
      expect((await worker.emit(model!, emitOptions)).map((file) => file.path)).toEqual(
        emitSdk(model!, emitOptions).map((file) => file.path),
      );
    } finally {
      await worker.close();
    }
  });
});

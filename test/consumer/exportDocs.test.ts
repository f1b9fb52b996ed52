import { join } from 'node:path';
import { generateSdk } from '../../generator/pipeline';
import { writeOutput } from '../../generator/write/writeOutput';
import { writeTempFiles } from '../support/buildFromText';
import { exportDocs } from './support/exportDocs';
import { projectRoot } from './support/run';

const sharedSpecs = join(projectRoot, '..', 'shared', 'specs');

/** Every export of an SDK's index.ts has JSDoc, so an editor shows it on hover: from the spec, or a default. */
describe('every export of the SDK is documented', () => {
  it('generated/qovery', () => {
    const docs = exportDocs(join(projectRoot, 'generated', 'qovery', 'index.ts'));
    expect(docs.size).toBeGreaterThan(20);
    expect([...docs].filter(([, text]) => text === '').map(([name]) => name)).toEqual([]);
    // Spec text reaches the hover: the operation's summary.
    expect(docs.get('createContainerRegistry')).toContain('Create a container registry');
  });

  it.each(['oai-petstore-expanded/openapi.yaml', 'orval-enums/openapi.yaml', 'heyapi-full-3.1/full.yaml'])(
    'an SDK for %s, whose schemas often have no description',
    async (spec) => {
      const generated = await generateSdk({ specPath: join(sharedSpecs, spec), cwd: projectRoot });
      expect(generated.files).toBeDefined();
      const { folder, cleanup } = writeTempFiles({});
      try {
        await writeOutput(join(folder, 'sdk'), generated.files!);
        const docs = exportDocs(join(folder, 'sdk', 'index.ts'));
        expect([...docs].filter(([, text]) => text === '').map(([name]) => name)).toEqual([]);
      } finally {
        cleanup();
      }
    },
  );
});

import { buildFromFiles } from '../support/buildFromText';
import { checkFixture } from '../support/fixtureSdk';

describe('Swagger 2.0 documents', () => {
  it('are converted to OpenAPI 3.0, with the files they reference, into an SDK that compiles', async () => {
    const sdk = await checkFixture('swagger2', { spec: 'swagger.yaml' });
    try {
      expect(sdk.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const model = sdk.model!;
      expect(model.servers.map((server) => server.url)).toEqual(['https://pets.example.com/v1']);
      expect(model.operations.map((operation) => operation.operationId)).toEqual(['listPets', 'addPet']);
      // Definitions keep their names; schemas from other files are named after their file.
      expect(model.models.map((named) => named.name).sort()).toEqual(['NewPet', 'Owner', 'Pet', 'Problem']);
      const listPets = model.operations[0]!;
      expect(listPets.parameters.map((parameter) => [parameter.name, parameter.in, parameter.explode])).toEqual([
        ['limit', 'query', true],
        ['tags', 'query', false],
      ]);
    } finally {
      sdk.cleanup();
    }
  });

  it('report a reference to a missing file with its position in the Swagger file', async () => {
    const { diagnostics } = await buildFromFiles({
      'swagger.yaml': [
        "swagger: '2.0'",
        'info: { title: T, version: 1.0.0 }',
        'paths: {}',
        'definitions:',
        "  A: { $ref: 'missing.yaml' }",
      ].join('\n'),
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'SDK2006',
        file: expect.stringMatching(/swagger\.yaml$/),
        pointer: '/definitions/A/$ref',
        position: { line: 5, column: 8 },
      }),
    ]);
  });
});

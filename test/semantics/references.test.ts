import { typeText } from '../../generator/emit/typeSyntax';
import { buildFromFiles, specText } from '../support/buildFromText';

describe('$ref pointers', () => {
  it('decode ~0, ~1 and percent-escapes, and fall back to a name with a literal % in it', async () => {
    const { model, diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({
        schemas: [
          'Holder:\n  type: object\n  required: [slash, tilde, space, literal]\n  properties:',
          "    slash: { $ref: '#/components/schemas/a~1b' }",
          "    tilde: { $ref: '#/components/schemas/t~0x' }",
          "    space: { $ref: '#/components/schemas/with%20space' }",
          "    literal: { $ref: '#/components/schemas/Pick_Job.%22id%22_' }",
          "'a/b': { type: string }",
          "'t~x': { type: number }",
          "'with space': { type: boolean }",
          "'Pick_Job.%22id%22_': { type: integer, nullable: true }",
        ].join('\n'),
      }),
    });
    expect(diagnostics).toEqual([]);
    const holder = model!.models.find((named) => named.name === 'Holder')!;
    const types = Object.fromEntries(
      holder.type.kind === 'object' ? holder.type.properties.map((p) => [p.name, typeText(p.type)]) : [],
    );
    const byPointer = new Map(model!.models.map((named) => [named.pointer, named]));
    expect(types).toEqual({
      slash: byPointer.get('/components/schemas/a~1b')!.name,
      tilde: byPointer.get('/components/schemas/t~0x')!.name,
      space: byPointer.get('/components/schemas/with space')!.name,
      literal: byPointer.get('/components/schemas/Pick_Job.%22id%22_')!.name,
    });
    expect(typeText(byPointer.get('/components/schemas/Pick_Job.%22id%22_')!.type)).toBe('number | null');
  });
});

describe('operations', () => {
  it('get unique operationIds: a repeated one gets a suffix and a warning', async () => {
    const { model, diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({
        paths: [
          '/a: { get: { operationId: GetJobs, responses: { "204": { description: ok } } } }',
          '/b: { get: { operationId: GetJobs, responses: { "204": { description: ok } } } }',
        ].join('\n'),
      }),
    });
    expect(model!.operations.map((operation) => [operation.operationId, operation.names.function])).toEqual([
      ['GetJobs', 'getJobs'],
      ['GetJobs2', 'getJobs2'],
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'SDK3204', severity: 'warning', pointer: '/paths/~1b/get' }),
    ]);
  });

  it('read security requirements against the defined schemes: case corrected, unknown ones left out', async () => {
    const { model, diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({
        paths: [
          '/a:',
          '  get:',
          '    security: [{ jwt: [] }, { nope: [] }]',
          '    responses: { "204": { description: ok } }',
        ].join('\n'),
        extra: 'components:\n  securitySchemes:\n    JWT: { type: apiKey, in: header, name: Authorization }',
      }),
    });
    expect(model!.operations[0]!.security).toEqual([['JWT']]);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([
      ['SDK3302', '/paths/~1a/get/security/0/jwt'],
      ['SDK3301', '/paths/~1a/get/security/1/nope'],
    ]);
  });
});

import { buildFromFiles, specText } from '../support/buildFromText';

describe('resolve stage', () => {
  it('reports every dangling reference with file, line, column and pointer', async () => {
    const { diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({
        schemas: [
          'A:',
          '  $ref: "#/components/schemas/Missing"',
          'B:',
          '  type: object',
          '  properties:',
          '    c: { $ref: "#/components/schemas/Gone" }',
        ].join('\n'),
      }),
    });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.file, d.position?.line, d.position?.column, d.pointer])).toEqual([
      ['SDK2001', 'openapi.yaml', 7, 7, '/components/schemas/A/$ref'],
      ['SDK2001', 'openapi.yaml', 11, 14, '/components/schemas/B/properties/c/$ref'],
    ]);
    expect(errors[0]!.message).toContain('"#/components/schemas/Missing"');
    expect(errors[0]!.hint).toBeTruthy();
  });

  it('refuses a cycle of references that carries no structure, naming the cycle', async () => {
    const { diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({
        schemas: 'A: { $ref: "#/components/schemas/B" }\nB: { $ref: "#/components/schemas/A" }',
      }),
    });
    const cycle = diagnostics.find((d) => d.code === 'SDK2004');
    expect(cycle?.message).toContain('#/components/schemas/A -> #/components/schemas/B');
  });

  it('follows relative file references across documents', async () => {
    const { model, diagnostics } = await buildFromFiles({
      'api/openapi.yaml': specText({
        paths: [
          '/pets:',
          '  get:',
          '    operationId: listPets',
          '    responses:',
          "      '200':",
          '        description: ok',
          '        content:',
          '          application/json:',
          '            schema: { $ref: "./schemas/pet.yaml" }',
        ].join('\n'),
      }),
      'api/schemas/pet.yaml':
        'type: object\nrequired: [name]\nproperties:\n  name: { type: string }\n  owner: { $ref: "./owner.yaml#/Owner" }\n',
      'api/schemas/owner.yaml': 'Owner:\n  type: object\n  properties:\n    id: { type: integer }\n',
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model!.models.map((m) => [m.name, m.file])).toEqual([
      ['Pet', 'api/schemas/pet.yaml'],
      ['Owner', 'api/schemas/owner.yaml'],
    ]);
  });

  it('refuses a file reference that leaves the folder of the root document', async () => {
    const { diagnostics } = await buildFromFiles(
      {
        'spec/openapi.yaml': specText({ schemas: 'A: { $ref: "../secret.yaml" }' }),
        'secret.yaml': 'type: string\n',
      },
      'spec/openapi.yaml',
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['SDK2005']);
  });

  it("reads a $ref to the URL of a document's $self, or beside it, from the local file at that place (OpenAPI 3.2)", async () => {
    const self = '$self: https://example.invalid/api/openapi.yaml';
    const { model, diagnostics } = await buildFromFiles(
      {
        'api/pets.yaml': specText({
          version: '3.2.0',
          schemas: [
            'Pet: { type: object, properties: { owner: { $ref: "https://example.invalid/api/schemas/owner.yaml#/Owner" } } }',
            'Pets: { type: array, items: { $ref: "https://example.invalid/api/openapi.yaml#/components/schemas/Pet" } }',
          ].join('\n'),
          extra: self,
        }),
        'api/schemas/owner.yaml': 'Owner: { type: object, properties: { id: { type: integer } } }\n',
      },
      'api/pets.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(model!.models.map((m) => [m.name, m.file])).toEqual([
      ['Pet', 'api/pets.yaml'],
      ['Pets', 'api/pets.yaml'],
      ['Owner', 'api/schemas/owner.yaml'],
    ]);
    // Another host, or a place outside the folder of `$self`, is still a remote reference.
    const elsewhere = await buildFromFiles({
      'openapi.yaml': specText({
        version: '3.2.0',
        schemas:
          'A: { $ref: "https://example.invalid/other/a.yaml#/A" }\nB: { $ref: "https://other.invalid/api/b.yaml" }',
        extra: self,
      }),
    });
    expect(elsewhere.diagnostics.map((d) => d.code)).toEqual(['SDK2003', 'SDK2003']);
  });

  it('refuses remote references with a clear message', async () => {
    const { diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({ schemas: 'A: { $ref: "https://example.invalid/schemas.yaml#/A" }' }),
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SDK2003', severity: 'error', pointer: '/components/schemas/A/$ref' });
  });

  it('does not follow $ref strings inside examples and defaults', async () => {
    const { diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({
        schemas: 'A:\n  type: object\n  example: { $ref: "#/nowhere" }\n  default: { $ref: "#/nowhere" }',
      }),
    });
    expect(diagnostics).toEqual([]);
  });

  it('locates YAML syntax errors', async () => {
    const { diagnostics } = await buildFromFiles({ 'openapi.yaml': 'openapi: 3.0.0\ninfo: [\n' });
    expect(diagnostics[0]).toMatchObject({ code: 'SDK1002', file: 'openapi.yaml', position: { line: 3 } });
  });

  it('refuses documents that are not OpenAPI 3.x', async () => {
    const { diagnostics } = await buildFromFiles({ 'openapi.yaml': 'openapi: 2.5.0\ninfo: {}\n' });
    expect(diagnostics[0]).toMatchObject({ code: 'SDK1004', pointer: '/openapi', position: { line: 1, column: 1 } });
  });

  it('reads OpenAPI 3.2 documents and refuses versions it does not know', async () => {
    const spec = (version: string) => specText({ version, schemas: 'A:\n  type: string' });
    expect((await buildFromFiles({ 'openapi.yaml': spec('3.2.0') })).diagnostics).toEqual([]);
    const { diagnostics } = await buildFromFiles({ 'openapi.yaml': spec('3.3.0') });
    expect(diagnostics[0]).toMatchObject({ code: 'SDK1004', message: 'Unsupported OpenAPI version "3.3.0".' });
  });
});

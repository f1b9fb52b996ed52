import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import { defaultSpecLimits } from '../../generator/load/limits';
import { parseSpecSource } from '../../generator/load/loadSpec';
import type { SpecSource } from '../../generator/load/specSource';
import { applyOverlayDocuments } from '../../generator/overlay/applyOverlays';
import { readOverlayDocument, type OverlayDocument } from '../../generator/overlay/overlayDocument';

const spec = `openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets, internal, beta]
      parameters:
        - { name: limit, in: query }
        - { name: debug, in: query }
        - { name: cursor, in: query }
      responses: { '200': { description: ok } }
  /pets/{id}:
    get:
      operationId: getPet
      responses: { '200': { description: ok } }
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: { type: string }
        tag: { type: string }
`;

function source(text: string, file: string): SpecSource {
  const loaded = parseSpecSource(text, `/project/${file}`, file);
  if (!loaded.source) throw new Error(`${file} does not parse: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.source;
}

function overlay(actions: string, version = '1.1.0', file = 'fix.yaml'): OverlayDocument {
  const read = readOverlayDocument(
    source(`overlay: ${version}\ninfo: { title: Fix, version: 1.0.0 }\nactions:\n${actions}`, file),
  );
  if (!read.document) throw new Error(`the overlay is invalid: ${JSON.stringify(read.diagnostics)}`);
  return read.document;
}

function apply(...documents: OverlayDocument[]): {
  value: any;
  source?: SpecSource;
  diagnostics: Diagnostic[];
  root: SpecSource;
} {
  const root = source(spec, 'api.yaml');
  const applied = applyOverlayDocuments(root, documents, defaultSpecLimits);
  return { value: applied.source?.value, root, ...applied };
}

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((diagnostic) => diagnostic.code);

describe('applying an overlay', () => {
  it('merges an update into each selected object recursively, leaving the other properties', () => {
    const { value, root } = apply(
      overlay(`  - target: $.components.schemas.Pet
    update:
      properties:
        tag: { nullable: true, description: The tag }
        age: { type: integer }
      x-internal: true
`),
    );
    expect(value.components.schemas.Pet).toEqual({
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string' },
        tag: { type: 'string', nullable: true, description: 'The tag' },
        age: { type: 'integer' },
      },
      'x-internal': true,
    });
    // The spec as loaded is not changed: the actions work on a copy.
    expect((root.value as any).components.schemas.Pet.properties.age).toBeUndefined();
  });

  it('replaces a primitive, and concatenates a list with a list, in a merged object', () => {
    const { value } = apply(
      overlay(`  - target: $.paths['/pets'].get
    update: { operationId: findPets, tags: [public] }
`),
    );
    expect(value.paths['/pets'].get.operationId).toBe('findPets');
    expect(value.paths['/pets'].get.tags).toEqual(['pets', 'internal', 'beta', 'public']);
  });

  it('appends an update to a selected array: one entry in 1.0, and a list concatenated in 1.1', () => {
    const actions = `  - target: $.components.schemas.Pet.required
    update: [tag]
`;
    expect(apply(overlay(actions, '1.0.0')).value.components.schemas.Pet.required).toEqual(['name', ['tag']]);
    expect(apply(overlay(actions, '1.1.0')).value.components.schemas.Pet.required).toEqual(['name', 'tag']);
    const appended = apply(
      overlay(`  - target: $.paths['/pets'].get.parameters
    update: { name: sort, in: query }
`),
    ).value.paths['/pets'].get.parameters;
    expect(appended.map((parameter: { name: string }) => parameter.name)).toEqual(['limit', 'debug', 'cursor', 'sort']);
  });

  it('removes selected nodes from objects and arrays, primitives included in 1.1', () => {
    const { value } = apply(
      overlay(`  - target: $.paths['/pets/{id}']
    remove: true
  - target: $.paths['/pets'].get.parameters[?@.name == 'debug' || @.name == 'cursor']
    remove: true
  - target: $.paths.*.get.tags[?@ == 'internal']
    remove: true
`),
    );
    expect(Object.keys(value.paths)).toEqual(['/pets']);
    expect(value.paths['/pets'].get.parameters).toEqual([{ name: 'limit', in: 'query' }]);
    expect(value.paths['/pets'].get.tags).toEqual(['pets', 'beta']);
  });

  it('updates the objects a filter expression selects, and only those', () => {
    const { value } = apply(
      overlay(`  - target: $.paths.*[?(@.operationId == 'getPet')]
    update: { operationId: fetchPet, deprecated: true }
`),
    );
    expect(value.paths['/pets/{id}'].get).toMatchObject({ operationId: 'fetchPet', deprecated: true });
    expect(value.paths['/pets'].get.operationId).toBe('listPets');
    expect(value.paths['/pets'].get.deprecated).toBeUndefined();
  });

  it('copies the one node `copy` selects into each target (1.1), as a copy', () => {
    const { value } = apply(
      overlay(`  - target: $.components.schemas
    update: { Dog: {} }
  - target: $.components.schemas.Dog
    copy: $.components.schemas.Pet
  - target: $.components.schemas.Dog.properties
    update: { barks: { type: boolean } }
`),
    );
    expect(value.components.schemas.Dog.properties).toEqual({
      name: { type: 'string' },
      tag: { type: 'string' },
      barks: { type: 'boolean' },
    });
    expect(value.components.schemas.Pet.properties.barks).toBeUndefined();
  });

  it('applies actions in order, each to the result of the one before, across overlays', () => {
    const removeThenAdd = overlay(`  - target: $.components.schemas.Pet.properties.tag
    remove: true
  - target: $.components.schemas.Pet.properties
    update: { tag: { type: integer } }
`);
    expect(apply(removeThenAdd).value.components.schemas.Pet.properties.tag).toEqual({ type: 'integer' });
    const addThenRemove = overlay(`  - target: $.components.schemas.Pet.properties
    update: { tag: { format: uuid } }
  - target: $.components.schemas.Pet.properties.tag
    remove: true
`);
    expect(apply(addThenRemove).value.components.schemas.Pet.properties.tag).toBeUndefined();
    const second = overlay(
      `  - target: $.components.schemas.Pet.properties.tag
    update: { format: int64 }
`,
      '1.1.0',
      'second.yaml',
    );
    expect(apply(removeThenAdd, second).value.components.schemas.Pet.properties.tag).toEqual({
      type: 'integer',
      format: 'int64',
    });
  });

  it('warns about a target that selects nothing, and changes nothing', () => {
    const { value, diagnostics } = apply(
      overlay(`  - target: $.components.schemas.Cat
    update: { type: object }
`),
    );
    expect(value.components.schemas.Cat).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'SDK1106',
        severity: 'warning',
        file: 'fix.yaml',
        pointer: '/actions/0/target',
        position: { line: 4, column: 5 },
      }),
    ]);
  });

  it('refuses what does not fit: an update of the wrong kind, a merge of a list into an object, a copy of two nodes', () => {
    const wrongKind = apply(
      overlay(`  - target: $.info.title
    update: { text: New }
`),
    );
    expect(wrongKind.source).toBeUndefined();
    expect(wrongKind.diagnostics[0]).toMatchObject({ code: 'SDK1104', pointer: '/actions/0/update' });
    const merge = apply(
      overlay(`  - target: $.components.schemas.Pet
    update:
      required: { name: true }
`),
    );
    expect(merge.diagnostics[0]).toMatchObject({
      code: 'SDK1104',
      pointer: '/actions/0/update/required',
      position: { line: 6, column: 7 },
    });
    const primitiveIn10 = apply(
      overlay(
        `  - target: $.info.title
    update: New
`,
        '1.0.0',
      ),
    );
    expect(codes(primitiveIn10.diagnostics)).toEqual(['SDK1104']);
    const copy = apply(
      overlay(`  - target: $.info
    copy: $.paths.*
`),
    );
    expect(copy.diagnostics[0]).toMatchObject({ code: 'SDK1105', pointer: '/actions/0/copy' });
    expect(copy.diagnostics[0]!.message).toContain('selects 2 nodes');
  });

  it('merges a `__proto__` key as a property, never into Object.prototype', () => {
    const { value } = apply(
      overlay(`  - target: $.components.schemas.Pet
    update:
      __proto__: { polluted: true }
      properties:
        __proto__: { type: string }
`),
    );
    const pet = value.components.schemas.Pet;
    expect(Object.prototype.hasOwnProperty.call(pet, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(pet)).toBe(Object.prototype);
    expect(Object.keys(pet.properties)).toEqual(['name', 'tag', '__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('says where an invalid JSONPath fails', () => {
    const { diagnostics } = apply(
      overlay(`  - target: $.paths['/pets'
    remove: true
`),
    );
    expect(diagnostics[0]).toMatchObject({ code: 'SDK1103', file: 'fix.yaml', position: { line: 4, column: 5 } });
    expect(diagnostics[0]!.message).toContain('at column 16 of the expression');
  });

  it("points a diagnostic on a node an overlay wrote at the overlay's text, and a moved array item at its own line", () => {
    const { source } = apply(
      overlay(`  - target: $.paths['/pets'].get.parameters[0]
    remove: true
  - target: $.components.schemas.Pet.properties
    update:
      age:
        type: integer
`),
    );
    expect(
      source!.diagnosticAt('/components/schemas/Pet/properties/age/type', {
        code: 'X',
        severity: 'warning',
        message: '',
      }),
    ).toMatchObject({
      file: 'fix.yaml',
      pointer: '/actions/1/update/age/type',
      position: { line: 9, column: 9 },
    });
    // `debug` was the second parameter (line 10 of the spec); it is the first now.
    expect(
      source!.diagnosticAt('/paths/~1pets/get/parameters/0', { code: 'X', severity: 'warning', message: '' }),
    ).toMatchObject({
      file: 'api.yaml',
      pointer: '/paths/~1pets/get/parameters/1',
      position: { line: 10, column: 11 },
    });
    // Untouched nodes keep their place in the spec.
    expect(source!.locate('/components/schemas/Pet/properties/name')).toEqual({ line: 23, column: 9 });
  });
});

describe('reading an overlay', () => {
  const read = (text: string): Diagnostic[] => readOverlayDocument(source(text, 'o.yaml')).diagnostics;

  it('accepts 1.0.x and 1.1.x, extensions and extends, and refuses other versions saying which are supported', () => {
    const body = `info: { title: t, version: '1', x-team: api }\nextends: ./api.yaml\nx-note: n\nactions: [{ target: $, update: {} }]`;
    for (const version of ['1.0.0', '1.0.3', '1.1.0', '1.1.2'])
      expect(read(`overlay: ${version}\n${body}`)).toEqual([]);
    for (const version of ['1.2.0', '2.0.0', '1.1']) {
      const [problem] = read(`overlay: '${version}'\n${body}`);
      expect(problem).toMatchObject({ code: 'SDK1101', pointer: '/overlay', position: { line: 1, column: 1 } });
      expect(problem!.message).toContain('supports Overlay 1.0.x and 1.1.x');
    }
  });

  it('reports every problem of its shape at once', () => {
    const problems = read(`overlay: 1.1.0
actions:
  - description: no target
    update: {}
  - target: $.info
  - target: $.info
    remove: yes please
    updates: {}
`);
    expect(problems.map((problem) => [problem.code, problem.pointer])).toEqual([
      ['SDK1102', ''],
      ['SDK1102', '/actions/0'],
      ['SDK1102', '/actions/1'],
      ['SDK1102', '/actions/2/updates'],
      ['SDK1102', '/actions/2/remove'],
      ['SDK1102', '/actions/2'],
    ]);
    expect(problems[0]!.message).toBe('The overlay has no `info`.');
  });
});

import { typeText } from '../../generator/emit/typeSyntax';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles, specText } from '../support/buildFromText';

async function modelOf(parts: Parameters<typeof specText>[0]): Promise<SdkModel> {
  const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': specText(parts) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

/** The type text of one named model, on one line. */
async function typeOf(schemas: string, name: string, version?: string): Promise<string> {
  const model = await modelOf({ schemas, ...(version ? { version } : {}) });
  const named = model.models.find((m) => m.name === name);
  if (!named) throw new Error(`no model ${name} in ${model.models.map((m) => m.name).join(', ')}`);
  return typeText(named.type).replace(/\s*\n\s*/g, ' ');
}

describe('schemas to types', () => {
  it.each([
    ['string enum', 'E: { type: string, enum: [a, b-c, "1"] }', "'a' | 'b-c' | '1'"],
    ['mixed enum', 'E: { enum: [1, true, null, x] }', "1 | true | null | 'x'"],
    ['nullable (3.0)', 'N: { type: string, nullable: true }', 'string | null'],
    ['integer', 'I: { type: integer, format: int64 }', 'number'],
    ['binary', 'B: { type: string, format: binary }', 'Blob'],
    ['date-time stays a string', 'D: { type: string, format: date-time }', 'string'],
    ['array', 'A: { type: array, items: { type: string } }', 'string[]'],
    [
      'array of union',
      'A: { type: array, items: { oneOf: [{ type: string }, { type: number }] } }',
      '(string | number)[]',
    ],
    ['free-form object', 'O: { type: object }', '{ [key: string]: unknown; }'],
    ['closed empty object', 'O: { type: object, additionalProperties: false }', 'Record<string, never>'],
    ['map', 'O: { type: object, additionalProperties: { type: integer } }', '{ [key: string]: number; }'],
    ['empty schema', 'U: {}', 'unknown'],
    ['oneOf', 'U: { oneOf: [{ type: string }, { type: integer }] }', 'string | number'],
    [
      'allOf, oneOf and properties side by side',
      "X: { allOf: [{ $ref: '#/components/schemas/A' }], oneOf: [{ $ref: '#/components/schemas/B' }, { $ref: '#/components/schemas/C' }], properties: { p: { type: string } } }\nA: { type: object, properties: { a: { type: string } } }\nB: { type: object, properties: { b: { type: string } } }\nC: { type: object, properties: { c: { type: string } } }",
      'A & { p?: string; } & (B | C)',
    ],
    ['allOf of members that only annotate', 'U: { allOf: [{}, { example: x }, { description: d }] }', 'unknown'],
    [
      'allOf of an object and members that only annotate',
      'O: { type: object, allOf: [{ description: d }, { example: {} }] }',
      '{ [key: string]: unknown; }',
    ],
    [
      'oneOf with additionalProperties: false beside it',
      "U: { additionalProperties: false, oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }\nA: { type: object, properties: { a: { type: string } } }\nB: { type: object, properties: { b: { type: string } } }",
      'A | B',
    ],
    [
      'allOf with a member that only says nullable',
      "N: { allOf: [{ $ref: '#/components/schemas/A' }, { nullable: true }], description: May be null }\nA: { type: object, properties: { a: { type: string } } }",
      'A | null',
    ],
    [
      'allOf of an object, a description and nullable',
      'O: { allOf: [{ type: object, properties: { a: { type: string } } }, { description: d }, { nullable: true }] }',
      '{ a?: string; } | null',
    ],
    [
      'allOf of a map and an object that cannot extend it',
      "M: { allOf: [{ $ref: '#/components/schemas/Map' }, { type: object, properties: { x: { type: string } } }] }\nMap: { type: object, additionalProperties: { type: string } }",
      '{ x?: string; [key: string]: string | undefined; }',
    ],
    [
      'allOf of two maps',
      'M: { allOf: [{ type: object, additionalProperties: { type: string } }, { additionalProperties: { type: string, enum: [a, b] } }] }',
      "{ [key: string]: string & ('a' | 'b'); }",
    ],
    [
      'nullable allOf with properties of its own',
      "N: { allOf: [{ $ref: '#/components/schemas/A' }], nullable: true, properties: { p: { type: string } } }\nA: { type: object, properties: { a: { type: string } } }",
      '| (A & { p?: string; }) | null',
    ],
  ])('%s', async (_, schemas, expected) => {
    expect(await typeOf(schemas, schemas.split(':')[0]!)).toBe(expected);
  });

  it.each([
    ['type arrays with null', "T: { type: [string, 'null'] }", 'string | null'],
    ['const', 'C: { const: fixed }', "'fixed'"],
    [
      'tuple with prefixItems',
      'T: { type: array, prefixItems: [{ type: string }, { type: number }], items: false }',
      '[string, number]',
    ],
    [
      'open tuple',
      'T: { type: array, prefixItems: [{ type: string }] , items: { type: boolean } }',
      '[string, ...boolean[]]',
    ],
    [
      '$ref with siblings',
      "R: { $ref: '#/components/schemas/B', required: [x] }\nB: { type: object, properties: { x: { type: string } } }",
      '{ x: string; }',
    ],
    [
      '$ref with a validation keyword beside it',
      "R: { type: object, properties: { code: { $ref: '#/components/schemas/Code', maxLength: 3 } } }\nCode: { type: string }",
      '{ code?: Code; }',
    ],
    [
      '$ref with a type beside it',
      "R: { $ref: '#/components/schemas/Code', type: string, description: A code }\nCode: { type: string, format: uuid }",
      'Code & string',
    ],
  ])('3.1: %s', async (_, schemas, expected) => {
    expect(await typeOf(schemas, schemas.split(':')[0]!, '3.1.0')).toBe(expected);
  });

  it('quotes property names that are not identifiers and keeps the wire name', async () => {
    const model = await modelOf({
      schemas: "O:\n  type: object\n  properties:\n    'content-type': { type: string }\n    'a b': { type: string }",
    });
    expect(typeText(model.models[0]!.type).replace(/\s+/g, ' ')).toBe("{ 'content-type'?: string; 'a b'?: string; }");
  });

  it('gives a runtime list of values to enums', async () => {
    const model = await modelOf({ schemas: 'Kind: { type: string, enum: [A, B] }' });
    expect(model.models[0]).toMatchObject({ name: 'Kind', enumValuesName: 'KindValues' });
  });

  it('marks readOnly properties and leaves writeOnly ones out of the response form', async () => {
    const model = await modelOf({
      schemas:
        'O:\n  type: object\n  properties:\n    id: { type: string, readOnly: true }\n    secret: { type: string, writeOnly: true }',
    });
    const type = model.models[0]!.type;
    expect(type.kind === 'object' && type.properties.map((p) => [p.name, p.readOnly, p.writeOnly])).toEqual([
      ['id', true, false],
    ]);
  });

  it('reads readOnly and writeOnly from a member of an allOf beside a reference', async () => {
    const model = await modelOf({
      schemas: [
        'O:',
        '  type: object',
        '  properties:',
        "    link: { allOf: [{ $ref: '#/components/schemas/Link' }, { readOnly: true, description: Set by the server }] }",
        "    secret: { allOf: [{ $ref: '#/components/schemas/Link' }, { writeOnly: true }] }",
        'Link: { type: object, properties: { href: { type: string } } }',
      ].join('\n'),
    });
    // The response form: `secret` is only sent, `link` only received.
    const type = model.models.find((named) => named.name === 'O')!.type;
    expect(type.kind === 'object' && type.properties.map((p) => [p.name, p.readOnly, p.writeOnly])).toEqual([
      ['link', true, false],
    ]);
  });

  it('handles recursive and mutually recursive schemas', async () => {
    const model = await modelOf({
      schemas: [
        'Node: { type: object, properties: { children: { type: array, items: { $ref: "#/components/schemas/Node" } } } }',
        'A: { type: object, properties: { b: { $ref: "#/components/schemas/B" } } }',
        'B: { type: object, properties: { a: { $ref: "#/components/schemas/A" } } }',
      ].join('\n'),
    });
    expect(model.models.map((m) => m.name)).toEqual(['Node', 'A', 'B']);
    expect(typeText(model.models[0]!.type).replace(/\s+/g, ' ')).toBe('{ children?: Node[]; }');
  });
});

describe('allOf', () => {
  const base = 'Base:\n  type: object\n  required: [id]\n  properties:\n    id: { type: string, readOnly: true }\n';

  it('extends a $ref base with the inline members (one interface)', async () => {
    const model = await modelOf({
      schemas: `${base}Child:\n  allOf:\n    - $ref: '#/components/schemas/Base'\n    - type: object\n      required: [name]\n      properties:\n        name: { type: string }`,
    });
    const child = model.models.find((m) => m.name === 'Child')!;
    expect(child.type).toMatchObject({
      kind: 'object',
      bases: ['Base'],
      properties: [{ name: 'name', required: true }],
    });
  });

  it('lists every property when a member redeclares or re-requires an inherited one', async () => {
    const model = await modelOf({
      schemas: `${base}Child:\n  allOf:\n    - $ref: '#/components/schemas/Base'\n    - required: [extra]\n      properties:\n        id: { type: string, enum: [fixed] }\n        extra: { type: number }`,
    });
    const child = model.models.find((m) => m.name === 'Child')!;
    expect(typeText(child.type).replace(/\s+/g, ' ')).toBe("{ readonly id: string & 'fixed'; extra: number; }");
  });

  it('intersects members that are not plain objects', async () => {
    expect(
      await typeOf(
        `${base}Mixed:\n  allOf:\n    - $ref: '#/components/schemas/Base'\n    - oneOf: [{ type: object, properties: { a: { type: string } } }, { type: object, properties: { b: { type: string } } }]`,
        'Mixed',
      ),
    ).toBe('Base & ( | { a?: string; } | { b?: string; } )');
  });
});

describe('discriminated unions', () => {
  const members = [
    'Cat: { type: object, required: [petType], properties: { petType: { type: string }, meows: { type: boolean } } }',
    'Dog: { type: object, required: [petType], properties: { petType: { type: string }, barks: { type: boolean } } }',
  ].join('\n');

  it('tags each member with its mapping value', async () => {
    const schemas = `${members}\nPet:\n  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]\n  discriminator:\n    propertyName: petType\n    mapping: { cat: '#/components/schemas/Cat', dog: Dog, hound: Dog }`;
    expect(await typeOf(schemas, 'Pet')).toBe("| ({ petType: 'cat'; } & Cat) | ({ petType: 'dog' | 'hound'; } & Dog)");
  });

  it('uses schema names when there is no mapping', async () => {
    const schemas = `${members}\nPet:\n  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]\n  discriminator: { propertyName: petType }`;
    expect(await typeOf(schemas, 'Pet')).toBe("| ({ petType: 'Cat'; } & Cat) | ({ petType: 'Dog'; } & Dog)");
  });

  it('leaves the defaultMapping member untagged: it stands for a missing or unmapped value (OpenAPI 3.2)', async () => {
    const other = 'Other: { type: object, properties: { petType: { type: string } } }';
    const schemas = `${members}\n${other}\nPet:\n  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Other' }]\n  discriminator: { propertyName: petType, mapping: { cat: Cat }, defaultMapping: Other }`;
    expect(await typeOf(schemas, 'Pet', '3.2.0')).toBe("| ({ petType: 'cat'; } & Cat) | Other");
  });

  it("tags a member with its x-ms-discriminator-value (AutoRest's), the value the service sends", async () => {
    const schemas = [
      'MapRequest: { type: object, required: [kind], properties: { kind: { type: string } }, discriminator: { propertyName: kind } }',
      "Single: { allOf: [{ $ref: '#/components/schemas/MapRequest' }], x-ms-discriminator-value: 'map:single' }",
      "Group: { allOf: [{ $ref: '#/components/schemas/MapRequest' }], properties: { id: { type: string } } }",
      "Holder: { type: object, properties: { request: { $ref: '#/components/schemas/MapRequest' } } }",
      "Either:\n  oneOf: [{ $ref: '#/components/schemas/Single' }, { $ref: '#/components/schemas/Group' }]\n  discriminator: { propertyName: kind }",
    ].join('\n');
    expect(await typeOf(schemas, 'MapRequestVariant')).toBe(
      "| ({ kind: 'map:single'; } & Single) | ({ kind: 'Group'; } & Group)",
    );
    expect(await typeOf(schemas, 'Either')).toBe("| ({ kind: 'map:single'; } & Single) | ({ kind: 'Group'; } & Group)");
    // The heir's own property says it too, so that the tag and the heir agree.
    expect(await typeOf(schemas, 'Single')).toContain("kind: 'map:single';");
  });

  it('leaves a member without a schema name untagged, as its own property types it, without a mapping for it', async () => {
    // Members that are inline schemas elsewhere (`.../anyOf/0`): no name, so no implicit value (`'0'` would make the
    // member's `petType: 'cat'` never, and the body impossible to send).
    const holder = [
      'Holder:',
      '  anyOf:',
      '    - { type: object, required: [petType], properties: { petType: { type: string, enum: [cat] } } }',
      '    - { type: object, required: [petType], properties: { petType: { type: string, enum: [dog] } } }',
    ].join('\n');
    const refs = "[{ $ref: '#/components/schemas/Holder/anyOf/0' }, { $ref: '#/components/schemas/Holder/anyOf/1' }]";
    const schemas = `${holder}\nPet:\n  oneOf: ${refs}\n  discriminator: { propertyName: petType }`;
    const model = await modelOf({ schemas });
    const text = (name: string): string =>
      typeText(model.models.find((m) => m.name === name)!.type).replace(/\s*\n\s*/g, ' ');
    const [first, second] = text('Pet')
      .split(' | ')
      .filter((member) => member !== '');
    expect(first).not.toContain('&');
    expect(second).not.toContain('&');
    expect(text(first!)).toBe("{ petType: 'cat'; }");
    expect(text(second!)).toBe("{ petType: 'dog'; }");
  });
});

describe('operations', () => {
  const paths = [
    '/orgs/{orgId}/items/{id}:',
    '  parameters:',
    '    - { name: orgId, in: path, required: true, schema: { type: string } }',
    '    - { name: limit, in: query, schema: { type: integer } }',
    '  get:',
    '    parameters:',
    '      - { name: id, in: path, required: true, schema: { type: integer } }',
    '      - { name: limit, in: query, required: true, schema: { type: integer } }',
    '      - { name: id, in: query, schema: { type: string } }',
    '      - { name: body, in: header, schema: { type: string } }',
    '    responses:',
    "      '200': { description: ok }",
    "      '4xx': { description: client error }",
    '      Default: { description: error }',
  ].join('\n');

  it('merges path-item parameters, names the operation from method and path, and keeps argument names unique', async () => {
    const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': specText({ paths }) });
    const operation = model!.operations[0]!;
    expect(operation.operationId).toBe('getOrgsByOrgIdItemsById');
    expect(operation.parameters.map((p) => [p.in, p.name, p.argName, p.required])).toEqual([
      ['path', 'orgId', 'orgId', true],
      ['query', 'limit', 'limit', true],
      ['path', 'id', 'id', true],
      ['query', 'id', 'queryId', false],
      ['header', 'body', 'headerBody', false],
    ]);
    expect(operation.responses.map((r) => r.status)).toEqual(['200', '4XX', 'default']);
    expect(diagnostics.filter((d) => d.code === 'SDK3202')).toHaveLength(2);
  });
});

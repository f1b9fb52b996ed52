import { join } from 'node:path';
import { loadSpecFile } from '../../generator/load/loadSpec';
import { buildModel } from '../../generator/model/buildModel';
import type { SdkModel, TypeNode } from '../../generator/model/types';
import { resolveDocument } from '../../generator/resolve/resolveDocument';
import { specText, writeTempFiles } from '../support/buildFromText';
import { checkFixture } from '../support/fixtureSdk';

function typeOf(model: SdkModel, name: string): TypeNode {
  const named = model.models.find((entry) => entry.name === name);
  if (!named) throw new Error(`no model ${name}`);
  return named.type;
}

describe('allOf, oneOf, anyOf, discriminator and not', () => {
  it('merge allOf into one object where they can, union variants, narrow on discriminators, ignore not', async () => {
    const sdk = await checkFixture('composition');
    try {
      // The fixture's check.ts holds the compile-time assertions (each @ts-expect-error must fail to compile).
      expect(sdk.typeErrors).toEqual([]);
      expect(sdk.diagnostics).toEqual([
        expect.objectContaining({ code: 'SDK3102', severity: 'warning', pointer: '/components/schemas/NotNull/not' }),
      ]);
      const model = sdk.model!;
      // Object members: one interface extending the referenced ones, or one flat object when it re-declares them.
      expect(typeOf(model, 'Dog')).toMatchObject({ kind: 'object', bases: ['Entity', 'Named'] });
      const strict = typeOf(model, 'StrictNamed');
      expect(strict).toMatchObject({ kind: 'object', bases: [] });
      expect(strict.kind === 'object' && strict.properties.map((p) => [p.name, p.required])).toEqual([
        ['name', true],
        ['id', true],
        ['nickname', true],
      ]);
      // A member that is not an object makes an intersection.
      expect(typeOf(model, 'Tagged')).toMatchObject({ kind: 'intersection' });
      expect(typeOf(model, 'Pet')).toMatchObject({ kind: 'union' });
      expect(typeOf(model, 'Id')).toEqual({ kind: 'union', members: [{ kind: 'string' }, { kind: 'number' }] });
      expect(typeOf(model, 'NotNull')).toEqual({ kind: 'string' });
      // anyOf members that only list `required` names: the properties they name, required, as declared.
      const contact = typeOf(model, 'Contact');
      expect(contact.kind === 'intersection' && contact.members[1]).toEqual({
        kind: 'union',
        members: [
          {
            kind: 'object',
            bases: [],
            properties: [expect.objectContaining({ name: 'email', required: true, type: { kind: 'string' } })],
          },
          {
            kind: 'object',
            bases: [],
            properties: [expect.objectContaining({ name: 'phone', required: true, readOnly: true })],
          },
        ],
      });
      // allOf inheritance from a base with a discriminator: the value is the mapping's key, else the schema name.
      const tagOf = (name: string): unknown => {
        const type = typeOf(model, name);
        return type.kind === 'object' && type.properties.find((p) => p.name === 'kind')?.type;
      };
      expect(tagOf('Lion')).toEqual({ kind: 'literal', value: 'big-cat' });
      expect(tagOf('Tiger')).toEqual({ kind: 'literal', value: 'Tiger' });
      expect(typeOf(model, 'Tiger')).toMatchObject({ kind: 'object', bases: ['Animal'] });
      // The base used as a type is AnimalVariant: the union of the schemas that extend it, each tagged with its value.
      const zoo = typeOf(model, 'Zoo');
      expect(zoo.kind === 'object' && zoo.properties[0]!.type).toEqual({
        kind: 'array',
        items: { kind: 'ref', name: 'AnimalVariant' },
      });
      const tagged = (name: string, value: string): unknown => ({
        kind: 'intersection',
        members: [
          expect.objectContaining({
            properties: [expect.objectContaining({ name: 'kind', type: { kind: 'literal', value } })],
          }),
          { kind: 'ref', name },
        ],
      });
      expect(typeOf(model, 'AnimalVariant')).toEqual({
        kind: 'union',
        members: [tagged('Lion', 'big-cat'), tagged('Tiger', 'Tiger')],
      });
      // Its own model stays the object they extend.
      expect(typeOf(model, 'Animal')).toMatchObject({ kind: 'object' });
    } finally {
      sdk.cleanup();
    }
  });
});

describe('a polymorphic base modelled twice from one resolved spec', () => {
  it('gets its Variant model each time', async () => {
    const { folder, cleanup } = writeTempFiles({
      'api.yaml': specText({
        schemas: [
          'Animal:\n  type: object\n  required: [kind]\n  properties: { kind: { type: string } }\n  discriminator: { propertyName: kind }',
          'Lion:\n  allOf: [{ $ref: "#/components/schemas/Animal" }]',
          'Zoo:\n  type: object\n  properties: { star: { $ref: "#/components/schemas/Animal" } }',
        ].join('\n'),
      }),
    });
    try {
      const loaded = await loadSpecFile(join(folder, 'api.yaml'), { cwd: folder });
      const { spec } = await resolveDocument(loaded.source!, { cwd: folder });
      for (const built of [buildModel(spec), buildModel(spec)]) {
        expect(built.model.models.map((model) => model.name)).toContain('AnimalVariant');
      }
    } finally {
      cleanup();
    }
  });
});

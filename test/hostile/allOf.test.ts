import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxAllOfMembers } from '../../generator/model/allOf';
import { buildFromFiles, specText, writeTempFiles } from '../support/buildFromText';
import { generateInto, type GeneratedSdk } from '../support/generateInto';
import { typecheck } from '../support/typecheck';
import type { TypeNode } from '../../generator/model/types';

/** Generates an SDK from component schemas written as YAML lines; the caller cleans up. */
async function generateSchemas(schemas: readonly string[]): Promise<GeneratedSdk> {
  const { folder, cleanup } = writeTempFiles({ 'openapi.yaml': specText({ schemas: schemas.join('\n') }) });
  try {
    return await generateInto({ specPath: join(folder, 'openapi.yaml'), cwd: folder });
  } finally {
    cleanup();
  }
}

/** `A0` extends `A1` ... extends `A<length>`, each adding one property. */
function chain(length: number): string[] {
  const schemas = Array.from(
    { length },
    (_, i) =>
      `A${i}: { allOf: [{ $ref: '#/components/schemas/A${i + 1}' }, { type: object, properties: { p${i}: { type: string } } }] }`,
  );
  return [...schemas, `A${length}: { type: object, required: [last], properties: { last: { type: string } } }`];
}

function propertyNames(sdk: GeneratedSdk, name: string): string[] {
  const type = sdk.model!.models.find((named) => named.name === name)!.type;
  return type.kind === 'object' ? type.properties.map((property) => property.name) : [];
}

function propertyType(sdk: GeneratedSdk, name: string, property: string): TypeNode | undefined {
  const type = sdk.model!.models.find((named) => named.name === name)!.type;
  return type.kind === 'object' ? type.properties.find((entry) => entry.name === property)?.type : undefined;
}

describe('allOf chains', () => {
  it('a chain thousands of schemas long is modelled without a stack overflow: merged up to a limit, then intersections', async () => {
    const length = 2000;
    const { model, diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({ schemas: chain(length).join('\n') }),
    });
    const deep = diagnostics.filter((diagnostic) => diagnostic.code === 'SDK3107');
    expect(deep.length).toBeGreaterThan(length - maxAllOfMembers);
    expect(deep.length).toBeLessThan(length);
    // The schemas that reach past the limit, each with a warning, are the first ones of the chain.
    expect(deep.map((diagnostic) => [diagnostic.severity, diagnostic.pointer])).toEqual(
      deep.map((_, i) => ['warning', `/components/schemas/A${i}`]),
    );
    expect(diagnostics.filter((diagnostic) => diagnostic.code !== 'SDK3107')).toEqual([]);
    expect(model!.models.find((named) => named.name === 'A0')!.type.kind).toBe('intersection');
    expect(model!.models.find((named) => named.name === `A${length - 1}`)!.type).toMatchObject({
      kind: 'object',
      bases: [`A${length}`],
    });
  });

  it('an SDK with a chain longer than the limit compiles', async () => {
    const sdk = await generateSchemas(chain(150));
    try {
      expect(sdk.diagnostics.some((diagnostic) => diagnostic.code === 'SDK3107')).toBe(true);
      expect(typecheck(sdk.folder!, [join(sdk.folder!, 'index.ts')]).errors).toEqual([]);
    } finally {
      sdk.cleanup();
    }
  });

  it('a cycle of allOfs is merged into one object per schema, with a warning, and compiles', async () => {
    const sdk = await generateSchemas([
      "C1: { allOf: [{ $ref: '#/components/schemas/C2' }, { type: object, required: [a], properties: { a: { type: string } } }] }",
      "C2: { allOf: [{ $ref: '#/components/schemas/C1' }, { type: object, properties: { b: { type: number } } }] }",
      "Self: { allOf: [{ $ref: '#/components/schemas/Self' }] }",
      "Child: { allOf: [{ $ref: '#/components/schemas/C1' }, { type: object, properties: { c: { type: boolean } } }] }",
    ]);
    try {
      expect(sdk.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([
        ['SDK3108', '/components/schemas/C1'],
        ['SDK3108', '/components/schemas/C2'],
        ['SDK3108', '/components/schemas/Self'],
      ]);
      expect(propertyNames(sdk, 'C1').sort()).toEqual(['a', 'b']);
      expect(propertyNames(sdk, 'C2').sort()).toEqual(['a', 'b']);
      expect(sdk.model!.models.find((named) => named.name === 'Child')!.type).toMatchObject({ bases: ['C1'] });
      expect(typecheck(sdk.folder!, [join(sdk.folder!, 'index.ts')]).errors).toEqual([]);
    } finally {
      sdk.cleanup();
    }
  });

  it('a property that is an allOf of its own schema, which cannot be extended, is that schema, and merging it ends', async () => {
    const sdk = await generateSchemas([
      // A description beside a reference to the schema that holds it (`additionalProperties: false` forbids `extends`).
      "Event: { type: object, additionalProperties: false, properties: { name: { type: string }, template: { allOf: [{ $ref: '#/components/schemas/Event' }], description: The template } } }",
      // A member that adds a property: the merged object lists `next` again, as the intersection of the members.
      "Node: { type: object, additionalProperties: false, properties: { value: { type: string }, next: { allOf: [{ $ref: '#/components/schemas/Node' }, { type: object, properties: { depth: { type: integer } } }] } } }",
      'Mappings: { type: object, additionalProperties: { type: string } }',
      "Holder: { type: object, properties: { mappings: { allOf: [{ $ref: '#/components/schemas/Mappings' }], description: From role to role } } }",
    ]);
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(propertyType(sdk, 'Event', 'template')).toEqual({ kind: 'ref', name: 'Event' });
      expect(propertyType(sdk, 'Holder', 'mappings')).toEqual({ kind: 'ref', name: 'Mappings' });
      const next = propertyType(sdk, 'Node', 'next');
      expect(next).toMatchObject({ kind: 'object', bases: [] });
      expect(next?.kind === 'object' && next.properties.map((property) => property.name)).toEqual([
        'value',
        'next',
        'depth',
      ]);
      expect(next?.kind === 'object' && next.properties[1]!.type).toMatchObject({
        kind: 'intersection',
        members: [{ kind: 'ref', name: 'Node' }, { kind: 'object' }],
      });
      writeFileSync(
        join(sdk.folder!, 'check.ts'),
        [
          "import type { Event, Holder, Node } from './index.js';",
          "export const event: Event = { name: 'a', template: { name: 'b', template: { name: 'c' } } };",
          "export const holder: Holder = { mappings: { admin: 'member' } };",
          "export const node: Node = { value: 'a', next: { value: 'b', depth: 1, next: { value: 'c', depth: 2 } } };",
          '// @ts-expect-error a mapping maps to a role name',
          'export const wrong: Holder = { mappings: { admin: 1 } };',
        ].join('\n'),
      );
      expect(typecheck(sdk.folder!, [join(sdk.folder!, 'check.ts')]).errors).toEqual([]);
    } finally {
      sdk.cleanup();
    }
  });
});

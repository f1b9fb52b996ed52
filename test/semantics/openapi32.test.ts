import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeText } from '../../generator/emit/typeSyntax';
import { checkFixture } from '../support/fixtureSdk';

describe('OpenAPI 3.2 documents', () => {
  it('generate without a warning; $self, tag parents, server names and new security fields change no code', async () => {
    const sdk = await checkFixture('openapi32');
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const model = sdk.model!;
      // The default mapping's member is untagged: it stands for a missing or unmapped kind.
      const pet = model.models.find((named) => named.name === 'Pet')!;
      expect(typeText(pet.type).replace(/\s*\n\s*/g, ' ')).toBe(
        "| ({ kind: 'cat'; } & Cat) | ({ kind: 'dog'; } & Dog) | UnknownPet",
      );
      // Parameters, bodies and responses read through $refs to components/mediaTypes.
      const list = model.operations.find((operation) => operation.operationId === 'listPets')!;
      expect(list.parameters.map((p) => [p.name, p.mediaType, typeText(p.type).replace(/\s*\n\s*/g, ' ')])).toEqual([
        ['filter', 'application/json', '{ name?: string; }'],
      ]);
      const add = model.operations.find((operation) => operation.operationId === 'addPet')!;
      expect(add.requestBody?.contents.map((content) => [content.mediaType, typeText(content.type)])).toEqual([
        ['application/json', 'Pet'],
      ]);
      expect(add.responses[0]!.contents.map((content) => typeText(content.type))).toEqual(['Pet']);
      // Operations are filed by their own tag, whatever its parent.
      expect(model.operations.map((operation) => [operation.operationId, operation.group])).toEqual([
        ['listPets', 'cats'],
        ['addPet', 'pets'],
      ]);
      // A deprecated security scheme is marked so where the user passes its credential.
      const client = readFileSync(join(sdk.folder!, 'client.ts'), 'utf8');
      expect(client).toMatch(
        /Keys made before 2026\.\n\s*\*\n\s*\* API key, sent as given in the header `X-Key`\.\n\s*\*\n\s*\* @deprecated\n\s*\*\/\n\s*readonly legacyKey\?: Credential;/,
      );
      expect(client).not.toMatch(/@deprecated\n\s*\*\/\n\s*readonly token/);
    } finally {
      sdk.cleanup();
    }
  });
});

import { checkFixture } from '../support/fixtureSdk';

describe('readOnly and writeOnly properties', () => {
  it('leave read-only properties out of request types and write-only ones out of response types', async () => {
    const sdk = await checkFixture('read-write-only');
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const models = sdk.model!.models;
      // Only models that requests send and that have such properties (or contain such models) get an input form.
      expect(models.map((named) => named.name).sort()).toEqual([
        'Audit',
        'Owner',
        'OwnerInput',
        'Pet',
        'PetInput',
        'Tag',
      ]);
      const propertiesOf = (name: string): string[] => {
        const type = models.find((named) => named.name === name)!.type;
        return type.kind === 'object' ? type.properties.map((property) => property.name) : [];
      };
      expect(propertiesOf('Pet')).toEqual(['id', 'name', 'owner', 'tags']);
      expect(propertiesOf('PetInput')).toEqual(['name', 'password', 'owner', 'tags']);
      expect(propertiesOf('OwnerInput')).toEqual(['name']);
    } finally {
      sdk.cleanup();
    }
  });
});

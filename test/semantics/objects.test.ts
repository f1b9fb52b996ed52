import { join } from 'node:path';
import { typeText } from '../../generator/emit/typeSyntax';
import type { SdkModel } from '../../generator/model/types';
import { checkFixture } from '../support/fixtureSdk';
import { startRecordingServer } from '../support/recordingServer';

function additionalOf(model: SdkModel, name: string): string | undefined {
  const type = model.models.find((named) => named.name === name)!.type;
  if (type.kind !== 'object') throw new Error(`${name} is not an object`);
  return type.additionalProperties && typeText(type.additionalProperties);
}

describe('objects', () => {
  it('type additionalProperties and patternProperties, quote property names and keep their wire names', async () => {
    const sdk = await checkFixture('objects');
    const server = await startRecordingServer();
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const model = sdk.model!;
      expect(additionalOf(model, 'Open')).toBe('unknown');
      expect(additionalOf(model, 'Closed')).toBeUndefined();
      expect(additionalOf(model, 'Counts')).toBe('number');
      expect(additionalOf(model, 'CountsWithTotal')).toBe('number');
      expect(additionalOf(model, 'Labels')).toBe('string | number');
      const entry = model.models.find((named) => named.name === 'Entry')!.type;
      const names = entry.kind === 'object' ? entry.properties.map((property) => property.name) : [];
      expect(names.sort()).toEqual(
        ['content-type', '@id', '0', 'with space', "it's", '$ref', 'constructor', '__proto__', 'ünïcode'].sort(),
      );

      // The body goes on the wire under the spec's names, `__proto__` included.
      server.reply({ body: '{"@id":"r1","content-type":"x"}', headers: { 'content-type': 'application/json' } });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require(join(sdk.folder!, 'index.ts')) as {
        createClient: (options: { baseUrl: string }) => {
          createRecord: (args: { body: Record<string, unknown> }) => Promise<Record<string, unknown>>;
        };
      };
      const body = JSON.parse('{"content-type":"a","@id":"b","0":1,"with space":true,"it\'s":"c","__proto__":"p"}');
      const stored = await createClient({ baseUrl: server.url }).createRecord({ body });
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual(body);
      expect(Object.keys(JSON.parse(server.requests[0]!.body.toString()))).toContain('__proto__');
      expect(stored['@id']).toBe('r1');
    } finally {
      await server.stop();
      sdk.cleanup();
    }
  });
});

describe('required names that properties does not declare', () => {
  it('are required properties (of the additionalProperties type, else unknown), reported once per schema', async () => {
    const sdk = await checkFixture('undeclared-required');
    try {
      expect(sdk.typeErrors).toEqual([]);
      expect(sdk.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([
        ['SDK3109', '/components/schemas/OrganizationEdit/required'],
        ['SDK3109', '/components/schemas/Counters/required'],
      ]);
      expect(sdk.diagnostics[0]!.message).toContain('"plan"');
    } finally {
      sdk.cleanup();
    }
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { generateInto } from '../support/generateInto';
import { typecheck } from '../support/typecheck';
import { readmeExamples } from './support/readmeExamples';

/**
 * A body sent as is (XML, octet-stream) takes bytes or text whatever its schema describes: the README's example of
 * the call passes bytes, not an object of the schema's properties, so that it compiles.
 */
const spec = `openapi: 3.0.3
info: { title: Raw bodies, version: 1.0.0 }
paths:
  /notes:
    post:
      operationId: createNote
      tags: [notes]
      requestBody:
        required: true
        content:
          application/xml:
            schema: { type: object, required: [text], properties: { text: { type: string } } }
      responses: { '204': { description: created } }
  /blobs:
    put:
      operationId: putBlob
      tags: [blobs]
      requestBody:
        content:
          application/octet-stream:
            schema: { type: object }
      responses: { '204': { description: stored } }
`;

describe('README examples of bodies sent as is', () => {
  it('pass bytes for a raw body with an object schema, and compile', async () => {
    const { folder: specFolder, cleanup: removeSpec } = writeTempFiles({ 'openapi.yaml': spec });
    const sdk = await generateInto({ specPath: join(specFolder, 'openapi.yaml'), cwd: specFolder });
    try {
      const folder = sdk.folder!;
      const examples = readmeExamples(readFileSync(join(folder, 'README.md'), 'utf8'));
      const calls = examples.filter((code) => /(createNote|putBlob)\(/.test(code));
      expect(calls.length).toBeGreaterThanOrEqual(2);
      for (const call of calls) expect(call).toContain("body: new Blob(['file contents'])");
      const files = calls.map((code, index) => {
        const file = join(folder, `readme-${index}.ts`);
        writeFileSync(file, `${code.replaceAll("from 'raw-bodies'", "from './index.js'")}\nexport {};\n`);
        return file;
      });
      expect(typecheck(folder, [join(folder, 'index.ts'), ...files]).errors).toEqual([]);
    } finally {
      sdk.cleanup();
      removeSpec();
    }
  }, 60_000);
});

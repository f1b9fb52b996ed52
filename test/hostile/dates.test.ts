import { join, relative } from 'node:path';
import { generateSdk } from '../../generator/pipeline';
import { writeTempFiles } from '../support/buildFromText';
import { compileSdks, writeSdk } from '../support/compileSdk';
import { probeSdk } from '../support/probeSdk';
import { projectRoot } from '../support/runCli';

const specPath = join(__dirname, 'fixtures', 'dates', 'openapi.yaml');
const tag = "k'}); globalThis.pwned = 1; ({";

describe("with dates: 'Date', property names and tag values taken from a hostile spec", () => {
  it('are escaped in the plans of where dates are, which compile and revive exactly those properties', async () => {
    const { folder, cleanup } = writeTempFiles({});
    try {
      const generated = await generateSdk({
        specPath: relative(projectRoot, specPath),
        cwd: projectRoot,
        options: { dates: 'Date' },
      });
      expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // `constructor` and `toString` are members of `Object`: without care, their plans would not compile.
      expect(compileSdks(writeSdk(folder, generated.files!)).errors).toEqual([]);
      const body = {
        [tag]: "*/ '); globalThis.pwned = 2; //",
        constructor: '2024-01-01T00:00:00Z',
        toString: ['2024-01-03T00:00:00Z'],
        'a\u2028b': '2024-01-02T00:00:00Z',
        '`${x}`': '2024-01-04T00:00:00Z',
      };
      const probe = await probeSdk(
        folder,
        `
        const client = sdk.createClient({
          baseUrl: 'http://127.0.0.1:9',
          fetch: async () => new Response(${JSON.stringify(JSON.stringify(body))}, { headers: { 'content-type': 'application/json' } }),
        });
        const data = await client.getX();
        return Object.entries(data).map(([key, value]) => [key, value instanceof Date || (Array.isArray(value) && value[0] instanceof Date)]);
        `,
      );
      expect(probe.after).toEqual(probe.before);
      expect(probe.after.pwned).toBeNull();
      // The first member's dates, picked by its tag value; the other member's `\`${x}\`` is not one of them.
      expect(probe.result).toEqual([
        [tag, false],
        ['constructor', true],
        ['toString', true],
        ['a\u2028b', true],
        ['`${x}`', false],
      ]);
    } finally {
      cleanup();
    }
  }, 60_000);
});

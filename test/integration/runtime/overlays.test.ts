import { join } from 'node:path';
import { checkFixture, type CheckedFixture } from '../../support/fixtureSdk';
import { startRecordingServer, type RecordingServer } from '../../support/recordingServer';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; its check.ts types it. */
describe('an SDK generated through an overlay (test/fixtures/overlays)', () => {
  let sdk: CheckedFixture;
  let server: RecordingServer;

  beforeAll(async () => {
    sdk = await checkFixture('overlays', { options: { overlays: ['overlays/fixes.yaml'] } });
    server = await startRecordingServer({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'p1', name: 'Rex', tag: null }),
    });
  });
  afterAll(async () => {
    await server.stop();
    sdk.cleanup();
  });

  it('compiles under --strict with the types the overlay fixed (check.ts)', () => {
    expect(sdk.diagnostics).toEqual([]);
    expect(sdk.typeErrors).toEqual([]);
  });

  it('calls the renamed operation over HTTP and hands over the null the spec now allows', async () => {
    const { createClient } = require(join(sdk.folder!, 'index.ts')) as any;
    const pet = await createClient({ baseUrl: server.url }).getPet({ id: 'p1' });
    expect(pet).toEqual({ id: 'p1', name: 'Rex', tag: null });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /pets/p1']);
  });
});

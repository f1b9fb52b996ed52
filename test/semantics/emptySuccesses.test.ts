import { join } from 'node:path';
import { diffModels } from '../../generator/diff/diffModels';
import type { SdkModel } from '../../generator/model/types';
import { buildFromFiles } from '../support/buildFromText';
import { checkFixture } from '../support/fixtureSdk';
import { startRecordingServer } from '../support/recordingServer';

describe('a success the spec documents without a body, beside one with a body', () => {
  it('adds `undefined` to what the call resolves to, as the call does on that status', async () => {
    const sdk = await checkFixture('empty-successes');
    const server = await startRecordingServer();
    try {
      // check.ts: reading the body of a call that may get a 204 does not compile without a check.
      expect(sdk.typeErrors).toEqual([]);
      // In the order of the methods' fixed fields: `delete` before `head`.
      expect(sdk.diagnostics).toEqual([
        expect.objectContaining({
          code: 'SDK3232',
          severity: 'warning',
          pointer: '/paths/~1channels~1{channelId}~1pins/delete/responses/204/content',
          position: { line: 73, column: 11 },
          message: expect.stringMatching(/^A 204 response has no body/),
        }),
        expect.objectContaining({
          code: 'SDK3232',
          severity: 'warning',
          pointer: '/paths/~1channels~1{channelId}~1pins/head/responses/200/content',
          position: { line: 62, column: 11 },
          message: expect.stringMatching(/^A response to HEAD has no body/),
        }),
      ]);
      const operations = sdk.files!.find((file) => file.path === 'operations/default.ts')!.content;
      expect(operations).toContain('export type AddRecipientResponse = Channel | undefined;');
      expect(operations).toMatch(/export function addRecipient\([^)]*\): ApiPromise<Channel \| undefined> \{/);
      // One body, or none at all, is as before.
      expect(operations).toMatch(/export function getChannel\([^)]*\): ApiPromise<Channel> \{/);
      expect(operations).toMatch(/export function removeRecipient\([^)]*\): ApiPromise<void> \{/);
      // A 204 or HEAD the spec gives a body: the call resolves to nothing, as `fetch` gives it nothing.
      expect(operations).toMatch(/export function unpinAll\([^)]*\): ApiPromise<void> \{/);
      expect(operations).toMatch(/export function checkPins\([^)]*\): ApiPromise<void> \{/);
      // An inline body: its alias holds the union, and the signature names the alias.
      expect(operations).toMatch(
        /export type StartTypingResponse =\s+\|?\s*\{\s+seconds: number;\s+\}\s+\| undefined;/,
      );
      expect(operations).toMatch(/export function startTyping\([^)]*\): ApiPromise<StartTypingResponse> \{/);
      const readme = sdk.files!.find((file) => file.path === 'README.md')!.content;
      expect(readme).toContain('`Channel | undefined`');

      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require(join(sdk.folder!, 'index.ts')) as {
        createClient: (options: { baseUrl: string }) => {
          addRecipient: (args: Record<string, unknown>) => Promise<unknown>;
        };
      };
      const client = createClient({ baseUrl: server.url });
      server.reply({ status: 201, body: '{"id":"c"}', headers: { 'content-type': 'application/json' } });
      await expect(client.addRecipient({ channelId: 'c', userId: 'u' })).resolves.toEqual({ id: 'c' });
      server.reply({ status: 204 });
      await expect(client.addRecipient({ channelId: 'c', userId: 'u' })).resolves.toBeUndefined();
    } finally {
      await server.stop();
      sdk.cleanup();
    }
  });

  it('is a breaking change to `sdkgen diff` when it is new: code that reads the body must now check for it', async () => {
    const modelOf = async (responses: string): Promise<SdkModel> => {
      const text = [
        'openapi: 3.0.3',
        'info: { title: Diff, version: 1.0.0 }',
        'paths:',
        `  /items: { put: { operationId: putItem, responses: { ${responses} } } }`,
      ].join('\n');
      const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': text });
      expect(diagnostics).toEqual([]);
      return model!;
    };
    const body = "'200': { description: ok, content: { application/json: { schema: { type: string } } } }";
    const [withBody, withNoContent, withAccepted] = await Promise.all([
      modelOf(body),
      modelOf(`${body}, '204': { description: unchanged }`),
      modelOf(`${body}, '204': { description: unchanged }, '202': { description: later }`),
    ]);
    const noBody = await modelOf("'204': { description: done }");
    const changes = (before: SdkModel, after: SdkModel) =>
      diffModels(before, after).changes.map(({ severity, kind, message }) => [severity, kind, message]);
    expect(changes(withBody, withNoContent)).toEqual([
      ['breaking', 'response-added', 'new success response 204: the result type widened'],
    ]);
    // `undefined` was already a result: another status without a body adds nothing.
    expect(changes(withNoContent, withAccepted)).toEqual([['non-breaking', 'response-added', 'response 202 added']]);
    // A status without a body where no success has one: the call still resolves to nothing.
    expect(changes(noBody, await modelOf("'204': { description: done }, '202': { description: later }"))).toEqual([
      ['non-breaking', 'response-added', 'response 202 added'],
    ]);
  });
});

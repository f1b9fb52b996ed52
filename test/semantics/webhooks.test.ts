import { join } from 'node:path';
import { checkFixture, fixturesFolder } from '../support/fixtureSdk';
import { generateInto } from '../support/generateInto';
import { typecheck } from '../support/typecheck';

describe('webhooks and callbacks', () => {
  it('export the type of each body the API sends, and no function', async () => {
    const sdk = await checkFixture('webhooks');
    try {
      expect(sdk.diagnostics).toEqual([]);
      expect(sdk.typeErrors).toEqual([]);
      const model = sdk.model!;
      expect(model.operations.map((operation) => operation.operationId)).toEqual(['subscribe']);
      expect(
        model.webhooks.map((webhook) => [webhook.kind, webhook.name, webhook.method, webhook.payload ?? null]),
      ).toEqual([
        ['webhook', 'newPet', 'POST', 'NewPetWebhook'],
        ['webhook', 'session.user_joined', 'POST', 'SessionUserJoinedWebhook'],
        ['webhook', 'inventory', 'PUT', 'InventoryPutWebhook'],
        ['webhook', 'inventory', 'DELETE', null],
        ['callback', 'onEvent', 'POST', 'SubscribeOnEventCallback'],
        ['callback', 'onCancel', 'POST', 'SubscribeOnCancelCallback'],
      ]);
      expect(model.webhooks.filter((webhook) => webhook.kind === 'callback').map((w) => w.expression)).toEqual([
        '{$request.body#/url}',
        '{$request.body#/url}/cancelled',
      ]);
      expect(model.models.find((named) => named.name === 'NewPetWebhook')!.type).toEqual({ kind: 'ref', name: 'Pet' });
      const readme = sdk.files!.find((file) => file.path === 'README.md')!.content;
      expect(readme).toContain('| `session.user_joined` | webhook | `POST` | `SessionUserJoinedWebhook` |');
      expect(readme).toContain('| `subscribe onCancel` | callback | `POST` | `SubscribeOnCancelCallback` |');
    } finally {
      sdk.cleanup();
    }
  });

  it('callbacks of an operation left out by the config go with it', async () => {
    const sdk = await generateInto({
      specPath: join(fixturesFolder, 'webhooks', 'openapi.yaml'),
      cwd: fixturesFolder,
      options: { exclude: { operationIds: ['subscribe'] } },
    });
    try {
      expect(typecheck(sdk.folder!, [join(sdk.folder!, 'index.ts')]).errors).toEqual([]);
      expect(sdk.model!.webhooks.map((webhook) => webhook.payload)).toEqual([
        'NewPetWebhook',
        'SessionUserJoinedWebhook',
        'InventoryPutWebhook',
        undefined,
      ]);
      expect(sdk.model!.models.map((named) => named.name).sort()).toEqual([
        'InventoryPutWebhook',
        'NewPetWebhook',
        'Pet',
        'SessionUserJoinedWebhook',
      ]);
    } finally {
      sdk.cleanup();
    }
  });
});

// TypeScript compiled to CommonJS, moduleResolution node16: resolves the package's `require` condition.
import { ApiError, createBaseClient, createContainerRegistry, isApiErrorOf } from 'qovery-api';
import type { ContainerRegistryResponse, CreateContainerRegistryArgs } from 'qovery-api';

export async function main(baseUrl: string): Promise<unknown> {
  const client = createBaseClient({ baseUrl, auth: { ApiKeyAuth: async () => 'Token cjs-node16' } });
  const registry: ContainerRegistryResponse = await createContainerRegistry(client, {
    organizationId: 'org-cjs-node16',
    body: { name: 'hub', kind: 'DOCKER_HUB', config: { username: 'me', password: 'secret' } },
  });
  // @ts-expect-error organizationId is required
  const invalid: CreateContainerRegistryArgs = {};
  void invalid;
  try {
    await createContainerRegistry(client, { organizationId: 'missing', body: { name: 'n', kind: 'ECR', config: {} } });
    return { unexpected: 'no error' };
  } catch (error) {
    const status = isApiErrorOf(error, 'createContainerRegistry') ? error.status : undefined;
    return { id: registry.id, name: registry.name, status, apiError: error instanceof ApiError };
  }
}

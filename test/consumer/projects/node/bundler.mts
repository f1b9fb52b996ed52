// TypeScript for a bundler (moduleResolution bundler) in a browser project: DOM library, no @types/node.
import { ApiError, createClient, isApiErrorOf, type ContainerRegistryResponse } from 'qovery-api';

export async function main(baseUrl: string): Promise<unknown> {
  const client = createClient({ baseUrl, auth: { bearerAuth: () => 'jwt-bundler' } });
  const registry: ContainerRegistryResponse = await client.createContainerRegistry({
    organizationId: 'org-bundler',
    body: { name: 'hub', kind: 'DOCKER_HUB', config: { username: 'me', password: 'secret' } },
  });
  // @ts-expect-error the response has no such property
  void registry.noSuchProperty;
  try {
    await client.createContainerRegistry({ organizationId: 'missing', body: { name: 'n', kind: 'ECR', config: {} } });
    return { unexpected: 'no error' };
  } catch (error) {
    const status = isApiErrorOf(error, 'createContainerRegistry') ? error.status : undefined;
    return { id: registry.id, name: registry.name, status, apiError: error instanceof ApiError };
  }
}

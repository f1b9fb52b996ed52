// TypeScript, ESM, moduleResolution node16: resolves the package's `import` condition.
import {
  ApiError,
  createClient,
  isApiErrorOf,
  type ContainerRegistryKindEnum,
  type ContainerRegistryResponse,
} from 'qovery-api';

export async function main(baseUrl: string): Promise<unknown> {
  const client = createClient({ baseUrl, auth: { bearerAuth: 'jwt-esm-node16' } });
  const registry: ContainerRegistryResponse = await client.createContainerRegistry({
    organizationId: 'org-esm-node16',
    body: { name: 'hub', kind: 'DOCKER_HUB', config: { username: 'me', password: 'secret' } },
  });
  // The types are real, not `any`: an unknown registry kind does not compile.
  // @ts-expect-error 'NOT_A_KIND' is not a ContainerRegistryKindEnum
  const kind: ContainerRegistryKindEnum = 'NOT_A_KIND';
  void kind;
  try {
    await client.createContainerRegistry({ organizationId: 'missing', body: { name: 'n', kind: 'ECR', config: {} } });
    return { unexpected: 'no error' };
  } catch (error) {
    const status = isApiErrorOf(error, 'createContainerRegistry') ? error.status : undefined;
    return { id: registry.id, name: registry.name, status, apiError: error instanceof ApiError };
  }
}

// Plain JavaScript, ESM: `import` from the package name.
import { ApiError, createClient, isApiErrorOf } from 'qovery-api';

export async function main(baseUrl) {
  const client = createClient({ baseUrl, auth: { bearerAuth: 'jwt-plain-esm' } });
  const registry = await client.createContainerRegistry({
    organizationId: 'org-plain-esm',
    body: { name: 'hub', kind: 'DOCKER_HUB', config: { username: 'me', password: 'secret' } },
  });
  try {
    await client.createContainerRegistry({ organizationId: 'missing', body: { name: 'n', kind: 'ECR', config: {} } });
    return { unexpected: 'no error' };
  } catch (error) {
    const status = isApiErrorOf(error, 'createContainerRegistry') ? error.status : undefined;
    return {
      id: registry.id,
      name: registry.name,
      status,
      apiError: error instanceof ApiError,
      resolved: import.meta.resolve('qovery-api'),
    };
  }
}

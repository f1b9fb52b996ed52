/**
 * Type tests of the committed Qovery SDK, checked by `npm run typecheck`
 * (tsc --strict with exactOptionalPropertyTypes and noUncheckedIndexedAccess).
 * Each `@ts-expect-error` fails the build if the line below it compiles.
 */
import {
  ApiError,
  createBaseClient,
  createClient,
  createContainerRegistry,
  isApiErrorOf,
  type ContainerRegistryKindEnum,
  type ContainerRegistryResponse,
} from '../../generated/qovery/index.js';

export async function typeTests(): Promise<void> {
  const client = createClient({ auth: { bearerAuth: 'jwt' } });
  createClient({ auth: { ApiKeyAuth: 'Token x' } });
  createClient({
    auth: { ApiKeyAuth: () => 'Token x', bearerAuth: async () => 'jwt' },
    baseUrl: 'http://127.0.0.1',
    headers: { 'x-a': 'b' },
  });
  // @ts-expect-error only the spec's security schemes are accepted
  createClient({ auth: { basicAuth: 'user:password' } });

  const body = { name: 'registry', kind: 'ECR', config: { region: 'eu-west-3' } } as const;
  const created: ContainerRegistryResponse = await client.createContainerRegistry({ organizationId: 'org', body });
  const id: string = created.id;
  const createdAt: string = created.created_at;
  const updatedAt: string | undefined = created.updated_at;
  const kind: ContainerRegistryKindEnum | undefined = created.kind;
  void [id, createdAt, updatedAt, kind];
  // @ts-expect-error read-only properties are set by the server
  created.id = 'other';

  await createContainerRegistry(createBaseClient(), { organizationId: 'org', body });
  await createContainerRegistry(client, { organizationId: 'org', body }, { signal: AbortSignal.timeout(1000) });

  // @ts-expect-error a kind that is not in ContainerRegistryKindEnum
  await client.createContainerRegistry({ organizationId: 'org', body: { ...body, kind: 'QUAY' } });
  // @ts-expect-error organizationId is required
  await client.createContainerRegistry({ body });
  // @ts-expect-error name is required in the request body
  await createContainerRegistry(client, { organizationId: 'org', body: { kind: 'ECR', config: {} } });
  // @ts-expect-error organizationId is a string
  await client.createContainerRegistry({ organizationId: 42, body });

  try {
    await client.createContainerRegistry({ organizationId: 'org', body });
  } catch (error) {
    if (isApiErrorOf(error, 'createContainerRegistry')) {
      const status: 400 | 401 | 403 | 404 = error.status;
      void status;
      // @ts-expect-error 500 is not a documented status of this operation
      if (error.status === 500) return;
    }
    if (error instanceof ApiError) void error.requestId;
    // @ts-expect-error only operations of the spec have documented errors
    isApiErrorOf(error, 'deleteEverything');
  }
}

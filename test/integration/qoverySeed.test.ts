import { join } from 'node:path';
import {
  ApiError,
  ContainerRegistryKindEnumValues,
  createBaseClient,
  createClient,
  createContainerRegistry,
  isApiErrorOf,
  type ContainerRegistryRequest,
  type ContainerRegistryResponse,
} from '../../generated/qovery/index';
import { startPrism, type MockServer } from '../support/prism';

/**
 * The committed Qovery SDK against Prism serving spec/openapi.yaml with
 * `--errors`: Prism validates each request (path, body, auth) against the spec.
 */
describe('generated Qovery client against the Prism mock server', () => {
  let prism: MockServer;
  const violations: string[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const violation = response.headers.get('sl-violations');
    if (violation) violations.push(violation);
    return response;
  };
  const organizationId = '7c5e1fd0-5c6d-4b23-b5a4-0a1c4e1b7f55';
  const body: ContainerRegistryRequest = {
    name: 'registry',
    kind: 'DOCKER_HUB',
    config: { username: 'me', password: 'secret' },
  };

  beforeAll(async () => {
    prism = await startPrism(join(__dirname, '..', '..', 'spec', 'openapi.yaml'), { errors: true });
  });
  afterAll(async () => {
    await prism?.stop();
  });
  beforeEach(() => {
    violations.length = 0;
  });

  function expectRegistry(registry: ContainerRegistryResponse): void {
    expect(typeof registry.id).toBe('string');
    expect(typeof registry.created_at).toBe('string');
    expect(ContainerRegistryKindEnumValues).toContain(registry.kind);
    expect(typeof registry.cluster?.name).toBe('string');
  }

  it('creates a registry with a bearer token (201)', async () => {
    const client = createClient({ baseUrl: prism.url, fetch: recordingFetch, auth: { bearerAuth: 'jwt-token' } });
    expectRegistry(await client.createContainerRegistry({ organizationId, body }));
    expect(violations).toEqual([]);
  });

  it('creates a registry with an API token, from an async provider, through the standalone function', async () => {
    let calls = 0;
    const client = createBaseClient({
      baseUrl: prism.url,
      fetch: recordingFetch,
      auth: { ApiKeyAuth: async () => `Token api-token-${++calls}` },
    });
    expectRegistry(await createContainerRegistry(client, { organizationId, body }));
    expectRegistry(await createContainerRegistry(client, { organizationId, body }));
    expect(calls).toBe(2);
    expect(violations).toEqual([]);
  });

  it('surfaces a request the server rejects as a typed ApiError', async () => {
    const client = createClient({ baseUrl: prism.url, fetch: recordingFetch, auth: { bearerAuth: 'jwt-token' } });
    const invalid = { ...body, kind: 'NOT_A_KIND' } as unknown as ContainerRegistryRequest;
    const error: unknown = await client
      .createContainerRegistry({ organizationId, body: invalid })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiErrorOf(error, 'createContainerRegistry')).toBe(true);
    if (!isApiErrorOf(error, 'createContainerRegistry')) return;
    expect(error.status).toBe(400);
    expect(error.headers.get('sl-violations')).toContain('kind');
    expect(error.message).toContain('createContainerRegistry failed with status 400');
  });

  it('surfaces a missing credential as a 401 ApiError that leaks no secret', async () => {
    const client = createClient({ baseUrl: prism.url, fetch: recordingFetch });
    const error = await client.createContainerRegistry({ organizationId, body }).catch((e: unknown) => e);
    expect(isApiErrorOf(error, 'createContainerRegistry') && error.status).toBe(401);
    const withSecret = createClient({ baseUrl: prism.url, auth: { bearerAuth: 'super-secret-token' } });
    const rejected = await withSecret
      .createContainerRegistry({ organizationId: 'not-a-uuid', body })
      .catch((e: unknown) => e as ApiError);
    expect(rejected).toBeInstanceOf(ApiError);
    expect(`${String(rejected)} ${JSON.stringify(rejected)} ${(rejected as ApiError).stack}`).not.toContain(
      'super-secret-token',
    );
  });
});

// Plain JavaScript, CommonJS: `require` of the package name.
const { ApiError, createClient, isApiErrorOf } = require('qovery-api');

exports.main = async function main(baseUrl) {
  const client = createClient({ baseUrl, auth: { ApiKeyAuth: 'Token plain-cjs' } });
  const registry = await client.createContainerRegistry({
    organizationId: 'org-plain-cjs',
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
      resolved: require.resolve('qovery-api'),
    };
  }
};

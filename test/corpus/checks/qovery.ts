// Compile-time checks of the whole Qovery SDK, copied next to it and type-checked by the corpus test.
import {
  createClient,
  type AgenticWorkflowModelRequest,
  type AgenticWorkflowModelRequestInput,
  type ClusterDnsProviderResponseProvider,
  type Environment,
} from './index.js';

/** `oneOf` with a `discriminator` (and a mapping): a switch on `provider` narrows to one member. */
export function describeProvider(dns: ClusterDnsProviderResponseProvider): string {
  switch (dns.provider) {
    case 'CLOUDFLARE':
      return `${dns.domain} via Cloudflare as ${dns.email}, proxied: ${dns.proxied}`;
    case 'ROUTE53':
      return `${dns.domain} in ${dns.aws_region}`;
    case 'QOVERY':
      // @ts-expect-error only the Cloudflare member has `email`
      return dns.email;
  }
}

/** `nullable: true` fields of a request body accept `null`; the others do not. */
export async function nullableFields(): Promise<void> {
  const client = createClient({ baseUrl: 'http://127.0.0.1', auth: { bearerAuth: 'jwt' } });
  await client.editApplication({
    applicationId: 'a',
    body: { healthchecks: {}, dockerfile_path: null, auto_deploy: null, cpu_architecture: null },
  });
  // @ts-expect-error `name` is not nullable
  await client.editApplication({ applicationId: 'a', body: { healthchecks: {}, name: null } });
}

/**
 * `readOnly` fields are the server's: readable, not writable. No Qovery request
 * schema has one, so none gets a request form; `writeOnly` fields are the client's:
 * the request form has them, the response form does not.
 */
export function directions(environment: Environment): void {
  const expiresAt: string | null | undefined = environment.expires_at;
  // @ts-expect-error `expires_at` is read-only
  environment.expires_at = null;
  const sent: AgenticWorkflowModelRequestInput = { type: 'CLAUDE', api_key: 'secret' };
  const returned: AgenticWorkflowModelRequest = { type: 'CLAUDE' };
  // @ts-expect-error `api_key` is write-only: never part of what the API returns
  void returned.api_key;
  void [expiresAt, sent];
}

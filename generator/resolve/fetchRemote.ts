import type { SpecLimits } from '../load/limits';

export interface RemoteOptions {
  /**
   * Hosts whose documents a `$ref` may fetch (`api.example.com`, or with a port
   * `127.0.0.1:8080`). Empty by default: a spec cannot make the generator
   * contact a server the user did not name.
   */
  readonly allowedHosts: readonly string[];
  /** How long one fetch may take, in milliseconds. */
  readonly timeoutMs: number;
}

export const defaultRemoteOptions: RemoteOptions = { allowedHosts: [], timeoutMs: 10_000 };

export type FetchResult = { readonly text: string } | { readonly problem: string; readonly hint: string };

/** Whether `url` is on a host the user allowed. */
export function isAllowedHost(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  return allowedHosts.some((allowed) => {
    const entry = allowed.trim().toLowerCase();
    return entry === host || entry === hostname;
  });
}

/**
 * Fetches a referenced document from an allowed host: no redirects (they
 * could lead to a host that is not allowed), a timeout, and the same size
 * limit as files on disk, checked while the body streams in.
 */
export async function fetchRemote(url: URL, options: RemoteOptions, limits: SpecLimits): Promise<FetchResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.1' },
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : 'it failed';
    return { problem: `Fetching ${url.href}: ${reason}.`, hint: 'Check the URL, or download the document.' };
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    const redirect = response.status >= 300 && response.status < 400;
    return {
      problem: redirect
        ? `Fetching ${url.href}: the server redirects (status ${response.status}), which is not followed.`
        : `Fetching ${url.href}: the server answered with status ${response.status}.`,
      hint: redirect ? 'Reference the final URL directly.' : 'Check the URL.',
    };
  }
  return readBounded(response, url, limits);
}

async function readBounded(response: Response, url: URL, limits: SpecLimits): Promise<FetchResult> {
  const tooLarge = {
    problem: `Fetching ${url.href}: the document is larger than the limit of ${limits.maxFileBytes} bytes.`,
    hint: 'Raise the maxFileBytes limit if the document is right.',
  };
  if (Number(response.headers.get('content-length') ?? 0) > limits.maxFileBytes) {
    await response.body?.cancel();
    return tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
      size += part.value.byteLength;
      if (size > limits.maxFileBytes) {
        await reader?.cancel();
        return tooLarge;
      }
      chunks.push(part.value);
    }
  } catch {
    return { problem: `Fetching ${url.href}: the connection failed while reading.`, hint: 'Try again.' };
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

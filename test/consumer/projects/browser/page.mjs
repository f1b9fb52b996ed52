// Runs in Chromium: the SDKs' ESM builds, by package name through the import map, against an API on another origin.
import { ApiError, createClient, isApiErrorOf } from 'qovery-api';
import { AbortError, createBaseClient, downloadFile, uploadFile } from 'uploads-sdk';

const body = { name: 'hub', kind: 'DOCKER_HUB', config: { username: 'me', password: 'secret' } };

window.runScenario = async (apiUrl) => {
  const client = createClient({ baseUrl: apiUrl, auth: { bearerAuth: 'jwt-browser' } });
  const registry = await client.createContainerRegistry({ organizationId: 'org-browser', body });

  let failure;
  try {
    await client.createContainerRegistry({ organizationId: 'missing', body });
  } catch (error) {
    failure = isApiErrorOf(error, 'createContainerRegistry')
      ? { status: error.status, requestId: error.requestId, apiError: error instanceof ApiError }
      : { unexpected: String(error) };
  }

  const uploads = createBaseClient({ baseUrl: apiUrl });
  const upload = await uploadFile(uploads, { body: new Blob(['hello from the browser'], { type: 'text/plain' }) });

  const controller = new AbortController();
  const pending = client.createContainerRegistry({ organizationId: 'slow', body }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 200);
  const aborted = await pending.then(
    () => 'resolved',
    (error) => error.name,
  );

  // A download as the raw Response, its body read here; then one whose read the call's signal aborts.
  const file = await downloadFile(uploads, { name: 'log' }, { signal: new AbortController().signal }).asResponse();
  const download = { status: file.status, unread: !file.bodyUsed, url: file.url, text: await file.text() };
  const stop = new AbortController();
  const held = await downloadFile(uploads, { name: 'held' }, { signal: stop.signal }).asResponse();
  const reader = held.body.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  stop.abort('the user left');
  const stopped = await reader.read().then(
    () => 'read on',
    (error) => ({ first, abortError: error instanceof AbortError, cause: error.cause }),
  );

  return { registry: { id: registry.id, name: registry.name }, failure, upload, aborted, download, stopped };
};
window.pageReady = true;

// One scenario for every runtime (Node.js, Bun, Deno, workerd), through the ESM builds of two generated SDKs: the
// Qovery one from its tarball, and one from test/consumer/fixtures/runtimes.yaml. It returns what it saw, as JSON,
// which must be the same everywhere; every request carries `x-scenario: <runtime>` for the server to tell them apart.
import { ApiError, SdkError, createClient as createQovery, isApiErrorOf } from 'qovery-api';
import { AbortError, TimeoutError, createClient } from 'runtimes-fixture';

const registryBody = { name: 'hub', kind: 'DOCKER_HUB', config: { username: 'me', password: 'secret' } };

export async function runScenario(apiUrl, runtime) {
  const headers = { 'x-scenario': runtime };
  const qovery = createQovery({ baseUrl: apiUrl, headers, auth: { bearerAuth: `jwt-${runtime}` } });
  const registry = await qovery.createContainerRegistry({ organizationId: 'org-1', body: registryBody });
  const failure = await qovery.createContainerRegistry({ organizationId: 'missing', body: registryBody }).then(
    () => 'resolved',
    (error) => ({
      apiError: error instanceof ApiError,
      sdkError: error instanceof SdkError,
      documented: isApiErrorOf(error, 'createContainerRegistry'),
      status: error.status,
      requestId: error.requestId,
      json: JSON.parse(JSON.stringify(error)),
    }),
  );

  // A logger of its own: the client logs warnings and errors, and the payment's call everything.
  const logged = [];
  const log =
    (level) =>
    (message, { durationMs, ...fields }) =>
      logged.push({
        level,
        message: message.replace(/(: \d{3}) in \d+ ms$/, '$1 in N ms'),
        fields,
        timed: durationMs >= 0,
      });
  const logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const client = createClient({ baseUrl: apiUrl, headers, logger });

  // The first attempt gets a 503 with `Retry-After: 0`; the retry sends the same idempotency key.
  const payment = await client.createPayment({ body: { amount: 5 } }, { logLevel: 'debug' });
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(payment.key);

  const items = [];
  for await (const item of client.listItems()) items.push(item.id);

  const ticks = [];
  for await (const tick of await client.streamTicks()) ticks.push(tick);
  // Leaving the loop closes a stream the server holds open.
  let heldTick;
  for await (const tick of await client.streamTicks({ hold: true })) {
    heldTick = tick;
    break;
  }
  // The call's signal ends a stream with the call's AbortError.
  const quit = new AbortController();
  const streamStopped = await (async () => {
    for await (const tick of await client.streamTicks({ hold: true }, { signal: quit.signal })) quit.abort(tick.text);
  })().then(
    () => 'ended',
    (error) => ({ abortError: error instanceof AbortError, cause: error.cause }),
  );

  const timedOut = await client.waitForever({}, { timeout: 200 }).then(
    () => 'resolved',
    (error) => ({ timeoutError: error instanceof TimeoutError, message: error.message }),
  );
  const controller = new AbortController();
  const pending = client.waitForever({}, { signal: controller.signal });
  setTimeout(() => controller.abort('the user left'), 100);
  const aborted = await pending.then(
    () => 'resolved',
    (error) => ({ abortError: error instanceof AbortError, cause: error.cause }),
  );

  const upload = await client.uploadFile({ body: new Blob(['hello from a Blob'], { type: 'text/plain' }) });
  // A stream, sent as it is read (`duplex: 'half'`).
  const chunks = ['hello ', 'from ', 'a stream'].map((text) => new TextEncoder().encode(text));
  const body = new ReadableStream({
    pull: (stream) => (chunks.length ? stream.enqueue(chunks.shift()) : stream.close()),
  });
  const streamed = await client.uploadFile({ body });
  const form = await client.uploadForm({
    body: { file: new File(['file text'], 'notes.txt', { type: 'text/plain' }), note: 'a note', meta: { tags: ['x'] } },
  });

  // A download as the raw Response, its body streamed here; then one whose read the call's signal aborts.
  const file = await client.downloadFile({ name: 'log' }, { signal: new AbortController().signal }).asResponse();
  const download = {
    status: file.status,
    type: file.headers.get('content-type'),
    unread: !file.bodyUsed,
    url: file.url,
    text: await streamedText(file.body),
  };
  const stop = new AbortController();
  const held = await client.downloadFile({ name: 'held' }, { signal: stop.signal }).asResponse();
  const reader = held.body.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  stop.abort('the user left');
  const stopped = await reader.read().then(
    () => 'read on',
    (error) => ({ first, abortError: error instanceof AbortError, cause: error.cause }),
  );

  return {
    registry: { id: registry.id, name: registry.name, created_at: registry.created_at },
    failure,
    payment: { id: payment.id, uuid },
    items,
    ticks,
    heldTick,
    streamStopped,
    timedOut,
    aborted,
    upload,
    streamed,
    form,
    download,
    stopped,
    logged,
  };
}

async function streamedText(body) {
  const decoder = new TextDecoder();
  let text = '';
  for (const reader = body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

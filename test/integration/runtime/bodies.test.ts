import { loadFixture } from '../../support/runtimeFixture';
import { startRecordingServer, type RecordingServer } from '../../support/recordingServer';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK is generated at test time; `npm test` type-checks it separately. */
describe('request and response bodies (test/fixtures/runtime/bodies.yaml)', () => {
  let server: RecordingServer;
  let sdk: any;
  let cleanup: () => void;
  let client: any;

  beforeAll(async () => {
    server = await startRecordingServer({ status: 204 });
    ({ sdk, cleanup } = await loadFixture<any>('runtime/bodies.yaml'));
    client = sdk.createClient({ baseUrl: server.url });
  });
  afterAll(async () => {
    await server.stop();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });
  const last = () => server.requests[server.requests.length - 1]!;

  it('JSON: sent as application/json, the JSON response parsed', async () => {
    server.reply({ status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":7}' });
    expect(await client.sendJson({ body: { name: 'é "x"' } })).toEqual({ id: 7 });
    expect(last().headers['content-type']).toBe('application/json');
    expect(JSON.parse(last().body.toString())).toEqual({ name: 'é "x"' });
  });

  it('multipart/form-data: files, arrays of files, objects as JSON, per-part content types', async () => {
    const file = new File(['PNG'], 'pic.png');
    await client.upload({
      body: { file, extra: [new Blob(['one']), new Blob(['two'])], meta: { tag: 't' }, note: 'hello', csv: 'a,b' },
    });
    const request = last();
    const type = String(request.headers['content-type']);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Response(new Uint8Array(request.body), { headers: { 'content-type': type } }).formData();
    const sentFile = parsed.get('file') as File;
    expect([sentFile.name, sentFile.type, await sentFile.text()]).toEqual(['pic.png', 'image/png', 'PNG']);
    expect(await Promise.all(parsed.getAll('extra').map((part) => (part as Blob).text()))).toEqual(['one', 'two']);
    const meta = parsed.get('meta') as File;
    expect([meta.type, await meta.text()]).toEqual(['application/json', '{"tag":"t"}']);
    expect(parsed.get('note')).toBe('hello');
    const csv = parsed.get('csv') as File;
    expect([csv.type, await csv.text()]).toEqual(['text/csv', 'a,b']);
  });

  it('multipart/form-data: a part without a file name is named `blob` also where FormData would not name it (Bun)', async () => {
    // Bun's FormData sends `filename=""` for a Blob appended without a name, where the standard says `blob`.
    const Platform = globalThis.FormData;
    class BunLike extends Platform {
      override append(name: string, value: string | Blob, fileName?: string): void {
        if (typeof value === 'string') super.append(name, value);
        else super.append(name, value, fileName ?? (value instanceof File ? value.name : ''));
      }
    }
    globalThis.FormData = BunLike;
    try {
      await client.upload({
        body: { file: new File(['PNG'], 'pic.png'), extra: [new Blob(['one'])], meta: { tag: 't' } },
      });
    } finally {
      globalThis.FormData = Platform;
    }
    const type = String(last().headers['content-type']);
    const parsed = await new Response(new Uint8Array(last().body), { headers: { 'content-type': type } }).formData();
    expect(['file', 'extra', 'meta'].map((name) => (parsed.get(name) as File).name)).toEqual([
      'pic.png',
      'blob',
      'blob',
    ]);
  });

  it('application/x-www-form-urlencoded given as one string: sent as written', async () => {
    await client.sendFormText({ body: 'text=I%20like%20tacos&lang=en' });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last().body.toString()).toBe('text=I%20like%20tacos&lang=en');
  });

  it('a nullable multipart body given as null: no body', async () => {
    await client.uploadOptional({ body: null });
    expect([last().headers['content-type'], last().body.length]).toEqual([undefined, 0]);
    await client.uploadOptional({ body: { note: 'n' } });
    expect(String(last().headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('application/x-www-form-urlencoded: form style by default, each property in its encoding', async () => {
    await client.sendForm({
      body: { name: 'a b&c', tags: ['x', 'y'], codes: ['p', 'q'], where: { city: 'Paris' }, doc: { a: 1 } },
    });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last().body.toString()).toBe(
      'name=a%20b%26c&tags=x&tags=y&codes=p|q&where[city]=Paris&doc=%7B%22a%22%3A1%7D',
    );
    const parsed = new URLSearchParams(last().body.toString());
    expect(parsed.get('name')).toBe('a b&c');
  });

  it.each([
    ['a Blob', () => new Blob([new Uint8Array([0, 1, 255])])],
    ['an ArrayBuffer', () => new Uint8Array([0, 1, 255]).buffer],
    ['a Uint8Array', () => new Uint8Array([0, 1, 255])],
    [
      'a ReadableStream',
      () =>
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array([0, 1]));
            controller.enqueue(new Uint8Array([255]));
            controller.close();
          },
        }),
    ],
  ])('application/octet-stream from %s', async (_, body) => {
    await client.putBinary({ body: body() });
    expect(last().method).toBe('PUT');
    expect(last().headers['content-type']).toBe('application/octet-stream');
    expect([...last().body]).toEqual([0, 1, 255]);
  });

  it('text/plain both ways', async () => {
    server.reply({ headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'pong' });
    expect(await client.sendText({ body: 'ping' })).toBe('pong');
    expect(last().headers['content-type']).toBe('text/plain');
    expect(last().body.toString()).toBe('ping');
  });

  it.each(['application/x-yaml', 'application/yaml', 'text/yaml', 'application/openapi+yaml'])(
    'a YAML response (%s) is text, as its string schema says',
    async (type) => {
      server.reply({ headers: { 'content-type': type }, body: 'apiVersion: v1\nkind: Config\n' });
      expect(await client.getYaml()).toBe('apiVersion: v1\nkind: Config\n');
      expect(last().headers['accept']).toBe('application/x-yaml');
    },
  );

  it('a binary response is a Blob, and the request accepts its media type', async () => {
    server.reply({ headers: { 'content-type': 'image/png' }, body: Buffer.from([137, 80, 78, 71]) });
    const image = await client.getImage();
    expect(image).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await image.arrayBuffer())]).toEqual([137, 80, 78, 71]);
    expect(last().headers['accept']).toBe('image/png');
  });

  it('a file described as a string, or with no schema, is a Blob too; a request takes bytes for it', async () => {
    server.reply(
      { headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF') },
      { headers: { 'content-type': 'application/x-tar' }, body: Buffer.from([0, 1]) },
    );
    const report = await client.getReport();
    expect([report instanceof Blob, await report.text()]).toEqual([true, '%PDF']);
    expect(await client.getArchive()).toBeInstanceOf(Blob);
    await client.putAvatar({ body: new Blob([new Uint8Array([255, 216])]) });
    expect([last().headers['content-type'], [...last().body]]).toEqual(['image/jpeg', [255, 216]]);
  });

  it('204 and HEAD resolve to undefined; withResponse gives the status and headers too', async () => {
    server.reply({ status: 204, headers: { 'x-deleted': 'yes' } });
    const { data, response } = await client.deleteThing().withResponse();
    expect(data).toBeUndefined();
    expect([response.status, response.headers.get('x-deleted')]).toEqual([204, 'yes']);
    server.reply({ headers: { 'content-type': 'application/json', 'content-length': '2' } });
    expect(await client.headThing()).toBeUndefined();
    expect(last().method).toBe('HEAD');
  });

  it('withResponse on a JSON call gives the parsed data and the raw Response', async () => {
    server.reply({ status: 201, headers: { 'content-type': 'application/json', 'x-n': '1' }, body: '{"id":1}' });
    const call = client.sendJson({ body: { name: 'n' } });
    const { data, response } = await call.withResponse();
    expect(data).toEqual({ id: 1 });
    expect(await call).toEqual({ id: 1 });
    expect([response.status, response.headers.get('x-n')]).toEqual([201, '1']);
    expect(server.requests).toHaveLength(1);
  });
});

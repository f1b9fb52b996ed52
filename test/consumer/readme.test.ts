import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { readmeExamples } from './support/readmeExamples';
import { projectRoot } from './support/run';

/** The README generated into generated/qovery: what a user reads first. (Its examples compile: see nodeConsumers.) */
describe('README of the Qovery SDK', () => {
  const readme = readFileSync(join(projectRoot, 'generated', 'qovery', 'README.md'), 'utf8');
  const tokens = new MarkdownIt().parse(readme, {});
  const headings = tokens.flatMap((token, index) =>
    token.type === 'heading_open' ? [`${token.tag} ${tokens[index + 1]!.content}`] : [],
  );
  const examples = readmeExamples(readme);

  it('has the sections a user looks for, in order', () => {
    expect(headings.filter((heading) => /^h[12] /.test(heading))).toEqual([
      'h1 Qovery API',
      'h2 Install',
      'h2 Create a client',
      'h2 Usage',
      'h2 Errors',
      'h2 Retries and timeouts',
      'h2 Reference',
    ]);
    expect(readme).toContain('```sh\nnpm install qovery-api\n```');
  });

  it('creates a client with each auth scheme of the spec', () => {
    expect(headings).toEqual(expect.arrayContaining(['h3 `bearerAuth`', 'h3 `ApiKeyAuth`']));
    expect(examples).toEqual(
      expect.arrayContaining([
        expect.stringContaining("createClient({ auth: { bearerAuth: 'YOUR_TOKEN' } })"),
        expect.stringContaining("createClient({ auth: { ApiKeyAuth: 'YOUR_API_KEY' } })"),
      ]),
    );
  });

  it('lists every option of the runtime’s client and every error class it exports', () => {
    const client = readFileSync(join(projectRoot, 'templates', 'client.ts'), 'utf8');
    const options = /export interface BaseClientOptions \{([\s\S]*?)\n\}/.exec(client)![1]!;
    const names = [...options.matchAll(/readonly (\w+)\?/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(readme).toContain(`\`${name}\``);
    const errors = readFileSync(join(projectRoot, 'templates', 'errors.ts'), 'utf8');
    for (const [, name] of errors.matchAll(/export class (\w+)/g)) expect(readme).toContain(`\`${name}\``);
    const retry = readFileSync(join(projectRoot, 'templates', 'retry.ts'), 'utf8');
    const retryOptions = /export interface RetryOptions \{([\s\S]*?)\n\}/.exec(retry)![1]!;
    const fields = [...retryOptions.matchAll(/readonly (\w+)\?/g)].map((match) => match[1]!);
    expect(fields).toEqual(['retries', 'delay', 'maxDelay', 'methods']);
    expect(readme).toContain(`{ ${fields.join(', ')} }`);
  });

  it('shows one call per tag, with the arguments the operation needs', () => {
    const usage = readme.slice(readme.indexOf('## Usage'), readme.indexOf('## Errors'));
    expect(usage).toContain('### containerRegistries');
    expect(usage).toMatch(/await client\.createContainerRegistry\(\{\n  organizationId: '[^']+',\n  body: \{ name: /);
  });

  it('documents errors with a narrowing example', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        expect.stringContaining("isApiErrorOf(error, 'createContainerRegistry') && error.status === 400"),
      ]),
    );
  });

  it('references every operation: method, path, parameters, body and responses', () => {
    const reference = readme.slice(readme.indexOf('## Reference'));
    expect(reference).toContain('[createContainerRegistry](#createcontainerregistry)');
    expect(reference).toContain('#### `createContainerRegistry`');
    expect(reference).toContain('`POST /organization/{organizationId}/containerRegistry`');
    expect(reference).toContain('| `organizationId` | path | `string` | yes | Organization ID |');
    expect(reference).toContain('Body (`body`, optional): `ContainerRegistryRequest`, sent as `application/json`.');
    expect(reference).toContain('| `201` | Create a Container Registry | `ContainerRegistryResponse` |');
    expect(reference).toContain('| `404` | Resource not found |   |');
  });
});

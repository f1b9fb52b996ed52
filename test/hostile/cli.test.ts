import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { specText, writeTempFiles } from '../support/buildFromText';
import { runCli } from '../support/runCli';

const yamlFixtures = join(__dirname, 'fixtures', 'yaml');

/** Runs `sdkgen generate -i spec/<file> -o out` in a fresh folder holding `files`. */
function generate(
  files: Record<string, string>,
  input: string,
  setUp?: (folder: string) => void,
): { status: number | null; stderr: string; wroteOutput: boolean } {
  const { folder, cleanup } = writeTempFiles(files);
  try {
    setUp?.(folder);
    const run = runCli(['generate', '-i', `spec/${input}`, '-o', 'out'], folder);
    return { status: run.status, stderr: run.stderr, wroteOutput: existsSync(join(folder, 'out')) };
  } finally {
    cleanup();
  }
}

const fixture = (name: string): string => readFileSync(join(yamlFixtures, name), 'utf8');

describe('sdkgen generate on a hostile spec', () => {
  it.each([
    [
      'a billion-laughs alias bomb',
      { 'spec/b.yaml': fixture('billion-laughs.yaml') },
      'b.yaml',
      'spec/b.yaml error SDK1003',
    ],
    [
      'a duplicate key',
      { 'spec/d.yaml': fixture('duplicate-keys.yaml') },
      'd.yaml',
      'spec/d.yaml:9:5 error SDK1006 at #/components/schemas/Pet: The key "Pet" appears twice in the same map; the first is at line 6, column 5.',
    ],
    [
      'a !!js/function tag',
      { 'spec/t.yaml': fixture('tags.yaml') },
      't.yaml',
      'spec/t.yaml:6:25 error SDK1007 at #/components/schemas/Code: The YAML tag "tag:yaml.org,2002:js/function" is not allowed',
    ],
    [
      'JSON nested 100,000 deep',
      { 'spec/deep.json': `{"openapi":"3.0.3","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
      'deep.json',
      'spec/deep.json:1:279 error SDK1005 at #/x/0/0/',
    ],
    [
      'a ../ reference',
      { 'spec/openapi.yaml': specText({ schemas: 'A: { $ref: "../secret.yaml" }' }), 'secret.yaml': 'type: string' },
      'openapi.yaml',
      'spec/openapi.yaml:6:10 error SDK2005 at #/components/schemas/A/$ref: The reference "../secret.yaml" is broken: it names a file outside the folder of the root document.',
    ],
    [
      'a remote reference',
      { 'spec/openapi.yaml': specText({ schemas: 'A: { $ref: "http://127.0.0.1:9/a.yaml" }' }) },
      'openapi.yaml',
      'spec/openapi.yaml:6:10 error SDK2003 at #/components/schemas/A/$ref',
    ],
  ])('refuses %s: exit 1, file:line:col and pointer, no stack trace, nothing written', (_, files, input, expected) => {
    const run = generate(files, input);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).toContain('hint: ');
    expect(run.stderr).toContain('Nothing was written');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.wroteOutput).toBe(false);
  });

  it('refuses a link to a file outside the spec folder', () => {
    const run = generate(
      { 'spec/openapi.yaml': specText({ schemas: 'A: { $ref: "./passwd.yaml" }' }) },
      'openapi.yaml',
      (folder) => symlinkSync('/etc/passwd', join(folder, 'spec', 'passwd.yaml')),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error SDK2005 at #/components/schemas/A/$ref');
    expect(run.stderr).not.toContain('root:');
    expect(run.wroteOutput).toBe(false);
  });

  it('prints spec text in diagnostics with control characters escaped, so it cannot drive the terminal', () => {
    const run = generate(
      { 'spec/openapi.yaml': specText({ schemas: 'A: { $ref: "#/components/schemas/\\e[2J\\e]0;owned\\a" }' }) },
      'openapi.yaml',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('#/components/schemas/\\u001b[2J\\u001b]0;owned\\u0007');
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('refuses the spec when it is a FIFO instead of waiting for a writer', () => {
    const run = generate({}, 'fifo.yaml', (folder) => {
      mkdirSync(join(folder, 'spec'));
      execFileSync('mkfifo', [join(folder, 'spec', 'fifo.yaml')]);
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('spec/fifo.yaml error SDK1001: It is not a regular file.');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { specText, writeTempFiles } from '../support/buildFromText';
import { runCli, type CliRun } from '../support/runCli';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'yaml', name), 'utf8');

/** Each hostile spec, and the line `sdkgen generate` must print for it. */
const cases: { name: string; files: Record<string, string>; input: string; expected: string }[] = [
  {
    name: 'a billion-laughs alias bomb',
    files: { 'spec/b.yaml': fixture('billion-laughs.yaml') },
    input: 'spec/b.yaml',
    expected: 'spec/b.yaml error SDK1003: The YAML could not be expanded: Excessive alias count',
  },
  {
    name: 'a duplicate key',
    files: { 'spec/d.yaml': fixture('duplicate-keys.yaml') },
    input: 'spec/d.yaml',
    expected:
      'spec/d.yaml:9:5 error SDK1006 at #/components/schemas/Pet: The key "Pet" appears twice in the same map; the first is at line 6, column 5.',
  },
  {
    name: 'a !!js/function tag',
    files: { 'spec/t.yaml': fixture('tags.yaml') },
    input: 'spec/t.yaml',
    expected:
      'spec/t.yaml:6:25 error SDK1007 at #/components/schemas/Code: The YAML tag "tag:yaml.org,2002:js/function" is not allowed',
  },
  {
    name: 'JSON nested 100,000 deep',
    files: { 'spec/deep.json': `{"openapi":"3.0.3","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
    input: 'spec/deep.json',
    expected: 'spec/deep.json:1:279 error SDK1005 at #/x/0/0/',
  },
  {
    name: 'a ../ reference',
    files: { 'up/openapi.yaml': specText({ schemas: 'A: { $ref: "../secret.yaml" }' }), 'secret.yaml': 'type: string' },
    input: 'up/openapi.yaml',
    expected:
      'up/openapi.yaml:6:10 error SDK2005 at #/components/schemas/A/$ref: The reference "../secret.yaml" is broken: it names a file outside the folder of the root document.',
  },
  {
    name: 'a link to /etc/passwd',
    files: { 'link/openapi.yaml': specText({ schemas: 'A: { $ref: "./passwd.yaml" }' }) },
    input: 'link/openapi.yaml',
    expected: 'link/openapi.yaml:6:10 error SDK2005 at #/components/schemas/A/$ref',
  },
  {
    name: 'a remote reference',
    files: { 'remote/openapi.yaml': specText({ schemas: 'A: { $ref: "http://127.0.0.1:9/a.yaml" }' }) },
    input: 'remote/openapi.yaml',
    expected: 'remote/openapi.yaml:6:10 error SDK2003 at #/components/schemas/A/$ref',
  },
  {
    name: 'terminal escapes in a reference',
    files: { 'esc/openapi.yaml': specText({ schemas: 'A: { $ref: "#/components/schemas/\\e[2J\\e]0;owned\\a" }' }) },
    input: 'esc/openapi.yaml',
    expected:
      'SDK2001 at #/components/schemas/A/$ref: The reference "#/components/schemas/\\u001b[2J\\u001b]0;owned\\u0007"',
  },
  {
    name: 'a FIFO',
    files: {},
    input: 'spec/fifo.yaml',
    expected: 'spec/fifo.yaml error SDK1001: It is not a regular file.',
  },
];

describe('sdkgen generate on hostile specs (one run over a config listing them all)', () => {
  let run: CliRun;
  let wroteOutput: boolean;

  beforeAll(() => {
    const sdks = cases.map(({ input }, index) => ({ name: `sdk${index}`, input, output: `out/sdk${index}` }));
    const { folder, cleanup } = writeTempFiles({
      ...Object.assign({}, ...cases.map((c) => c.files)),
      'sdkgen.config.json': JSON.stringify({ sdks }),
    });
    try {
      symlinkSync('/etc/passwd', join(folder, 'link', 'passwd.yaml'));
      execFileSync('mkfifo', [join(folder, 'spec', 'fifo.yaml')]);
      run = runCli(['generate'], folder);
      wroteOutput = existsSync(join(folder, 'out'));
    } finally {
      cleanup();
    }
  });

  it('exits 1, prints no stack trace and writes nothing', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toContain('Nothing was written');
    expect(wroteOutput).toBe(false);
  });

  it.each(cases)('names file:line:col, pointer and a hint for $name', ({ expected }) => {
    const line = run.stderr.split('\n').findIndex((text) => text.includes(expected));
    expect(line).toBeGreaterThanOrEqual(0);
    expect(run.stderr.split('\n')[line + 1]).toMatch(/^ {2}hint: \S/);
  });

  it('never prints what a refused file holds, nor a raw control character', () => {
    expect(run.stderr).not.toContain('root:');
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

import { join } from 'node:path';
import ts from 'typescript';
import { projectRoot } from './support/run';

/**
 * `Client` maps each operation function to a method: an editor shows, on a
 * method of `createClient`'s client, the function's type without the client
 * argument, its docs (summary, route, errors), and leads to its definition.
 */
describe("createClient's methods in an editor", () => {
  const sdk = join(projectRoot, 'generated', 'qovery');
  const file = join(sdk, 'use.ts');
  const text = [
    "import { createClient } from './index.js';",
    'const client = createClient();',
    "export const created = client.createContainerRegistry({ organizationId: 'o', body: { name: 'n', kind: 'ECR', config: {} } });",
  ].join('\n');
  const service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const content = name === file ? text : ts.sys.readFile(name);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => sdk,
    getCompilationSettings: () => ({
      strict: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? text : ts.sys.readFile(name)),
  });
  const position = text.indexOf('createContainerRegistry(') + 3;

  it('compiles, and the method has the standalone function type without the client', () => {
    expect(
      service.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ).toEqual([]);
    const info = service.getQuickInfoAtPosition(file, position);
    expect(ts.displayPartsToString(info?.displayParts)).toMatch(
      /^\(property\) createContainerRegistry: \(args: CreateContainerRegistryArgs, options\?: RequestOptions( \| undefined)?\) => ApiPromise<ContainerRegistryResponse>$/,
    );
  });

  it("shows the function's docs and leads to its definition", () => {
    const info = service.getQuickInfoAtPosition(file, position);
    const docs = ts.displayPartsToString(info?.documentation);
    expect(docs).toContain('Create a container registry');
    expect(docs).toContain('`POST /organization/{organizationId}/containerRegistry`');
    expect(info?.tags?.map((tag) => tag.name)).toContain('throws');
    const definitions = service.getDefinitionAtPosition(file, position) ?? [];
    expect(definitions.map((definition) => definition.fileName.slice(sdk.length + 1))).toEqual([
      'operations/containerRegistries.ts',
    ]);
  });
});

import type { SdkModel } from '../../generator/model/types';
import { isRecord } from '../../generator/util/guards';

/**
 * The examples a spec gives, as a TypeScript module that assigns each one to
 * the SDK type it illustrates: a component schema's example to its model, a
 * property's to that property, and a JSON success response's to what the
 * operation resolves to. Compiled with the SDK, it checks that the types
 * accept what the spec shows the API sending.
 */
export interface ExamplesModule {
  readonly text: string;
  /** Where each example is in the spec (a JSON pointer, with the status for a response), by line of `text`. */
  readonly siteOfLine: ReadonlyMap<number, string>;
}

/** Lines before the first example: the imports. */
const header = ["import type * as Models from './models.js';", "import type * as Sdk from './index.js';"];

/** `file` is the document's name as the model shows it: the models and operations of other files are left out. */
export function examplesModule(model: SdkModel, document: Record<string, unknown>, file: string): ExamplesModule {
  const lines = [...header];
  const siteOfLine = new Map<number, string>();
  const add = (site: string, type: string, examples: readonly unknown[]): void => {
    for (const example of examples) {
      siteOfLine.set(lines.length + 1, site);
      lines.push(`export const example${siteOfLine.size}: ${type} = ${JSON.stringify(example)};`);
    }
  };
  for (const named of model.models) {
    const schema = localValue(document, named.pointer);
    if (named.file !== file || named.inputOf || !isRecord(schema)) continue;
    add(named.pointer, `Models.${named.name}`, examplesOf(schema));
    if (named.type.kind !== 'object' || !isRecord(schema['properties'])) continue;
    for (const property of named.type.properties) {
      const declared = schema['properties'][property.name];
      if (!isRecord(declared) || '$ref' in declared) continue;
      const key = JSON.stringify(property.name);
      add(`${named.pointer}/properties/${property.name}`, `Models.${named.name}[${key}]`, examplesOf(declared));
    }
  }
  for (const operation of model.operations) {
    const successes = operation.responses.filter((response) => response.status.startsWith('2'));
    if (operation.file !== file || successes.length !== 1) continue;
    const status = successes[0]!.status;
    const response = localValue(document, `${operation.pointer}/responses/${status.replace(/~/g, '~0')}`);
    const content = isRecord(response) && isRecord(response['content']) ? response['content'] : {};
    const mediaTypes = Object.keys(content);
    const media = content[mediaTypes[0]!];
    if (mediaTypes.length !== 1 || !/json/.test(mediaTypes[0]!) || !isRecord(media)) continue;
    const type = `Awaited<ReturnType<typeof Sdk.${operation.names.function}>>`;
    add(`${operation.pointer} ${status}`, type, examplesOf(media));
  }
  return { text: `${lines.join('\n')}\n`, siteOfLine };
}

/** `example`, the values of a Media Type's `examples` map (3.0), or a schema's `examples` list (3.1). */
function examplesOf(value: Record<string, unknown>): unknown[] {
  if ('example' in value) return [value['example']];
  const examples = value['examples'];
  if (Array.isArray(examples)) return examples;
  if (!isRecord(examples)) return [];
  return Object.values(examples).flatMap((example) =>
    isRecord(example) && 'value' in example ? [example['value']] : [],
  );
}

/** The value at a pointer of the document, following `$ref`s inside it (not into other files). */
function localValue(document: Record<string, unknown>, pointer: string): unknown {
  let value: unknown = document;
  for (const segment of pointer.split('/').slice(1)) {
    value = followRefs(document, value);
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return followRefs(document, value);
}

function followRefs(document: Record<string, unknown>, value: unknown): unknown {
  for (let hops = 0; isRecord(value) && typeof value['$ref'] === 'string' && hops < 32; hops++) {
    const ref = value['$ref'];
    if (!ref.startsWith('#/')) return undefined;
    value = localValue(document, ref.slice(1));
  }
  return value;
}

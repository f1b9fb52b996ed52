import { isRecord } from '../util/guards';
import type { Docs } from './types';

/** The documentation keywords of a schema, parameter or operation. */
export function docsOf(value: unknown): Docs {
  if (!isRecord(value)) return {};
  const docs: { -readonly [K in keyof Docs]: Docs[K] } = {};
  if (typeof value['summary'] === 'string' && value['summary'].trim()) docs.summary = value['summary'].trim();
  else if (typeof value['title'] === 'string' && value['title'].trim()) docs.summary = value['title'].trim();
  if (typeof value['description'] === 'string' && value['description'].trim()) {
    docs.description = value['description'].trim();
  }
  if (value['deprecated'] === true) docs.deprecated = true;
  if (typeof value['format'] === 'string') docs.format = value['format'];
  if ('default' in value) docs.default = value['default'];
  if (Array.isArray(value['examples'])) docs.examples = value['examples'];
  else if ('example' in value) docs.examples = [value['example']];
  return docs;
}

/** Docs of a reference site win over those of its target (OpenAPI 3.1 Reference Object). */
export function mergeDocs(target: Docs, site: Docs): Docs {
  return { ...target, ...site };
}

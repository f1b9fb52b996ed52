import type { Operation, Parameter, SdkModel } from '../../model/types';
import { requestContent } from '../../model/mediaTypes';
import { responseBodyType, successType } from '../../model/successes';
import { sentItemsText } from '../operationTypes';
import { isWrittenInline } from '../resultTypes';
import { itemsText, nextPageText } from '../pagination';
import { mdCode, mdParagraphs, mdTable, mdText } from './markdown';
import type { Slugger } from './slugger';
import { typeSummary } from './typeSummary';

/** Operations by group (the file they live in, from their first tag), groups sorted. */
export function operationGroups(model: SdkModel): [string, Operation[]][] {
  const groups = new Map<string, Operation[]>();
  for (const operation of model.operations)
    groups.set(operation.group, [...(groups.get(operation.group) ?? []), operation]);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `## Reference`: a table of contents, then every operation with its method
 * and path, docs, security, parameters, body and responses, from the model.
 */
export function referenceSection(model: SdkModel, slugger: Slugger): string[] {
  const groups = operationGroups(model);
  const anchors = new Map<Operation, string>();
  const details: string[] = [];
  for (const [group, operations] of groups) {
    slugger.slug(group);
    details.push(`### ${mdText(group)}`);
    for (const operation of operations) {
      anchors.set(operation, slugger.slug(operation.names.function));
      details.push(...operationReference(model, operation));
    }
  }
  const contents = groups.map(
    ([group, operations]) =>
      `- ${mdText(group)}: ${operations.map((operation) => `[${mdText(operation.names.function)}](#${anchors.get(operation)})`).join(', ')}`,
  );
  return [
    '## Reference',
    'Every operation is a method of the client from `createClient` and a standalone function taking the client from `createBaseClient` first.',
    contents.join('\n'),
    ...details,
  ];
}

function operationReference(model: SdkModel, operation: Operation): string[] {
  const parts = [`#### ${mdCode(operation.names.function)}`, `${mdCode(`${operation.method} ${operation.path}`)}`];
  if (operation.docs.deprecated) parts.push('**Deprecated.**');
  if (operation.docs.summary) parts.push(...mdParagraphs(operation.docs.summary));
  if (operation.docs.description && operation.docs.description !== operation.docs.summary)
    parts.push(...mdParagraphs(operation.docs.description));
  parts.push(securityLine(model, operation));
  if (operation.parameters.length > 0) {
    parts.push(
      mdTable(
        ['Parameter', 'In', 'Type', 'Required', 'Description'],
        operation.parameters.map((parameter) => [
          mdCode(parameter.argName, { inTable: true }),
          parameterPlace(parameter),
          mdCode(typeSummary(parameter.type), { inTable: true }),
          parameter.required ? 'yes' : 'no',
          parameter.idempotencyKey
            ? [docsCell(parameter.docs), idempotencyKeyCell].filter(Boolean).join(' ')
            : docsCell(parameter.docs),
        ]),
      ),
    );
  }
  const body = operation.requestBody && requestContent(operation.requestBody.contents);
  if (operation.requestBody && body) {
    const description = [operation.requestBody.docs.summary, operation.requestBody.docs.description].filter(Boolean);
    const required = operation.requestBody.required ? 'required' : 'optional';
    const items = sentItemsText(body, (text) => mdCode(text));
    parts.push(
      [
        ...(items
          ? [`Body (\`body\`, ${required}):`, items.replaceAll('\n', ' ')]
          : [`Body (\`body\`, ${required}): ${mdCode(typeSummary(body.type))},`, `sent as ${mdCode(body.mediaType)}.`]),
        ...description.map((text) => mdText(text!)),
      ].join(' '),
    );
  }
  if (operation.responses.length > 0) {
    parts.push(
      mdTable(
        ['Status', 'Description', 'Body'],
        operation.responses.map((response) => {
          const type = responseBodyType(response);
          return [
            mdCode(response.status, { inTable: true }),
            mdText(response.description),
            type ? mdCode(typeSummary(type), { inTable: true }) : '',
          ];
        }),
      ),
    );
  }
  const result = successType(operation);
  const { names } = operation;
  const { response } = names;
  // A type the spec writes inline is shown by the name the SDK exports for it.
  const shown = result !== 'void' && response !== undefined && isWrittenInline(result) ? response : typeSummary(result);
  parts.push(`Resolves to ${mdCode(shown)}.`);
  const { pagination } = operation;
  if (pagination) {
    const items = itemsText(pagination, (text) => mdCode(text));
    const item = names.item && isWrittenInline(pagination.item) ? names.item : typeSummary(pagination.item);
    parts.push(
      [
        `A list in pages: \`for await (const item of client.${operation.names.function}(...))\` iterates ${items} of`,
        `every page (typed ${mdCode(item)}), \`.pages()\` the pages; ${nextPageText(pagination, (text) => mdCode(text))}.`,
      ].join(' '),
    );
  }
  return parts;
}

/** Where a parameter goes: its `in`, or for a querystring parameter the whole query string and its media type. */
function parameterPlace(parameter: Parameter): string {
  if (parameter.in !== 'querystring') return parameter.in;
  return `query string, as ${mdCode(parameter.mediaType ?? '', { inTable: true })}`;
}

function securityLine(model: SdkModel, operation: Operation): string {
  const alternatives = (operation.security ?? model.defaultSecurity).filter((names) => names.length > 0);
  const optional = (operation.security ?? model.defaultSecurity).some((names) => names.length === 0);
  if (alternatives.length === 0) return 'Auth: none.';
  const text = alternatives.map((names) => names.map((name) => mdCode(name)).join(' and ')).join(' or ');
  return `Auth: ${text}${optional ? ', or none' : ''}.`;
}

/** How the SDK fills in an idempotency key (see `model/idempotency.ts`), in the parameter table. */
const idempotencyKeyCell =
  'Left out, the SDK sends a random UUID, the same on every retry of the call, and retries the call as it retries a GET.';

function docsCell(docs: {
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
}): string {
  const text = [docs.deprecated ? 'Deprecated.' : undefined, docs.summary, docs.description]
    .filter((part): part is string => Boolean(part))
    .map(mdText)
    .join(' ');
  return text;
}

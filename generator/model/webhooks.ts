import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { toPointer } from '../util/jsonPointer';
import { contentsOf, mediaTypeObject } from './bodies';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import { toTypeName } from './identifiers';
import { requestContent } from './mediaTypes';
import { pathItemOperations } from './pathItemOperations';
import type { HttpMethod, Webhook } from './types';

/**
 * Webhooks (OpenAPI 3.1 §4.8.1 `webhooks`) and callbacks (§4.8.18): requests
 * the API sends to its users. The SDK makes no such request, so they get no
 * function; the body each one sends becomes an exported model, named after
 * the webhook (`<Name>Webhook`) or the operation and callback
 * (`<Operation><Name>Callback`).
 */
export function webhooksOf(context: ModelContext): Webhook[] {
  const webhooks = context.spec.document['webhooks'];
  if (!isRecord(webhooks)) return [];
  return Object.keys(webhooks).flatMap((name) =>
    requestsOf(context, {
      kind: 'webhook',
      name,
      pathItem: context.spec.rootLocation(toPointer(['webhooks', name])),
      typeName: toTypeName(name),
    }),
  );
}

/** The callbacks of the operation at `operation`, whose types are prefixed with `typePrefix`. */
export function callbacksOf(
  context: ModelContext,
  at: { operation: Location; operationId: string; typePrefix: string },
): Webhook[] {
  const callbacks = context.spec.valueAt(childLocation(at.operation, 'callbacks'));
  if (!isRecord(callbacks)) return [];
  return Object.keys(callbacks).flatMap((name) => {
    const callback = context.spec.deref(childLocation(at.operation, 'callbacks', name));
    if (!callback || !isRecord(callback.value)) return [];
    const expressions = Object.keys(callback.value).filter((key) => !key.startsWith('x-'));
    return expressions.flatMap((expression, index) =>
      requestsOf(context, {
        kind: 'callback',
        name,
        operationId: at.operationId,
        expression,
        pathItem: childLocation(callback.location, expression),
        // A second URL of one callback is told apart by its position.
        typeName: `${at.typePrefix}${toTypeName(name)}${index === 0 ? '' : index + 1}`,
      }),
    );
  });
}

interface WebhookSite {
  readonly kind: Webhook['kind'];
  readonly name: string;
  readonly operationId?: string;
  readonly expression?: string;
  readonly pathItem: Location;
  readonly typeName: string;
}

/** One entry per method of the path item; the payload model of each body it sends. */
function requestsOf(context: ModelContext, site: WebhookSite): Webhook[] {
  const pathItem = context.spec.deref(site.pathItem);
  if (!pathItem || !isRecord(pathItem.value)) return [];
  const operations = pathItemOperations(context, pathItem.location);
  return operations.map(({ method, location }) => {
    const suffix = site.kind === 'webhook' ? 'Webhook' : 'Callback';
    // Lower case first, so `POST` names `Post` and `M-SEARCH` names `MSearch`.
    const wanted = `${site.typeName}${operations.length > 1 ? toTypeName(method.toLowerCase()) : ''}${suffix}`;
    const payload = payloadModel(context, { site, method, location, wanted });
    return {
      kind: site.kind,
      name: site.name,
      ...(site.operationId !== undefined ? { operationId: site.operationId } : {}),
      ...(site.expression !== undefined ? { expression: site.expression } : {}),
      method,
      file: location.source.displayPath,
      pointer: location.pointer,
      docs: docsOf(context.spec.valueAt(location)),
      ...(payload ? { payload } : {}),
    };
  });
}

/** Defines the model of the request body a webhook sends (its JSON form when it has several). */
function payloadModel(
  context: ModelContext,
  at: { site: WebhookSite; method: HttpMethod; location: Location; wanted: string },
): string | undefined {
  const body = context.spec.deref(childLocation(at.location, 'requestBody'));
  if (!body || !isRecord(body.value)) return undefined;
  const contents = contentsOf(context, body.location);
  const content = requestContent(contents);
  if (!content) return undefined;
  const media = mediaTypeObject(context, body.location, content.mediaType);
  const schema = childLocation(media?.location ?? childLocation(body.location, 'content', content.mediaType), 'schema');
  const name = context.names.claim(at.wanted, {
    folder: 'models',
    report: (fields) => warnAt(context, at.location, fields),
  });
  const what =
    at.site.kind === 'webhook'
      ? `the webhook \`${at.site.name}\``
      : `the callback \`${at.site.name}\` of \`${at.site.operationId ?? ''}\``;
  const bodyDocs = docsOf(body.value);
  context.extraModels.push({
    name,
    file: schema.source.displayPath,
    pointer: schema.pointer,
    type: content.type,
    docs: {
      ...docsOf(context.spec.valueAt(at.location)),
      description: [
        ...(bodyDocs.description ? [bodyDocs.description] : []),
        `The body of the \`${at.method}\` request the API sends for ${what}, as \`${content.mediaType}\`.`,
      ].join('\n\n'),
    },
  });
  return name;
}

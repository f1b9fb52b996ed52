import { join } from 'node:path';
import { diffModels } from '../../generator/diff/diffModels';
import type { ConfiguredPages } from '../../generator/model/configuredPagination';
import type { Operation, Pagination, SdkModel } from '../../generator/model/types';
import { specsFolder } from '../corpus/manifest';
import { buildFromFile, buildFromFiles, specText } from '../support/buildFromText';
import { fixturesFolder } from '../support/fixtureSdk';

/** Each operation's pagination, without the item type (checked on its own). */
function plans(model: SdkModel): Record<string, Omit<Pagination, 'item'> | undefined> {
  return Object.fromEntries(
    model.operations.map((operation: Operation) => {
      if (!operation.pagination) return [operation.operationId, undefined];
      const { item: _item, ...plan } = operation.pagination;
      return [operation.operationId, plan];
    }),
  );
}

/** The model of a 3.0 document with one `GET /items` taking `parameters` and answering `schema` (YAML flow). */
async function listing(parameters: string, schema: string, extra = ''): Promise<Pagination | undefined> {
  const paths = [
    '/items:',
    '  get:',
    '    operationId: listItems',
    `    parameters: ${parameters}`,
    ...(extra ? [`    ${extra}`] : []),
    `    responses: { '200': { description: a page, content: { application/json: { schema: ${schema} } } } }`,
  ].join('\n');
  const { model, diagnostics } = await buildFromFiles({ 'openapi.yaml': specText({ paths }) });
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return model!.operations[0]!.pagination;
}

const strings = '{ type: array, items: { type: string } }';
const query = (name: string, schema = '{ type: string }'): string => `{ name: ${name}, in: query, schema: ${schema} }`;

describe('model: which list operations page, and how', () => {
  it('reads each way to the next page of the runtime fixture, and the type of the items', async () => {
    const model = await buildFromFile(join(fixturesFolder, 'runtime', 'pagination.yaml'));
    expect(plans(model)).toEqual({
      listEvents: { items: ['events'], next: { kind: 'url', path: ['links', 'next'] } },
      listCalls: { items: ['calls'], next: { kind: 'url', path: ['next_page_uri'] } },
      listRepos: { items: [], next: { kind: 'link' } },
      listUsers: {
        items: ['members'],
        next: { kind: 'cursor', path: ['response_metadata', 'next_cursor'], arg: 'cursor' },
      },
      listCharges: {
        items: ['data'],
        next: { kind: 'lastItem', property: 'id', arg: 'starting_after' },
        more: ['has_more'],
      },
      listMembers: { items: ['entries'], next: { kind: 'offset', arg: 'offset' }, total: ['total_count'] },
      listOrders: { items: [], next: { kind: 'page', arg: 'page', first: 1 } },
      listTokens: { items: ['Tokens'], next: { kind: 'cursor', path: ['NextToken'], arg: 'NextToken' } },
      listVaults: { items: ['value'], next: { kind: 'url', path: ['nextLink'] } },
      searchItems: { items: ['Items'], next: { kind: 'cursor', path: ['NextToken'], arg: 'NextToken', body: true } },
      listTags: undefined,
    });
    const item = (operationId: string): unknown =>
      model.operations.find((operation) => operation.operationId === operationId)?.pagination?.item;
    expect(item('listEvents')).toEqual({ kind: 'ref', name: 'Event' });
    expect(item('listRepos')).toEqual({ kind: 'string' });
    expect(item('listMembers')).toEqual({ kind: 'number' });
  });

  it.each<[string, string, string, Pick<Pagination, 'items' | 'next'> & Partial<Pagination>]>([
    [
      'a cursor in a container of cursors (cursor.next)',
      `[${query('cursor')}]`,
      '{ type: object, properties: { items: ' +
        strings +
        ', cursor: { type: object, properties: { next: { type: string } } } } }',
      { items: ['items'], next: { kind: 'cursor', path: ['cursor', 'next'], arg: 'cursor' } },
    ],
    [
      'a cursor two containers down (meta.cursors.next)',
      `[${query('cursor')}]`,
      '{ type: object, properties: { data: ' +
        strings +
        ', meta: { type: object, properties: { cursors: { type: object, properties: { next: { type: string } } } } } } }',
      { items: ['data'], next: { kind: 'cursor', path: ['meta', 'cursors', 'next'], arg: 'cursor' } },
    ],
    [
      'nextPageToken for pageToken (Google)',
      `[${query('pageToken')}, ${query('maxResults', '{ type: integer }')}]`,
      '{ type: object, properties: { items: ' + strings + ', nextPageToken: { type: string } } }',
      { items: ['items'], next: { kind: 'cursor', path: ['nextPageToken'], arg: 'pageToken' } },
    ],
    [
      'NextToken for next-token, names alike but for case and punctuation (AWS)',
      `[${query('next-token')}]`,
      '{ type: object, properties: { Items: ' + strings + ', NextToken: { type: string } } }',
      { items: ['Items'], next: { kind: 'cursor', path: ['NextToken'], arg: 'next-token' } },
    ],
    [
      'a page that is text: next_page is sent back as page (Stripe search)',
      `[${query('page')}]`,
      '{ type: object, properties: { data: ' +
        strings +
        ', next_page: { type: string, nullable: true }, has_more: { type: boolean } } }',
      { items: ['data'], next: { kind: 'cursor', path: ['next_page'], arg: 'page' }, more: ['has_more'] },
    ],
    [
      'a HAL link (_links.next.href)',
      '[]',
      '{ type: object, properties: { items: ' +
        strings +
        ', _links: { type: object, properties: { next: { type: object, properties: { href: { type: string } } } } } } }',
      { items: ['items'], next: { kind: 'url', path: ['_links', 'next', 'href'] } },
    ],
    [
      'a URL named as one in any object of the page (pageDetails.nextPageUrl)',
      '[]',
      '{ type: object, properties: { items: ' +
        strings +
        ', pageDetails: { type: object, properties: { nextPageUrl: { type: string } } } } }',
      { items: ['items'], next: { kind: 'url', path: ['pageDetails', 'nextPageUrl'] } },
    ],
    [
      'next with format: uri, and the items among several lists by their name',
      '[]',
      '{ type: object, properties: { order: ' +
        strings +
        ', entries: ' +
        strings +
        ', next: { type: string, format: uri } } }',
      { items: ['entries'], next: { kind: 'url', path: ['next'] } },
    ],
    [
      '@odata.nextLink and value (x-ms-pageable)',
      '[]',
      '{ type: object, properties: { value: ' + strings + ", '@odata.nextLink': { type: string } } }",
      { items: ['value'], next: { kind: 'url', path: ['@odata.nextLink'] } },
    ],
    [
      'a page numbered from 0 by its default, with its count of pages',
      `[${query('pageNumber', '{ type: integer, default: 0 }')}]`,
      '{ type: object, properties: { results: ' + strings + ', totalPages: { type: integer } } }',
      { items: ['results'], next: { kind: 'page', arg: 'pageNumber', first: 0 }, total: ['totalPages'] },
    ],
    [
      '$skip beside $top (OData), with has_more',
      `[${query('$skip', '{ type: integer }')}, ${query('$top', '{ type: integer }')}]`,
      '{ type: object, properties: { value: ' + strings + ', hasMore: { type: boolean } } }',
      { items: ['value'], next: { kind: 'offset', arg: '$skip' }, more: ['hasMore'] },
    ],
  ])('pages by %s', async (_name, parameters, schema, expected) => {
    const extra = schema.includes('@odata') ? "x-ms-pageable: { nextLinkName: '@odata.nextLink' }" : '';
    const { item: _item, ...plan } = (await listing(parameters, schema, extra))!;
    expect(plan).toEqual(expected);
  });

  // Each row has its extra field (maybe empty): jest would take a fourth parameter beyond the row for `done`.
  it.each<[string, string, string, string]>([
    ['a list without a way to the next page', `[${query('limit', '{ type: integer }')}]`, strings, ''],
    [
      'a cursor parameter whose value the page does not give (Discord: after, a list of messages)',
      `[${query('after')}, ${query('limit', '{ type: integer }')}]`,
      '{ type: array, items: { type: object, properties: { id: { type: string } } } }',
      '',
    ],
    [
      'a page number beside a cursor parameter the page does not give (Twilio: Page and PageToken)',
      `[${query('Page', '{ type: integer, default: 0 }')}, ${query('PageToken')}]`,
      '{ type: object, properties: { countries: ' + strings + ' } }',
      '',
    ],
    [
      'a page number without a default: the first page could be 0 or 1',
      `[${query('page', '{ type: integer }')}]`,
      strings,
      '',
    ],
    [
      'a plain next at the root, which may be a cursor or a URL',
      '[]',
      '{ type: object, properties: { data: ' + strings + ', next: { type: string } } }',
      '',
    ],
    [
      'a token that authenticates, beside a next_token',
      `[${query('token')}]`,
      '{ type: object, properties: { data: ' + strings + ', next_token: { type: string } } }',
      '',
    ],
    [
      'two lists, neither named as the items',
      `[${query('offset', '{ type: integer }')}]`,
      '{ type: object, properties: { users: ' + strings + ', groups: ' + strings + ' } }',
      '',
    ],
    [
      'x-ms-pageable with nextLinkName null: one page',
      '[]',
      '{ type: object, properties: { value: ' + strings + ', nextLink: { type: string } } }',
      'x-ms-pageable: { nextLinkName: null }',
    ],
  ])('does not page %s', async (_name, parameters, schema, extra) => {
    expect(await listing(parameters, schema, extra)).toBeUndefined();
  });

  it('does not page a POST by a query cursor, only by one in its body', async () => {
    const paths = [
      '/search:',
      '  post:',
      `    parameters: [${query('cursor')}]`,
      "    responses: { '200': { description: a page, content: { application/json: { schema: { type: object, properties: { data: " +
        strings +
        ', next_cursor: { type: string } } } } } } }',
    ].join('\n');
    const { model } = await buildFromFiles({ 'openapi.yaml': specText({ paths }) });
    expect(model!.operations[0]!.pagination).toBeUndefined();
  });

  it('reads the real specs of the corpus', async () => {
    const at = async (spec: string, ids: readonly string[]): Promise<Record<string, unknown>> => {
      const all = plans(await buildFromFile(join(specsFolder, spec)));
      return Object.fromEntries(ids.map((id) => [id, all[id]]));
    };
    expect(await at('qovery/openapi.yaml', ['getOrganizationEvents', 'listOrganization'])).toEqual({
      getOrganizationEvents: { items: ['events'], next: { kind: 'url', path: ['links', 'next'] } },
      listOrganization: undefined,
    });
    expect(await at('twilio-api-v2010/openapi.yaml', ['ListCall', 'ListAvailablePhoneNumberCountry'])).toEqual({
      ListCall: { items: ['calls'], next: { kind: 'url', path: ['next_page_uri'] } },
      ListAvailablePhoneNumberCountry: undefined,
    });
    expect(await at('box/openapi.json', ['get_folders_id_items', 'get_files_id_comments'])).toEqual({
      get_folders_id_items: { items: ['entries'], next: { kind: 'cursor', path: ['next_marker'], arg: 'marker' } },
      get_files_id_comments: { items: ['entries'], next: { kind: 'offset', arg: 'offset' }, total: ['total_count'] },
    });
    expect(await at('dutchie/openapi.json', ['CustomerCustomers-paginatedGet', 'Purchase-orderGet'])).toEqual({
      'CustomerCustomers-paginatedGet': { items: [], next: { kind: 'page', arg: 'PageNumber', first: 0 } },
      // Its description says the first page is 0, its schema does not.
      'Purchase-orderGet': undefined,
    });
    const discord = plans(await buildFromFile(join(specsFolder, 'discord', 'openapi.json')));
    expect(Object.values(discord).filter(Boolean)).toEqual([]);
  });

  describe('the config', () => {
    /** Discord's messages: a list, and `before` takes the id of the oldest one read; Qovery's events beside. */
    const paths = [
      '/channels/{id}/messages:',
      '  get:',
      '    operationId: listMessages',
      `    parameters: [{ name: id, in: path, required: true, schema: { type: string } }, ${query('before')}, ${query('limit', '{ type: integer }')}]`,
      "    responses: { '200': { description: a page, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Message' } } } } } }",
      '/events:',
      '  get:',
      '    operationId: listEvents',
      `    parameters: [${query('cursor')}]`,
      "    responses: { '200': { description: a page, content: { application/json: { schema: { type: object, properties: { data: " +
        strings +
        ', next_cursor: { type: string }, meta: { type: object, properties: { more: { type: boolean } } } } } } } } }',
    ].join('\n');
    const schemas = 'Message: { type: object, required: [id], properties: { id: { type: string } } }';
    const build = async (pagination: ConfiguredPages) =>
      buildFromFiles({ 'openapi.yaml': specText({ paths, schemas }) }, 'openapi.yaml', { pagination });

    it('pages an operation the way the config says, and turns the generator’s reading off with false', async () => {
      const { model, diagnostics } = await build({
        listMessages: { items: '', lastItem: 'id', param: 'before' },
        listEvents: false,
      });
      expect(diagnostics).toEqual([]);
      expect(plans(model!)).toEqual({
        listMessages: { items: [], next: { kind: 'lastItem', property: 'id', arg: 'before' } },
        listEvents: undefined,
      });
      expect(model!.operations[0]!.pagination!.item).toEqual({ kind: 'ref', name: 'Message' });
    });

    it('takes paths as lists or dotted names, with more and total', async () => {
      const { model } = await build({
        listEvents: { items: ['data'], cursor: 'next_cursor', param: 'cursor', more: 'meta.more' },
      });
      expect(plans(model!)['listEvents']).toEqual({
        items: ['data'],
        next: { kind: 'cursor', path: ['next_cursor'], arg: 'cursor' },
        more: ['meta', 'more'],
      });
    });

    it('pages Discord’s messages by the id of the oldest one read, as the README shows', async () => {
      const spec = join(specsFolder, 'discord', 'openapi.json');
      const pagination = { list_messages: { items: '', lastItem: 'id', param: 'before' } };
      const messages = (await buildFromFile(spec, { pagination })).operations.find(
        (operation) => operation.operationId === 'list_messages',
      );
      expect(messages?.pagination).toEqual({
        items: [],
        item: { kind: 'ref', name: 'MessageResponse' },
        next: { kind: 'lastItem', property: 'id', arg: 'before' },
      });
    });

    it('pages Qovery’s deployment histories by startId, the id of the last one read, as the README shows', async () => {
      const spec = join(specsFolder, 'qovery', 'openapi.yaml');
      const pagination = { listEnvironmentDeploymentHistory: { items: 'results', lastItem: 'id', param: 'startId' } };
      const history = (await buildFromFile(spec, { pagination })).operations.find(
        (operation) => operation.operationId === 'listEnvironmentDeploymentHistory',
      );
      expect(history?.pagination).toEqual({
        items: ['results'],
        item: { kind: 'ref', name: 'DeploymentHistoryEnvironment' },
        next: { kind: 'lastItem', property: 'id', arg: 'startId' },
      });
    });

    it('sends a configured cursor in the JSON body of a POST list that takes it there', async () => {
      const search = [
        '/search:',
        '  post:',
        '    operationId: search',
        '    requestBody: { content: { application/json: { schema: { type: object, properties: { q: { type: string }, after: { type: string } } } } } }',
        "    responses: { '200': { description: a page, content: { application/json: { schema: { type: object, properties: { hits: " +
          strings +
          ', last: { type: string } } } } } } }',
      ].join('\n');
      const { model, diagnostics } = await buildFromFiles(
        { 'openapi.yaml': specText({ paths: search }) },
        'openapi.yaml',
        {
          pagination: { search: { items: 'hits', cursor: 'last', param: 'after' } },
        },
      );
      expect(diagnostics).toEqual([]);
      expect(plans(model!)['search']).toEqual({
        items: ['hits'],
        next: { kind: 'cursor', path: ['last'], arg: 'after', body: true },
      });
    });

    it('reports, as errors naming the key, a parameter, a path or a list the operation does not have', async () => {
      const { diagnostics } = await build({
        listMessages: { items: 'messages', lastItem: 'id', param: 'after' },
        listEvents: { items: 'data', cursor: 'next', param: 'cursor', total: 'count' },
        listThreads: false,
      });
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message])).toEqual([
        ['SDK5103', 'warning', 'The config\'s pagination "listThreads" names no operationId of the spec.'],
        [
          'SDK5104',
          'error',
          'The config\'s pagination.listMessages.items: "messages" is not a list in the response of listMessages.',
        ],
        [
          'SDK5104',
          'error',
          'The config\'s pagination.listMessages.param: listMessages has no query parameter "after".',
        ],
        [
          'SDK5104',
          'error',
          'The config\'s pagination.listEvents.cursor: "next" is not in the response of listEvents.',
        ],
        [
          'SDK5104',
          'error',
          'The config\'s pagination.listEvents.total: "count" is not in the response of listEvents.',
        ],
      ]);
    });
  });

  it('diff reports a list that starts to page as non-breaking, and one that stops as breaking', async () => {
    const cursor = '{ type: object, properties: { data: ' + strings + ', next_cursor: { type: string } } }';
    const modelOf = async (schema: string): Promise<SdkModel> => {
      const paths = [
        '/items:',
        '  get:',
        '    operationId: listItems',
        `    parameters: [${query('cursor')}]`,
        `    responses: { '200': { description: a page, content: { application/json: { schema: ${schema} } } } }`,
      ].join('\n');
      return (await buildFromFiles({ 'openapi.yaml': specText({ paths }) })).model!;
    };
    const plain = await modelOf('{ type: object, properties: { data: ' + strings + ' } }');
    const paged = await modelOf(cursor);
    const changes = (before: SdkModel, after: SdkModel) =>
      diffModels(before, after)
        .changes.filter((change) => change.kind.startsWith('pagination'))
        .map(({ severity, kind }) => [severity, kind]);
    expect(changes(plain, paged)).toEqual([['non-breaking', 'pagination-added']]);
    expect(changes(paged, plain)).toEqual([['breaking', 'pagination-removed']]);
    expect(changes(paged, paged)).toEqual([]);
  });
});

import { defaultServerUrl } from '../model/servers';
import type { SdkModel, SecurityScheme, TypeNode } from '../model/types';
import {
  callExpression,
  constDeclaration,
  functionDeclaration,
  identifier,
  returnStatement,
  stringExpression,
} from './codeSyntax';
import { laidOutDoc, typeAliasDeclaration } from './declarations';
import type { EmittedFile } from './emittedFile';
import { serverExpression } from './requestObject';
import { namedList, namespaceImport, type LaidOutStatement, type SourcePrinter } from './sourceFile';
import { annotationDoc, type Member } from './typeSyntax';

/**
 * `client.ts`: `createClient` (a method per operation) and `createBaseClient`
 * (no methods: pass it to the standalone functions and a bundler keeps only
 * the operations you import).
 */
export function emitClient(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const auth: Member[] = model.securitySchemes.map((scheme) => ({
    name: scheme.name,
    type: { kind: 'ref', name: 'Credential' },
    required: false,
    readOnly: true,
    writeOnly: false,
    docs: { description: authDescription(scheme), ...(scheme.docs.deprecated ? { deprecated: true } : {}) },
  }));
  const server = model.servers[0];
  const baseUrl = server && defaultServerUrl(server);
  const helpers = new Set(['bindOperations', 'createHttpClient']);
  // The client holds what operations share, so that each operation states only its own server and security.
  const serverArgument = server ? serverExpression(server, helpers) : identifier('undefined');
  const createBaseClient = functionDeclaration({
    name: 'createBaseClient',
    parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
    returnType: 'BaseClient',
    body: [
      returnStatement(
        callExpression('createHttpClient', [identifier('options'), serverArgument, identifier('defaultSecurity')]),
      ),
    ],
  });
  const runtimeNames = [
    ...[...helpers].sort(),
    // `Auth` names `Credential` only for a spec with security schemes; an unused import fails `noUnusedLocals`.
    ...['BaseClient', 'BaseClientOptions', ...(auth.length > 0 ? ['Credential'] : [])].map((name) => `type ${name}`),
  ];
  return printer.print('client.ts', banner, [
    namedList({ keyword: 'import', names: runtimeNames, moduleSpecifier: './runtime/index.js' }),
    namedList({ keyword: 'import', names: ['defaultSecurity'], moduleSpecifier: './security.js' }),
    namespaceImport('operations', './operations/index.js'),
    laidOutDoc(
      "The spec's first server; `baseUrl` overrides it.",
      constDeclaration(
        'defaultBaseUrl',
        annotationDoc({ kind: 'union', members: [{ kind: 'string' }, { kind: 'ref', name: 'undefined' }] }),
        baseUrl === undefined ? identifier('undefined') : stringExpression(baseUrl),
      ),
    ),
    auth.length > 0
      ? typeAliasDeclaration({ name: 'Auth', docs: authDocs, type: { kind: 'object', bases: [], properties: auth } })
      : { laidOut: `/** ${authDocs} */\nexport type Auth = {};`, exact: true },
    typeAliasDeclaration({
      name: 'ServerVariables',
      docs: "Values for the variables of the spec's server URLs; each defaults to the spec's `default`.",
      type: serverVariablesType(model),
    }),
    {
      exact: true,
      laidOut: [
        '/** Options of {@link createClient} and {@link createBaseClient}: where the API is, how to reach it, the credentials. */',
        "export interface ClientOptions extends Omit<BaseClientOptions, 'auth' | 'serverVariables'> {",
        '  /** Credentials by security scheme; an operation uses the ones the spec lists for it. */',
        '  readonly auth?: Auth;',
        "  /** Values for the `{variables}` of the spec's server URLs. */",
        '  readonly serverVariables?: ServerVariables;',
        '}',
      ].join('\n'),
    },
    laidOutDoc('A client without methods, for the standalone operation functions.', createBaseClient),
    ...clientDeclarations,
  ]);
}

const authDocs = 'A credential for each security scheme of the spec; each is a string or a function returning one.';

/**
 * `createClient` and its type, the same for every SDK. `Client` maps the
 * operation functions to methods rather than listing them: TypeScript works
 * out a method's type where it is used, instead of checking hundreds of
 * methods in every program that includes the SDK, and a method shows the
 * function's docs (route, errors) and leads to its definition.
 */
const clientDeclarations: LaidOutStatement[] = [
  `/** A client with a method for each operation of the API. */
export function createClient(options: ClientOptions = {}): Client {
  return bindOperations(createBaseClient(options), operations) as Client;
}`,
  `/** An operation function with the client bound: the method of the same name of {@link Client}. */
type Method<F> = F extends (client: BaseClient, ...rest: infer A) => infer R ? (...rest: A) => R : never;`,
  `/** Each operation function of the SDK as a method, under the function's name. */
type Methods = { -readonly [K in keyof typeof operations]: Method<(typeof operations)[K]> };`,
  `/**
 * The client {@link createClient} returns: for each operation, a method that
 * calls the standalone function of the same name with this client (its docs
 * and types are the function's), and \`request\`.
 */
export type Client = Methods & Pick<BaseClient, 'request'>;`,
].map((laidOut) => ({ laidOut, exact: true }));

/** Each variable of every server the SDK may call, with its allowed values when the spec lists them. */
function serverVariablesType(model: SdkModel): TypeNode {
  const servers = [
    ...model.servers.slice(0, 1),
    ...model.operations.flatMap((operation) => operation.servers?.slice(0, 1) ?? []),
  ];
  const values = new Map<string, Set<string> | undefined>();
  for (const variable of servers.flatMap((server) => server.variables)) {
    const known = values.has(variable.name) ? values.get(variable.name) : new Set<string>();
    values.set(variable.name, known && variable.enum ? new Set([...known, ...variable.enum]) : undefined);
  }
  const properties = [...values].map(([name, allowed]) => {
    const literals = [...(allowed ?? [])].map((value): TypeNode => ({ kind: 'literal', value }));
    const type: TypeNode =
      literals.length === 0
        ? { kind: 'string' }
        : literals.length === 1
          ? literals[0]!
          : { kind: 'union', members: literals };
    return { name, type, required: false, readOnly: true, writeOnly: false, docs: {} };
  });
  // No member: `Record<string, never>`.
  return { kind: 'object', bases: [], properties };
}

function authDescription(scheme: SecurityScheme): string {
  const how =
    scheme.type === 'http'
      ? `HTTP ${scheme.scheme}: sent as \`Authorization: ${scheme.scheme.charAt(0).toUpperCase()}${scheme.scheme.slice(1).toLowerCase()} <credential>\`.`
      : scheme.type === 'apiKey'
        ? `API key, sent as given in the ${scheme.in} \`${scheme.parameterName}\`.`
        : `${scheme.type === 'oauth2' ? 'OAuth 2' : 'OpenID Connect'} access token, sent as \`Authorization: Bearer <token>\`.`;
  return [scheme.docs.description, how].filter(Boolean).join('\n\n');
}

import { defaultServerUrl } from '../model/servers';
import type { SdkModel, SecurityScheme } from '../model/types';
import type { EmittedFile } from './emittedFile';
import { jsDocComment } from './jsdoc';
import { propertyKey, stringLiteral } from './literals';
import { serverLiteral } from './requestObject';
import type { LaidOutStatement, SourcePrinter } from './sourceFile';

/**
 * `client.ts`: `createClient` (a method per operation) and `createBaseClient`
 * (no methods: pass it to the standalone functions and a bundler keeps only
 * the operations you import).
 */
export function emitClient(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const authMembers = model.securitySchemes.map(
    (scheme) =>
      `${jsDocComment({ description: authDescription(scheme) })}readonly ${propertyKey(scheme.name)}?: Credential;`,
  );
  const server = model.servers[0];
  const baseUrl = server && defaultServerUrl(server);
  const helpers = new Set(['bindOperations', 'createHttpClient']);
  // The client holds what operations share, so that each operation states only its own server and security.
  const serverArgument = server ? serverLiteral(server, helpers) : 'undefined';
  return printer.print('client.ts', banner, [
    `import { ${[...helpers].sort().join(', ')}, type BaseClient, type BaseClientOptions, type Credential } from './runtime/index.js';`,
    `import { defaultSecurity } from './security.js';`,
    { laidOut: `import * as operations from './operations/index.js';`, exact: true },
    `/** The spec's first server; \`baseUrl\` overrides it. */\nexport const defaultBaseUrl: string | undefined = ${baseUrl === undefined ? 'undefined' : stringLiteral(baseUrl)};`,
    `/** A credential for each security scheme of the spec; each is a string or a function returning one. */\nexport type Auth = {\n${authMembers.join('\n')}\n};`,
    `/** Values for the variables of the spec's server URLs; each defaults to the spec's \`default\`. */\nexport type ServerVariables = ${serverVariablesType(model)};`,
    `/** Options of {@link createClient} and {@link createBaseClient}: where the API is, how to reach it, the credentials. */\nexport interface ClientOptions extends Omit<BaseClientOptions, 'auth' | 'serverVariables'> {\n/** Credentials by security scheme; an operation uses the ones the spec lists for it. */\nreadonly auth?: Auth;\n/** Values for the \`{variables}\` of the spec's server URLs. */\nreadonly serverVariables?: ServerVariables;\n}`,
    `/** A client without methods, for the standalone operation functions. */\nexport function createBaseClient(options: ClientOptions = {}): BaseClient {\nreturn createHttpClient(options, ${serverArgument}, defaultSecurity);\n}`,
    ...clientDeclarations,
  ]);
}

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
function serverVariablesType(model: SdkModel): string {
  const servers = [
    ...model.servers.slice(0, 1),
    ...model.operations.flatMap((operation) => operation.servers?.slice(0, 1) ?? []),
  ];
  const values = new Map<string, Set<string> | undefined>();
  for (const variable of servers.flatMap((server) => server.variables)) {
    const known = values.has(variable.name) ? values.get(variable.name) : new Set<string>();
    values.set(variable.name, known && variable.enum ? new Set([...known, ...variable.enum]) : undefined);
  }
  if (values.size === 0) return 'Record<string, never>';
  const members = [...values].map(([name, allowed]) => {
    const type = allowed && allowed.size > 0 ? [...allowed].map(stringLiteral).join(' | ') : 'string';
    return `readonly ${propertyKey(name)}?: ${type};`;
  });
  return `{\n${members.join('\n')}\n}`;
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

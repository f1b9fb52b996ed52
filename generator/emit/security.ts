import type { SdkModel, SecurityScheme } from '../model/types';
import type { EmittedFile } from './emittedFile';
import { jsDocComment } from './jsdoc';
import { objectLiteralKey, propertyAccess, stringLiteral } from './literals';
import { valueImport, type SourcePrinter } from './sourceFile';

/**
 * `security.ts`: the spec's security schemes, each with the runtime function
 * that sends its kind of credential (imported one by one, so a bundle holds
 * only the kinds the spec uses). `as const` keeps each literal's type even for
 * a scheme named like an `Object` member (`constructor`), whose contextual
 * type would widen it.
 */
export function emitSecurity(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const helpers = new Set<string>();
  const schemes = model.securitySchemes.map(
    (scheme) => `${jsDocComment(scheme.docs)}${objectLiteralKey(scheme.name)}: ${schemeLiteral(scheme, helpers)},`,
  );
  const alternatives = model.defaultSecurity.map(
    (names) => `[${names.map((name) => propertyAccess('schemes', name)).join(', ')}]`,
  );
  return printer.print('security.ts', banner, [
    ...valueImport(helpers, './runtime/index.js'),
    `import type { SecurityRequirement, SecurityScheme } from './runtime/index.js';`,
    `/** The security schemes of the spec, by name. */\nexport const schemes = {\n${schemes.join('\n')}\n} as const satisfies Record<string, SecurityScheme>;`,
    `/** Security of the operations that do not declare their own: any one of these alternatives. */\nexport const defaultSecurity: readonly SecurityRequirement[] = [${alternatives.join(', ')}];`,
  ]);
}

/** `{ name: 'bearerAuth', apply: headerAuth('Authorization', 'Bearer ') }`. */
function schemeLiteral(scheme: SecurityScheme, helpers: Set<string>): string {
  return `{ name: ${stringLiteral(scheme.name)}, apply: ${applier(scheme, helpers)} }`;
}

function applier(scheme: SecurityScheme, helpers: Set<string>): string {
  switch (scheme.type) {
    case 'http': {
      if (/^basic$/i.test(scheme.scheme)) {
        helpers.add('basicAuth');
        return 'basicAuth';
      }
      // RFC 7235: the scheme name is case-insensitive; sent capitalized, the usual spelling.
      const word = `${scheme.scheme.charAt(0).toUpperCase()}${scheme.scheme.slice(1).toLowerCase()}`;
      helpers.add('headerAuth');
      return `headerAuth('Authorization', ${stringLiteral(`${word} `)})`;
    }
    case 'apiKey': {
      const name = stringLiteral(scheme.parameterName);
      const helper = scheme.in === 'header' ? 'headerAuth' : scheme.in === 'query' ? 'queryAuth' : 'cookieAuth';
      helpers.add(helper);
      return `${helper}(${name})`;
    }
    case 'oauth2':
    case 'openIdConnect':
      // Both send the token the provider returns as a bearer token (RFC 6750).
      helpers.add('headerAuth');
      return `headerAuth('Authorization', 'Bearer ')`;
  }
}

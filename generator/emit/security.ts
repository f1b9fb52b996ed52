import type { SdkModel, SecurityScheme, TypeNode } from '../model/types';
import {
  arrayExpression,
  callExpression,
  constSatisfies,
  constDeclaration,
  identifier,
  localConstDeclaration,
  objectExpression,
  stringExpression,
  type Expression,
  type PropertyAssignment,
} from './codeSyntax';
import { laidOutDoc } from './declarations';
import type { EmittedFile } from './emittedFile';
import { jsDocLines } from './jsdoc';
import { objectLiteralKey } from './literals';
import { namedList, valueImport, type SourcePrinter } from './sourceFile';
import { readonlyRecordDoc } from './typeSyntax';
import type { Doc } from './layout';

/**
 * `security.ts`: the spec's security schemes, each with the runtime function
 * that sends its kind of credential (imported one by one, so a bundle holds
 * only the kinds the spec uses). `as const` keeps each literal's type even for
 * a scheme named like an `Object` member (`constructor`), whose contextual
 * type would widen it.
 */
export function emitSecurity(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const helpers = new Set<string>();
  // Each scheme is a constant of its own (`scheme1`...), which `schemes` and `defaultSecurity` share: a bundle that
  // only needs `defaultSecurity` drops `schemes`, and names each scheme once instead of as `schemes.<name>`.
  const local = new Map(model.securitySchemes.map((scheme, index) => [scheme.name, `scheme${index + 1}`]));
  const constants = model.securitySchemes.map((scheme) =>
    localConstDeclaration(
      local.get(scheme.name)!,
      undefined,
      constSatisfies(schemeLiteral(scheme, helpers), 'SecurityScheme'),
    ),
  );
  const schemes = model.securitySchemes.map((scheme): PropertyAssignment => ({
    key: objectLiteralKey(scheme.name),
    value: identifier(local.get(scheme.name)!),
    comment: jsDocLines(scheme.docs),
  }));
  const alternatives = model.defaultSecurity.map((names) =>
    arrayExpression(names.map((name) => identifier(local.get(name)!))),
  );
  return printer.print('security.ts', banner, [
    ...valueImport(helpers, './runtime/index.js'),
    namedList({
      keyword: 'import',
      isTypeOnly: true,
      names: ['SecurityRequirement', 'SecurityScheme'],
      moduleSpecifier: './runtime/index.js',
    }),
    ...constants.map((constant) => laidOutDoc('', constant)),
    laidOutDoc(
      'The security schemes of the spec, by name.',
      constDeclaration('schemes', schemesType(model.securitySchemes), objectExpression(schemes, true)),
    ),
    laidOutDoc(
      'Security of the operations that do not declare their own: any one of these alternatives.',
      constDeclaration('defaultSecurity', 'readonly SecurityRequirement[]', arrayExpression(alternatives)),
    ),
  ]);
}

/**
 * `Readonly<Record<'bearerAuth' | 'ApiKeyAuth', SecurityScheme>>`: written out, so that the SDK's declarations need no
 * inference (`isolatedDeclarations`, as JSR and fast declaration bundlers ask).
 */
function schemesType(schemes: readonly SecurityScheme[]): Doc {
  const names: TypeNode =
    schemes.length > 0
      ? { kind: 'union', members: schemes.map((scheme): TypeNode => ({ kind: 'literal', value: scheme.name })) }
      : { kind: 'never' };
  return readonlyRecordDoc(names, { kind: 'ref', name: 'SecurityScheme' });
}

/** `{ name: 'bearerAuth', apply: headerAuth('Authorization', 'Bearer ') }`. */
function schemeLiteral(scheme: SecurityScheme, helpers: Set<string>): Expression {
  return objectExpression([
    { key: 'name', value: stringExpression(scheme.name) },
    { key: 'apply', value: applier(scheme, helpers) },
  ]);
}

function applier(scheme: SecurityScheme, helpers: Set<string>): Expression {
  switch (scheme.type) {
    case 'http': {
      if (/^basic$/i.test(scheme.scheme)) {
        helpers.add('basicAuth');
        return identifier('basicAuth');
      }
      // RFC 7235: the scheme name is case-insensitive; sent capitalized, the usual spelling.
      const word = `${scheme.scheme.charAt(0).toUpperCase()}${scheme.scheme.slice(1).toLowerCase()}`;
      helpers.add('headerAuth');
      return callExpression('headerAuth', [stringExpression('Authorization'), stringExpression(`${word} `)]);
    }
    case 'apiKey': {
      const name = stringExpression(scheme.parameterName);
      const helper = scheme.in === 'header' ? 'headerAuth' : scheme.in === 'query' ? 'queryAuth' : 'cookieAuth';
      helpers.add(helper);
      return callExpression(helper, [name]);
    }
    case 'oauth2':
    case 'openIdConnect':
      // Both send the token the provider returns as a bearer token (RFC 6750).
      helpers.add('headerAuth');
      return callExpression('headerAuth', [stringExpression('Authorization'), stringExpression('Bearer ')]);
  }
}

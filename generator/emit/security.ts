import type { SdkModel, SecurityScheme } from '../model/types';
import type { EmittedFile } from './emittedFile';
import { jsDocComment } from './jsdoc';
import { objectLiteralKey, propertyAccess, stringLiteral } from './literals';
import type { SourcePrinter } from './sourceFile';

/**
 * `security.ts`: the spec's security schemes as data the runtime applies.
 * `as const` keeps each literal's type even for a scheme named like an
 * `Object` member (`constructor`), whose contextual type would widen it.
 */
export function emitSecurity(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const schemes = model.securitySchemes.map(
    (scheme) => `${jsDocComment(scheme.docs)}${objectLiteralKey(scheme.name)}: ${schemeLiteral(scheme)},`,
  );
  const alternatives = model.defaultSecurity.map(
    (names) => `[${names.map((name) => propertyAccess('schemes', name)).join(', ')}]`,
  );
  return printer.print('security.ts', banner, [
    `import type { SecurityRequirement, SecurityScheme } from './runtime/index.js';`,
    `/** The security schemes of the spec, by name. */\nexport const schemes = {\n${schemes.join('\n')}\n} as const satisfies Record<string, SecurityScheme>;`,
    `/** Security of the operations that do not declare their own: any one of these alternatives. */\nexport const defaultSecurity: readonly SecurityRequirement[] = [${alternatives.join(', ')}];`,
  ]);
}

function schemeLiteral(scheme: SecurityScheme): string {
  const name = `name: ${stringLiteral(scheme.name)}`;
  switch (scheme.type) {
    case 'http':
      return `{ ${name}, type: 'http', scheme: ${stringLiteral(scheme.scheme)} }`;
    case 'apiKey':
      return `{ ${name}, type: 'apiKey', in: ${stringLiteral(scheme.in)}, parameterName: ${stringLiteral(scheme.parameterName)} }`;
    case 'oauth2':
    case 'openIdConnect':
      return `{ ${name}, type: ${stringLiteral(scheme.type)} }`;
  }
}

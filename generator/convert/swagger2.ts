import type { Diagnostic } from '../diagnostics/diagnostic';
import { SpecSource } from '../load/specSource';
import { diagnosticAt } from '../resolve/location';
import type { ResolvedSpec } from '../resolve/resolvedSpec';
import { bundleSwagger2 } from './bundleSwagger2';

/** Whether a parsed document is Swagger 2.0 (`swagger: "2.0"`). */
export function isSwagger2(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['swagger'] === '2.0';
}

/**
 * A Swagger 2.0 spec (root and referenced files, already loaded and checked)
 * as one OpenAPI 3.0 document, converted by `swagger2openapi`. The rest of
 * the generator only knows OpenAPI 3.x.
 */
export async function convertSwagger2(spec: ResolvedSpec): Promise<{ source?: SpecSource; diagnostics: Diagnostic[] }> {
  try {
    // `resolve: false`: every file is already bundled in; the converter reads nothing on its own.
    // Loaded only for a Swagger 2.0 document, with the many packages it brings.
    const { convertObj } = require('swagger2openapi') as typeof import('swagger2openapi');
    const converted = await convertObj(bundleSwagger2(spec) as never, { patch: true, warnOnly: true, resolve: false });
    const root = spec.root;
    return { source: new ConvertedSource(root.path, root.displayPath, root.text, converted.openapi), diagnostics: [] };
  } catch (error) {
    return {
      diagnostics: [
        diagnosticAt(spec.rootLocation(), {
          code: 'SDK1009',
          severity: 'error',
          message: `The Swagger 2.0 document could not be converted to OpenAPI 3.0: ${(error as Error).message}`,
          hint: 'Fix the document where the message says, or convert it to OpenAPI 3 yourself.',
        }),
      ],
    };
  }
}

/**
 * The converted document. Its pointers are those of the OpenAPI 3.0 form, not
 * of the file on disk, so diagnostics name the pointer but no line.
 */
class ConvertedSource extends SpecSource {
  override locate(): undefined {
    return undefined;
  }
}

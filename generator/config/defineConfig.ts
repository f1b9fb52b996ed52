import type { ConfigInput } from './schema';

/**
 * Types a TypeScript config file (`sdkgen.config.ts`):
 *
 *     import { defineConfig } from 'openapi-sdkgen';
 *     export default defineConfig({ sdks: [{ name: 'qovery', input: 'spec/openapi.yaml', output: 'generated/qovery' }] });
 *
 * It returns its argument: the file is validated like a JSON config when loaded.
 */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

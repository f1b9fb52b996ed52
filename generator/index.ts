/** What the `openapi-sdkgen` package exports to programs and config files. */
export { defineConfig } from './config/defineConfig';
export type { ConfigInput, GenerateOptions, OperationSelector, SdkConfig } from './config/schema';
export { generateSdk, type GenerateInput, type GenerateResult } from './pipeline';
export type { Diagnostic } from './diagnostics/diagnostic';

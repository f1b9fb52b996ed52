import type { GenerateInput } from '../pipeline';

/** The `--overlay` files of a command given one spec (`validate`, each side of `diff`), as the pipeline's options. */
export function overlayInput(files: readonly string[] | undefined): Pick<GenerateInput, 'options'> {
  return files && files.length > 0 ? { options: { overlays: [...files] } } : {};
}

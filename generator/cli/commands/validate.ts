import { validateSdk } from '../../pipeline';
import { reportDiagnostics, type Console } from '../console';
import { ExitCode } from '../exitCodes';
import { overlayInput } from '../overlayInput';
import { applyStrict } from './generateAll';

/** `sdkgen validate -i <spec>`: the diagnostics of a spec under edit, nothing generated or written. */
export async function validateCommand(
  flags: { readonly input: string; readonly overlay?: readonly string[]; readonly strict?: boolean },
  cwd: string,
  console: Console,
): Promise<ExitCode> {
  const result = await validateSdk({ specPath: flags.input, cwd, ...overlayInput(flags.overlay) });
  const diagnostics = applyStrict(result.diagnostics, flags.strict);
  reportDiagnostics(console, diagnostics);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  console.out(`${flags.input}: ${errors} error(s), ${warnings} warning(s).`);
  return errors > 0 || !result.model ? ExitCode.Problem : ExitCode.Success;
}

import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SpecSource } from '../load/specSource';
import { hasOwn, isRecord } from '../util/guards';
import { appendPointer } from '../util/jsonPointer';

/** The feature set an overlay uses: `major.minor` of its `overlay` field (the patch changes no behaviour). */
export type OverlayVersion = '1.0' | '1.1';

/** One Action Object of an overlay, checked. */
export interface OverlayAction {
  /** Its index in `actions`, for pointers into the overlay file. */
  readonly index: number;
  readonly target: string;
  /** The `update` value, when the action has the field (even `null`). */
  readonly update?: { readonly value: unknown };
  readonly copy?: string;
  readonly remove: boolean;
}

/** An overlay file, read and checked: its version and ordered actions. */
export interface OverlayDocument {
  readonly source: SpecSource;
  readonly version: OverlayVersion;
  readonly actions: readonly OverlayAction[];
}

const rootFields = ['overlay', 'info', 'extends', 'actions'];
const infoFields = ['title', 'version', 'description'];
const actionFields = ['target', 'description', 'update', 'copy', 'remove'];

/**
 * Checks an overlay against the Overlay Specification 1.0 and 1.1 (§ Overlay Object, Info Object, Action
 * Object): every problem of its shape is reported at once, and no action of a file with one is applied.
 */
export function readOverlayDocument(source: SpecSource): { document?: OverlayDocument; diagnostics: Diagnostic[] } {
  const root = source.value;
  const problem = (pointer: string, code: string, message: string, hint: string): Diagnostic =>
    source.diagnosticAt(pointer, { code, severity: 'error', message, hint });
  if (!isRecord(root)) {
    return {
      diagnostics: [
        problem(
          '',
          'SDK1101',
          'The overlay is not an Overlay document: it is not an object.',
          'An overlay is an object with `overlay: 1.1.0`, `info` (title, version) and a list of `actions`.',
        ),
      ],
    };
  }
  const version = overlayVersion(root['overlay']);
  if (typeof version !== 'string') {
    return {
      diagnostics: [problem(hasOwn(root, 'overlay') ? '/overlay' : '', 'SDK1101', version.message, version.hint)],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const shape = (pointer: string, message: string, hint: string): void => {
    diagnostics.push(problem(pointer, 'SDK1102', message, hint));
  };
  unknownFields(root, '', rootFields, 'the overlay', shape);
  checkInfo(root, shape);
  if (hasOwn(root, 'extends') && typeof root['extends'] !== 'string') {
    shape(
      '/extends',
      '`extends` must be a string (the URI of the document the overlay was written for).',
      "Write it as a string, or remove it: sdkgen applies the overlay to the SDK's spec.",
    );
  }
  const actions = root['actions'];
  if (!Array.isArray(actions) || actions.length === 0) {
    shape(
      hasOwn(root, 'actions') ? '/actions' : '',
      Array.isArray(actions) ? "The overlay's `actions` list is empty." : 'The overlay has no `actions` list.',
      'Add `actions:` with at least one action, e.g. `- target: $.info` and `update: { title: New title }`.',
    );
    return { diagnostics };
  }
  const checked = actions.map((action, index) => readAction(action, index, version, shape));
  if (diagnostics.length > 0) return { diagnostics };
  return { document: { source, version, actions: checked.filter((action) => action !== undefined) }, diagnostics };
}

type Report = (pointer: string, message: string, hint: string) => void;

function overlayVersion(value: unknown): OverlayVersion | { message: string; hint: string } {
  const hint = 'Start the overlay with `overlay: 1.1.0` (or `1.0.0`): sdkgen applies Overlay 1.0.x and 1.1.x.';
  if (value === undefined) return { message: 'The overlay has no `overlay` field naming its version.', hint };
  if (typeof value !== 'string') {
    return {
      message: `The overlay version must be a string such as "1.1.0", not ${JSON.stringify(value)}.`,
      hint: 'Quote the version (`overlay: "1.1.0"`): YAML reads 1.0 as a number.',
    };
  }
  const match = /^1\.([01])\.\d+$/.exec(value);
  if (!match) {
    return {
      message: `Unsupported Overlay version ${JSON.stringify(value)}: sdkgen supports Overlay 1.0.x and 1.1.x.`,
      hint,
    };
  }
  return match[1] === '0' ? '1.0' : '1.1';
}

function checkInfo(root: Record<string, unknown>, report: Report): void {
  const info = root['info'];
  if (!isRecord(info)) {
    report(
      hasOwn(root, 'info') ? '/info' : '',
      hasOwn(root, 'info') ? "The overlay's `info` must be an object." : 'The overlay has no `info`.',
      'Add `info: { title: What the overlay does, version: 1.0.0 }`.',
    );
    return;
  }
  unknownFields(info, '/info', infoFields, '`info`', report);
  for (const field of ['title', 'version'] as const) {
    if (typeof info[field] !== 'string') {
      report(
        hasOwn(info, field) ? `/info/${field}` : '/info',
        `The overlay's info.${field} ${hasOwn(info, field) ? 'must be a string' : 'is missing'}.`,
        `Give \`info.${field}\` as a string (quote a version: \`version: "1.0"\`).`,
      );
    }
  }
  if (hasOwn(info, 'description') && typeof info['description'] !== 'string') {
    report('/info/description', "The overlay's info.description must be a string.", 'Write the description as text.');
  }
}

function readAction(value: unknown, index: number, version: OverlayVersion, report: Report): OverlayAction | undefined {
  const at = `/actions/${index}`;
  if (!isRecord(value)) {
    report(
      at,
      `Action ${index} is not an object.`,
      'Write each action as an object with `target` and `update`, `copy` or `remove: true`.',
    );
    return undefined;
  }
  unknownFields(value, at, actionFields, `action ${index}`, report);
  const target = value['target'];
  if (typeof target !== 'string') {
    report(
      hasOwn(value, 'target') ? `${at}/target` : at,
      `Action ${index} ${hasOwn(value, 'target') ? 'has a `target` that is not a string' : 'has no `target`'}.`,
      "Give the action a `target`: a JSONPath selecting what it changes, e.g. `$.paths['/pets'].get`.",
    );
  }
  for (const field of ['description', 'copy'] as const) {
    if (hasOwn(value, field) && typeof value[field] !== 'string') {
      report(
        `${at}/${field}`,
        `Action ${index}'s \`${field}\` must be a string.`,
        field === 'copy'
          ? 'Give `copy` as a JSONPath selecting the one node to copy.'
          : 'Write the description as text.',
      );
    }
  }
  if (hasOwn(value, 'remove') && typeof value['remove'] !== 'boolean') {
    report(
      `${at}/remove`,
      `Action ${index}'s \`remove\` must be true or false.`,
      'Write `remove: true` to remove what the target selects.',
    );
  }
  if (hasOwn(value, 'copy') && version === '1.0') {
    report(
      `${at}/copy`,
      `Action ${index} uses \`copy\`, which Overlay 1.1 added; the overlay says it is ${version}.`,
      'Set `overlay: 1.1.0` at the top of the overlay.',
    );
  }
  if (hasOwn(value, 'update') && hasOwn(value, 'copy') && value['remove'] !== true) {
    report(
      at,
      `Action ${index} has both \`update\` and \`copy\`; the Overlay Specification leaves it unclear which applies.`,
      'Split it into two actions with the same target.',
    );
  }
  if (!hasOwn(value, 'update') && !hasOwn(value, 'copy') && value['remove'] !== true) {
    report(
      at,
      `Action ${index} changes nothing: it has no \`update\`, \`copy\` or \`remove: true\`.`,
      'Add what the action does to its target, or remove the action.',
    );
  }
  if (typeof target !== 'string') return undefined;
  return {
    index,
    target,
    remove: value['remove'] === true,
    ...(hasOwn(value, 'update') ? { update: { value: value['update'] } } : {}),
    ...(typeof value['copy'] === 'string' ? { copy: value['copy'] } : {}),
  };
}

/** Fields the Overlay Specification does not define, and that are not `x-` extensions, are errors: a typo would otherwise do nothing. */
function unknownFields(
  object: Record<string, unknown>,
  at: string,
  known: readonly string[],
  what: string,
  report: Report,
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key) || key.startsWith('x-')) continue;
    report(
      appendPointer(at, key),
      `Unknown field ${JSON.stringify(key)} in ${what}.`,
      `Use the fields the Overlay Specification defines (${known.join(', ')}) or an \`x-\` extension.`,
    );
  }
}

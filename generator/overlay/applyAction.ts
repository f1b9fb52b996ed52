import type { Diagnostic } from '../diagnostics/diagnostic';
import { isRecord } from '../util/guards';
import { appendPointer } from '../util/jsonPointer';
import { appendAll, appendOne, isPrimitive, kindOf, mergeInto } from './mergeValue';
import type { OverlayAction, OverlayDocument } from './overlayDocument';
import { setOwn, type Origin, type Origins } from './origins';
import { removeNodes, valueAt } from './removeNodes';
import { selectNodes, type SelectedNode } from './selectNodes';

/** The document the actions change, in place, and where each of its nodes comes from. */
export interface OverlayState {
  readonly document: Record<string, unknown>;
  readonly origins: Origins;
  /** The spec as messages name it. */
  readonly specName: string;
}

type Kind = 'object' | 'array' | 'primitive';

/**
 * Applies one action to the document (Overlay Specification 1.0 and 1.1, Action Object): `remove` removes each
 * selected node; otherwise `update`, or the one node `copy` selects, is merged into each selected object,
 * appended to each selected array (an array is concatenated in 1.1) and, in 1.1, replaces each selected
 * primitive. Nothing is changed when the action cannot apply to every node it selects.
 */
export function applyAction(state: OverlayState, overlay: OverlayDocument, action: OverlayAction): Diagnostic[] {
  const at = `/actions/${action.index}`;
  const fail = (pointer: string, code: string, message: string, hint: string): Diagnostic[] => [
    overlay.source.diagnosticAt(pointer, { code, severity: 'error', message, hint }),
  ];
  const selected = selectNodes(state.document, action.target);
  if ('problem' in selected) return invalidPath(overlay, `${at}/target`, action.target, selected);
  const nodes = selected.nodes;
  if (nodes.length === 0) {
    return [
      overlay.source.diagnosticAt(`${at}/target`, {
        code: 'SDK1106',
        severity: 'warning',
        message: `Action ${action.index}'s target ${JSON.stringify(action.target)} selects nothing in ${state.specName}; the action changes nothing.`,
        hint: "Check the path against the spec as the earlier actions left it: names are case-sensitive, and a name with `/` or `-` needs brackets (`$.paths['/pets']`).",
      }),
    ];
  }
  const kinds = nodes.map((node) => kindOfNode(node.value));
  if (overlay.version === '1.0') {
    const primitive = nodes.find((_, index) => kinds[index] === 'primitive');
    if (primitive) {
      return fail(
        `${at}/target`,
        'SDK1104',
        `Action ${action.index}'s target selects ${kindOf(primitive.value)} at ${normalized(primitive)}; Overlay 1.0 targets only objects and arrays.`,
        'Select the object holding it and update that property, or set `overlay: 1.1.0`, which updates and removes primitives.',
      );
    }
  }
  if (action.remove) {
    if (nodes.some((node) => node.path.length === 0)) {
      return fail(
        `${at}/target`,
        'SDK1104',
        `Action ${action.index} would remove the whole document.`,
        'Select what to remove inside the document.',
      );
    }
    removeNodes(state.document, nodes, state.origins);
    return [];
  }

  const source = modifier(state, overlay, action);
  if ('diagnostics' in source) return source.diagnostics;
  if (overlay.version === '1.1' && new Set(kinds).size > 1) {
    return fail(
      `${at}/target`,
      'SDK1104',
      `Action ${action.index}'s target selects ${describeKinds(kinds)}; an update or copy needs them all objects, all arrays or all primitives (Overlay 1.1).`,
      'Narrow the target, or split the action in two.',
    );
  }
  const expected = nodes.map((node, index) => fits(kinds[index]!, source.value));
  const misfit = expected.findIndex((problem) => problem !== undefined);
  if (misfit !== -1) {
    return fail(
      source.pointer,
      'SDK1104',
      `Action ${action.index}: the target selects ${kindOf(nodes[misfit]!.value)} at ${normalized(nodes[misfit]!)}, so ${source.field} must be ${expected[misfit]}; it is ${kindOf(source.value)}.`,
      source.field === 'update'
        ? 'Give an update of that kind, or change the target to select what the update is for.'
        : 'Copy a node of that kind, or change the target.',
    );
  }
  for (const [index, node] of nodes.entries()) {
    const value = state.origins.cloneWithOrigins(source.value, source.origin);
    const problem = applyValue(state, node, kinds[index]!, { value, origin: source.origin, version: overlay.version });
    if (problem) {
      return fail(
        appendPointer(source.pointer, ...(source.field === 'update' ? problem.path : [])),
        'SDK1104',
        `Action ${action.index} cannot merge its ${source.field} into ${normalized(node)}: ${problem.message}.`,
        'Remove the property in an earlier action (`remove: true` on it), then add it with this one.',
      );
    }
  }
  return [];
}

/** What the action merges: its `update`, or the one node its `copy` selects, and where that is written. */
function modifier(
  state: OverlayState,
  overlay: OverlayDocument,
  action: OverlayAction,
): { value: unknown; origin: Origin; pointer: string; field: 'update' | 'copy' } | { diagnostics: Diagnostic[] } {
  const at = `/actions/${action.index}`;
  if (action.update) {
    const pointer = `${at}/update`;
    return { value: action.update.value, origin: { source: overlay.source, pointer }, pointer, field: 'update' };
  }
  const pointer = `${at}/copy`;
  const copied = selectNodes(state.document, action.copy!);
  if ('problem' in copied) return { diagnostics: invalidPath(overlay, pointer, action.copy!, copied) };
  if (copied.nodes.length !== 1) {
    return {
      diagnostics: [
        overlay.source.diagnosticAt(pointer, {
          code: 'SDK1105',
          severity: 'error',
          message: `Action ${action.index}'s copy ${JSON.stringify(action.copy)} selects ${copied.nodes.length === 0 ? 'nothing' : `${copied.nodes.length} nodes`} in ${state.specName}; it must select exactly one.`,
          hint:
            copied.nodes.length === 0
              ? 'Check the path against the spec as the earlier actions left it.'
              : 'Narrow the path to the one node to copy (a name or index instead of `*` or `..`).',
        }),
      ],
    };
  }
  const node = copied.nodes[0]!;
  return { value: node.value, origin: state.origins.originAt(state.document, node.path), pointer, field: 'copy' };
}

/** What the value must be for a node of `kind`, or `undefined` when it fits. */
function fits(kind: Kind, value: unknown): string | undefined {
  if (kind === 'object') return isRecord(value) ? undefined : 'an object of properties to merge into it';
  if (kind === 'array') return undefined; // Any value is an item to append (a list, in 1.1, is concatenated).
  return isPrimitive(value) ? undefined : 'a primitive value (a string, number, boolean or null) to replace it';
}

function applyValue(
  state: OverlayState,
  node: SelectedNode,
  kind: Kind,
  context: { value: unknown; origin: Origin; version: OverlayDocument['version'] },
): { path: readonly string[]; message: string } | undefined {
  const { origins } = state;
  const { value, origin } = context;
  if (kind === 'object')
    return mergeInto(node.value as Record<string, unknown>, value as Record<string, unknown>, { origins, origin });
  if (kind === 'array') {
    // 1.0: the value is one entry to append; 1.1: a list is concatenated, anything else appended.
    if (context.version === '1.1' && Array.isArray(value))
      appendAll(node.value as unknown[], value, { origins, origin });
    else appendOne(node.value as unknown[], value, origin, origins);
    return undefined;
  }
  const parent = valueAt(state.document, node.path.slice(0, -1)) as object;
  const key = String(node.path[node.path.length - 1]);
  setOwn(parent, key, value);
  origins.set(parent, key, origin);
  return undefined;
}

function invalidPath(
  overlay: OverlayDocument,
  pointer: string,
  expression: string,
  selection: { problem: string; column?: number },
): Diagnostic[] {
  const where = selection.column === undefined ? '' : ` at column ${selection.column} of the expression`;
  return [
    overlay.source.diagnosticAt(pointer, {
      code: 'SDK1103',
      severity: 'error',
      message: `The JSONPath ${JSON.stringify(expression)} is not valid${where}: ${selection.problem}`,
      hint: "Write an RFC 9535 JSONPath: it starts with `$`, and a name with `/`, `-` or spaces goes in brackets and quotes (`$.paths['/pets/{id}'].get`).",
    }),
  ];
}

function kindOfNode(value: unknown): Kind {
  return Array.isArray(value) ? 'array' : isRecord(value) ? 'object' : 'primitive';
}

function describeKinds(kinds: readonly Kind[]): string {
  const names = { object: 'objects', array: 'arrays', primitive: 'primitives' };
  return [...new Set(kinds)].map((kind) => names[kind]).join(' and ');
}

/** A node's normalized path (RFC 9535 §2.7), as messages show it: `$['paths']['/pets']`. */
function normalized(node: SelectedNode): string {
  const segment = (key: string | number): string =>
    typeof key === 'number' ? `[${key}]` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  return `$${node.path.map(segment).join('')}`;
}

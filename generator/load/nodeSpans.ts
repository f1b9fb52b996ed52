import type { State } from 'js-yaml';
import { hasOwn } from '../util/guards';
import type { PositionIndex } from './positionIndex';
import { LineStarts, offsetAt } from './textPosition';

/**
 * A node js-yaml read: where it starts in the text (perhaps before the
 * blanks and comments that lead to it), what it is, and its child nodes in
 * document order: a map's keys and values alternating, a list's items.
 */
interface NodeSpan {
  readonly start: number;
  kind: string | null;
  result: unknown;
  readonly children: NodeSpan[];
}

/** js-yaml's loader state as its listener sees it; its typings leave out the anchor. */
type ListenerState = State & { readonly anchor?: string | null };

/**
 * Builds the tree of the nodes js-yaml reads, from the events of its
 * `listener` option: what gives a text js-yaml read its diagnostics' line and
 * column, without a second parser. It only vouches for texts whose every map
 * it can follow key by key (`positions`): no anchors (so no aliases), and
 * every key a string, number or boolean written as a scalar.
 */
export class NodeSpanRecorder {
  private readonly stack: NodeSpan[] = [{ start: 0, kind: 'document', result: undefined, children: [] }];
  private anchored = false;

  readonly listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      this.stack.push({ start: state.position, kind: '', result: undefined, children: [] });
      return;
    }
    let node = this.stack.pop()!;
    node.kind = state.kind;
    node.result = state.result;
    if (state.anchor !== null && state.anchor !== undefined) this.anchored = true;
    // js-yaml reads a scalar where a map may start as that map's first key, then keeps it as the node itself.
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only && only.kind === node.kind && Object.is(only.result, node.result)) node = only;
    // After a map's last entry, js-yaml tries to read one more key where there is none (before `...`, say).
    const last = node.children[node.children.length - 1];
    if (node.kind === 'mapping' && node.children.length % 2 === 1 && last?.kind === null && last.children.length === 0)
      node.children.pop();
    this.stack[this.stack.length - 1]!.children.push(node);
  };

  /**
   * The positions of the text's nodes (the text js-yaml was given); `undefined`
   * when the tree is not one this index can follow, and the `yaml` library must read the text.
   */
  positions(text: string): PositionIndex | undefined {
    if (this.anchored || this.stack.length !== 1) return undefined;
    // An empty document (or one of comments) has a null node, which the `yaml` path places at the start.
    const root = this.stack[0]!.children.find((node) => node.kind !== null);
    if (root && !followable(root)) return undefined;
    // js-yaml drops a byte order mark before reading: its offsets start one character later.
    const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const lines = new LineStarts(text);
    return {
      locate: (pointer) => {
        const offset = root ? locateOffset(text, root, pointer, shift) : 0;
        return offset === undefined ? undefined : lines.positionOf(offset);
      },
    };
  }
}

/** Every map's children pair up with its keys (scalar, not null), every list's with its items. Walked without recursion. */
function followable(root: NodeSpan): boolean {
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === 'mapping') {
      const result = node.result as Record<string, unknown>;
      if (node.children.length !== 2 * Object.keys(result).length) return false;
      for (let index = 0; index < node.children.length; index += 2) {
        const key = node.children[index]!;
        // `yaml` reads a null key as '' where js-yaml reads 'null': the `yaml` path decides.
        if (key.kind !== 'scalar' || key.result === null || !hasOwn(result, String(key.result))) return false;
      }
    } else if (node.kind === 'sequence') {
      if (node.children.length !== (node.result as unknown[]).length) return false;
    }
    pending.push(...node.children);
  }
  return true;
}

/** The offset of the node at `pointer`, as the `yaml` path gives it (see `offsetAt`). */
function locateOffset(text: string, root: NodeSpan, pointer: string, shift: number): number | undefined {
  const at = (node: NodeSpan): number => nodeStart(text, node.start + shift);
  return offsetAt(pointer, { node: root, offset: at(root) }, (node, key, index) => {
    const children = node.children;
    if (node.kind === 'mapping') {
      for (let child = 0; child < children.length; child += 2) {
        if (String(children[child]!.result) === key)
          return { node: children[child + 1]!, offset: at(children[child]!) };
      }
      return undefined;
    }
    const item = node.kind === 'sequence' && index !== undefined ? children[index] : undefined;
    return item && { node: item, offset: at(item) };
  });
}

/**
 * The first character of a node that js-yaml says starts at `offset`: past
 * blanks, line breaks, comments and a tag (`!!str`), where the `yaml` path places it.
 */
function nodeStart(text: string, offset: number): number {
  let at = offset;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) at++;
    else if (code === 0x23 /* # */) {
      const end = text.indexOf('\n', at);
      at = end === -1 ? text.length : end;
    } else if (code === 0x21 /* ! */) {
      while (at < text.length && !/\s/.test(text[at]!)) at++;
    } else break;
  }
  return at;
}

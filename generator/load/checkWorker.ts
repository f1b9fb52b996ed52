import { parentPort, type MessagePort } from 'node:worker_threads';
import type { SourcePosition } from '../diagnostics/diagnostic';
import { checkYamlText } from './checkYamlText';
import type { SpecLimits } from './limits';
import { buildPositionIndex, locateIn, type PositionIndex } from './positionIndex';

/** A job for the worker thread of `DeferredChecks`; the answer carries the same `id`. */
export type CheckRequest =
  | {
      readonly id: number;
      readonly kind: 'check';
      readonly path: string;
      readonly text: string;
      readonly file: string;
      readonly limits: SpecLimits;
    }
  | {
      readonly id: number;
      readonly kind: 'locate';
      readonly path: string;
      readonly text?: string;
      readonly pointers: readonly string[];
    };

export type CheckAnswer =
  | { readonly id: number; readonly passed: boolean }
  | { readonly id: number; readonly positions: readonly (SourcePosition | null)[] }
  | { readonly id: number; readonly error: string };

/** The syntax tree of each file, by path: a file checked here is located without parsing it again. */
type Indexes = Map<string, PositionIndex>;

function answer(request: CheckRequest, indexes: Indexes): CheckAnswer {
  if (request.kind === 'check') {
    const index = checkYamlText(request.text, request.file, request.limits);
    if (index) indexes.set(request.path, index);
    return { id: request.id, passed: index !== undefined };
  }
  let index = indexes.get(request.path);
  if (!index) {
    if (request.text === undefined) throw new Error(`no text for ${request.path}`);
    index = buildPositionIndex(request.text);
    indexes.set(request.path, index);
  }
  const found = index;
  return { id: request.id, positions: request.pointers.map((pointer) => locateIn(found, pointer) ?? null) };
}

function serve(port: MessagePort): void {
  const indexes: Indexes = new Map();
  port.on('message', (request: CheckRequest) => {
    let reply: CheckAnswer;
    try {
      reply = answer(request, indexes);
    } catch (error) {
      reply = { id: request.id, error: String((error as Error)?.stack ?? error) };
    }
    port.postMessage(reply);
  });
}

if (parentPort) serve(parentPort);

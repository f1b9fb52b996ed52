import { parentPort, type MessagePort } from 'node:worker_threads';
import type { SourcePosition } from '../diagnostics/diagnostic';
import { sameValue } from '../util/sameValue';
import { readYamlText, type YamlReading } from './checkYamlText';
import type { SpecLimits } from './limits';
import { buildPositionIndex, locateIn, type PositionIndex } from './positionIndex';

/**
 * A job for the worker thread of `DeferredChecks`; the answer carries the
 * same `id`. A `check` is answered once the `value` js-yaml read from the
 * same file arrives (the main thread sends it as soon as it has it).
 */
export type CheckRequest =
  | {
      readonly id: number;
      readonly kind: 'check';
      readonly path: string;
      readonly text: string;
      readonly file: string;
      readonly limits: SpecLimits;
    }
  | { readonly kind: 'value'; readonly path: string; readonly value: unknown }
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

interface WorkerState {
  /** The syntax tree of each file, by path: a file checked here is located without parsing it again. */
  readonly indexes: Map<string, PositionIndex>;
  /** Checks waiting for js-yaml's value, by path. */
  readonly readings: Map<string, { readonly id: number; readonly reading: YamlReading }>;
}

function answer(request: CheckRequest, state: WorkerState): CheckAnswer | undefined {
  if (request.kind === 'check') {
    const reading = readYamlText(request.text, request.file, request.limits);
    if (!reading) return { id: request.id, passed: false };
    state.indexes.set(request.path, reading.index);
    state.readings.set(request.path, { id: request.id, reading });
    return undefined;
  }
  if (request.kind === 'value') {
    const waiting = state.readings.get(request.path);
    state.readings.delete(request.path);
    return waiting && { id: waiting.id, passed: sameValue(request.value, waiting.reading.value) };
  }
  let index = state.indexes.get(request.path);
  if (!index) {
    if (request.text === undefined) throw new Error(`no text for ${request.path}`);
    index = buildPositionIndex(request.text);
    state.indexes.set(request.path, index);
  }
  const found = index;
  return { id: request.id, positions: request.pointers.map((pointer) => locateIn(found, pointer) ?? null) };
}

function serve(port: MessagePort): void {
  const state: WorkerState = { indexes: new Map(), readings: new Map() };
  port.on('message', (request: CheckRequest) => {
    let reply: CheckAnswer | undefined;
    try {
      reply = answer(request, state);
    } catch (error) {
      if (!('id' in request)) return; // A value for no check: nothing waits for an answer.
      reply = { id: request.id, error: String((error as Error)?.stack ?? error) };
    }
    if (reply) port.postMessage(reply);
  });
}

if (parentPort) serve(parentPort);

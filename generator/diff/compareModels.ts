import type { Change, Direction } from './change';
import { compareTypes } from './compareTypes';
import type { Side } from './sides';
import { modelDirections } from './usage';

/**
 * Compares the named models (the SDK's exported types) of both versions: a
 * model removed or added, and each change inside a model, judged by the way
 * it travels. A model that travels both ways is judged both ways; one no
 * operation uses is judged as a response (users only read it).
 */
export function compareNamedModels(old: Side, next: Side): Change[] {
  const out: Change[] = [];
  const oldDirections = modelDirections(old);
  const newDirections = modelDirections(next);
  // Request variants (`UserInput`) follow their model; they are not compared on their own.
  const exported = (side: Side) => side.model.models.filter((model) => model.inputOf === undefined);
  for (const model of exported(old)) {
    if (next.models.has(model.name)) continue;
    out.push({
      kind: 'model-removed',
      severity: 'breaking',
      subject: model.name,
      message: 'type removed from the SDK',
      file: model.file,
      pointer: model.pointer,
    });
  }
  for (const model of exported(next)) {
    const before = old.models.get(model.name);
    if (!before) {
      out.push({
        kind: 'model-added',
        severity: 'non-breaking',
        subject: model.name,
        message: 'type added to the SDK',
        file: model.file,
        pointer: model.pointer,
      });
      continue;
    }
    const directions = new Set<Direction>([
      ...(oldDirections.get(model.name) ?? []),
      ...(newDirections.get(model.name) ?? []),
    ]);
    if (directions.size === 0) directions.add('response');
    for (const direction of directions) {
      compareTypes(before.type, model.type, {
        old,
        new: next,
        direction,
        subject: model.name,
        file: model.file,
        pointer: model.pointer,
        out,
      });
    }
  }
  return out;
}

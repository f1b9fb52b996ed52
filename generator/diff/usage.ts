import { modelNamesIn } from '../model/typeNodes';
import type { Operation, TypeNode } from '../model/types';
import type { Direction } from './change';
import type { Side } from './sides';

/**
 * Which way each named model travels: in requests (parameters, bodies), in
 * responses, or both; a model no operation uses travels neither way.
 */
export function modelDirections(side: Side): Map<string, Set<Direction>> {
  const directions = new Map<string, Set<Direction>>();
  const visit = (type: TypeNode, direction: Direction): void => {
    for (const name of modelNamesIn(type)) {
      const seen = directions.get(name) ?? new Set<Direction>();
      if (seen.has(direction)) continue;
      seen.add(direction);
      directions.set(name, seen);
      const model = side.models.get(name);
      if (model) visit(model.type, direction);
    }
  };
  for (const operation of side.model.operations) {
    for (const type of requestTypes(operation)) visit(type, 'request');
    for (const response of operation.responses) {
      for (const content of response.contents) visit(content.type, 'response');
    }
  }
  return directions;
}

function requestTypes(operation: Operation): TypeNode[] {
  return [
    ...operation.parameters.map((parameter) => parameter.type),
    ...(operation.requestBody?.contents.map((content) => content.type) ?? []),
  ];
}

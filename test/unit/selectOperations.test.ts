import { pathMatches, selectOperations } from '../../generator/model/selectOperations';
import { buildFromFiles, specText } from '../support/buildFromText';

describe('pathMatches', () => {
  it.each([
    ['/pets/{id}', '/pets/{id}', true],
    ['/pets/{id}', '/pets/{petId}', false],
    ['/pets/*', '/pets/{id}', true],
    ['/pets/*', '/pets/{id}/toys', false],
    ['/pets/**', '/pets/{id}/toys', true],
    ['/pets/**', '/pets', true],
    ['/**/toys', '/pets/{id}/toys', true],
    ['/**', '/', true],
    ['/pets', '/petsx', false],
  ])('%s against %s is %s', (pattern, path, expected) => {
    expect(pathMatches(pattern, path)).toBe(expected);
  });
});

describe('selectOperations', () => {
  it('keeps the models an unused model refers to, even when only a dropped operation used them too', async () => {
    const { model } = await buildFromFiles({
      'openapi.yaml': specText({
        paths: [
          '/a:',
          '  get:',
          '    operationId: getA',
          "    responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Shared' } } } } }",
          '/b:',
          '  get:',
          '    operationId: getB',
          "    responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/OnlyB' } } } } }",
        ].join('\n'),
        schemas: [
          'Shared: { type: object, properties: { x: { type: string } } }',
          'OnlyB: { type: object, properties: { y: { type: string } } }',
          "Unused: { type: object, properties: { shared: { $ref: '#/components/schemas/Shared' } } }",
        ].join('\n'),
      }),
    });
    const selected = selectOperations(model!, { exclude: { operationIds: ['getA'] } }).model;
    expect(selected.operations.map((operation) => operation.operationId)).toEqual(['getB']);
    expect(selected.models.map((named) => named.name)).toEqual(['Shared', 'OnlyB', 'Unused']);
    const dropped = selectOperations(model!, { exclude: { operationIds: ['getB'] } }).model;
    expect(dropped.models.map((named) => named.name)).toEqual(['Shared', 'Unused']);
  });
});

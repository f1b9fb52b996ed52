import { pathMatches } from '../../generator/model/selectOperations';

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

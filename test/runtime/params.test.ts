import {
  cookieForm,
  headerSimple,
  jsonText,
  pathLabel,
  pathMatrix,
  pathSimple,
  queryDeepObject,
  queryForm,
  queryPipeDelimited,
  querySpaceDelimited,
} from '../../templates/params';

/**
 * The Style Examples table of OpenAPI 3.1 (§4.8.12.4.1): `color` is the
 * string `blue`, the array `[blue, black, brown]`, or the object
 * `{ R: 100, G: 200, B: 150 }`; "empty" is the empty string.
 */
const empty = '';
const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

describe('parameter styles, as the OpenAPI specification tabulates them', () => {
  it.each([
    [
      'matrix',
      false,
      (v: unknown) => pathMatrix('color', v),
      [';color', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
    ],
    [
      'matrix',
      true,
      (v: unknown) => pathMatrix('color', v, true),
      [';color', ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
    ],
    ['label', false, (v: unknown) => pathLabel(v), ['.', '.blue', '.blue,black,brown', '.R,100,G,200,B,150']],
    ['label', true, (v: unknown) => pathLabel(v, true), ['.', '.blue', '.blue.black.brown', '.R=100.G=200.B=150']],
    ['simple', false, (v: unknown) => pathSimple(v), ['', 'blue', 'blue,black,brown', 'R,100,G,200,B,150']],
    ['simple', true, (v: unknown) => pathSimple(v, true), ['', 'blue', 'blue,black,brown', 'R=100,G=200,B=150']],
    [
      'form',
      false,
      (v: unknown) => queryForm('color', v, false),
      ['color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
    ],
    [
      'form',
      true,
      (v: unknown) => queryForm('color', v),
      ['color=', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
    ],
  ])('%s, explode %s', (_style, _explode, serialize, [forEmpty, forString, forArray, forObject]) => {
    expect([serialize(empty), serialize(string), serialize(array), serialize(object)]).toEqual([
      forEmpty,
      forString,
      forArray,
      forObject,
    ]);
  });

  it('spaceDelimited and pipeDelimited join arrays and objects; exploded, they are form', () => {
    expect(querySpaceDelimited('color', array)).toBe('color=blue%20black%20brown');
    expect(querySpaceDelimited('color', object)).toBe('color=R%20100%20G%20200%20B%20150');
    expect(queryPipeDelimited('color', array)).toBe('color=blue|black|brown');
    expect(queryPipeDelimited('color', object)).toBe('color=R|100|G|200|B|150');
    expect(queryPipeDelimited('color', array, true)).toBe('color=blue&color=black&color=brown');
  });

  it('deepObject names each property in brackets, nested objects too', () => {
    expect(queryDeepObject('color', object)).toBe('color[R]=100&color[G]=200&color[B]=150');
    expect(queryDeepObject('filter', { range: { min: 1, max: 2 }, q: 'a&b' })).toBe(
      'filter[range][min]=1&filter[range][max]=2&filter[q]=a%26b',
    );
  });

  it('sends nothing for an absent value, and skips absent properties', () => {
    for (const serialize of [pathSimple, pathLabel, headerSimple, jsonText])
      expect(serialize(undefined)).toBeUndefined();
    expect(queryForm('a', undefined)).toBeUndefined();
    expect(queryDeepObject('a', undefined)).toBeUndefined();
    expect(cookieForm('a', undefined)).toBeUndefined();
    expect(queryForm('q', { a: 1, b: undefined })).toBe('a=1');
  });

  it('percent-encodes every value as one path segment, so no value changes the route', () => {
    expect(pathSimple('a/b?c#d')).toBe('a%2Fb%3Fc%23d');
    expect(pathSimple('50% off & more')).toBe('50%25%20off%20%26%20more');
    expect(pathSimple(['a,b', 'c'])).toBe('a%2Cb,c');
    expect(pathLabel('v1.2')).toBe('.v1%2E2');
    expect(pathMatrix('id', 'x;y=z')).toBe(';id=x%3By%3Dz');
  });

  it('encodes query values and names; allowReserved keeps reserved characters but never & = # +', () => {
    expect(queryForm('q', 'a b&c=d/e')).toBe('q=a%20b%26c%3Dd%2Fe');
    expect(queryForm('a b', 'x')).toBe('a%20b=x');
    expect(queryForm('path', '/a/b:c?d[e]@f,g&h=i#j+k', true, true)).toBe('path=/a/b:c?d[e]@f,g%26h%3Di%23j%2Bk');
  });

  it('serializes dates as ISO text, booleans and numbers as text, null as empty', () => {
    expect(queryForm('at', new Date(Date.UTC(2026, 0, 2)))).toBe('at=2026-01-02T00%3A00%3A00.000Z');
    expect(queryForm('on', true)).toBe('on=true');
    expect(pathSimple(0)).toBe('0');
    expect(queryForm('n', null)).toBe('n=');
  });

  it('keeps header values unencoded and cookies encoded', () => {
    expect(headerSimple('a b,c')).toBe('a b,c');
    expect(headerSimple([1, 2])).toBe('1,2');
    expect(headerSimple({ a: 1 }, true)).toBe('a=1');
    expect(cookieForm('session', 'a;b c')).toBe('session=a%3Bb%20c');
    expect(cookieForm('ids', [1, 2], true)).toBe('ids=1; ids=2');
  });

  it('sends a content parameter as JSON text', () => {
    expect(queryForm('filter', jsonText({ a: [1] }))).toBe('filter=%7B%22a%22%3A%5B1%5D%7D');
  });
});

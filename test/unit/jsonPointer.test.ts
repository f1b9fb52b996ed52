import { fragmentToPointer, getAtPointer, parsePointer, toPointer } from '../../generator/util/jsonPointer';
import { SpecSource } from '../../generator/load/specSource';
import { childLocation } from '../../generator/resolve/location';
import { ResolvedSpec } from '../../generator/resolve/resolvedSpec';

describe('JSON pointers (RFC 6901)', () => {
  it.each([
    [['paths', '/pets/{id}', 'get'], '/paths/~1pets~1{id}/get'],
    [['a~b', 'c/d'], '/a~0b/c~1d'],
    [[], ''],
    [['', 'x'], '//x'],
  ])('%j <-> %s', (segments, pointer) => {
    expect(toPointer(segments)).toBe(pointer);
    expect(parsePointer(pointer)).toEqual(segments);
  });

  it('decodes ~01 as ~1, not as /', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
  });

  it('reads percent-escapes in a $ref fragment before the pointer', () => {
    expect(fragmentToPointer('/components/schemas/My%20Schema')).toBe('/components/schemas/My Schema');
    expect(fragmentToPointer('/bad%E0%A4%A')).toBeUndefined();
  });

  it('follows pointers through objects and arrays only where keys exist', () => {
    const document = { a: [{ b: 1 }], 'x/y': { '~': 2 } };
    expect(getAtPointer(document, '/a/0/b')).toBe(1);
    expect(getAtPointer(document, '/x~1y/~0')).toBe(2);
    expect(getAtPointer(document, '/a/01')).toBeUndefined();
    expect(getAtPointer(document, '/a/1')).toBeUndefined();
    expect(getAtPointer(document, '/toString')).toBeUndefined();
  });
});

describe('ResolvedSpec.valueAt', () => {
  const document = { a: [{ b: 1 }, null], 'x/y': { '~': 2, '': 3 }, o: { p: { q: 'deep' } }, 'm~1n': 4 };
  const pointers = [
    '/o/p/q',
    '/o/p',
    '/a/0/b',
    '/a/1',
    '/a/01',
    '/a/-',
    '/a/2/b',
    '/x~1y/~0',
    '/x~1y/',
    '/toString',
    '/o/constructor',
    '/o/p/q/length',
    '',
    'o/p',
    '/',
  ];

  it.each([
    ['in order', pointers],
    ['deepest first', [...pointers].reverse()],
  ])('finds what getAtPointer finds, asked %s', (_order, asked) => {
    const source = new SpecSource('/spec.yaml', 'spec.yaml', '', document);
    const spec = new ResolvedSpec(source, new Map([[source.path, source]]));
    for (const pointer of asked)
      expect([pointer, spec.valueAt({ source, pointer })]).toEqual([pointer, getAtPointer(document, pointer)]);
  });
  it('finds below a location, through childLocation, what getAtPointer finds at its pointer', () => {
    const source = new SpecSource('/spec.yaml', 'spec.yaml', '', document);
    const spec = new ResolvedSpec(source, new Map([[source.path, source]]));
    const root = spec.rootLocation();
    const children = [
      childLocation(root, 'o', 'p', 'q'),
      childLocation(childLocation(root, 'a'), 0, 'b'),
      childLocation(root, 'a', 1),
      childLocation(root, 'a', '01'),
      childLocation(root, 'a', 2, 'b'),
      childLocation(root, 'x/y', '~'),
      childLocation(childLocation(root, 'x/y'), ''),
      childLocation(root, 'm~1n'),
      childLocation(root, 'toString'),
      childLocation(spec.rootLocation('/o'), 'constructor'),
      childLocation(spec.rootLocation('/nowhere'), 'p'),
    ];
    for (const child of children) {
      const expected = getAtPointer(document, child.pointer);
      expect([child.pointer, spec.valueAt(child)]).toEqual([child.pointer, expected]);
      expect(spec.valueAt(child)).toBe(expected); // Asked again, from what it remembers.
    }
  });
});

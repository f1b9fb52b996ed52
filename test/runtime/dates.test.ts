import { responseDates, reviveDates, reviveItems, type DatePlan } from '../../templates/dates';
import { jsonLines } from '../../templates/events';

const t1 = '2024-01-02T03:04:05.000Z';
const t2 = '2025-06-07T08:09:10Z';

describe('reviveDates', () => {
  it('turns the strings a plan places into Dates, and leaves every other value as it is', () => {
    const plan: DatePlan = { fields: { at: 'date', list: { items: 'date' }, skip: false }, each: 'date' };
    expect(reviveDates({ at: t1, list: [t1, null, 3], skip: t1, other: t2, n: 1 }, plan)).toEqual({
      at: new Date(t1),
      list: [new Date(t1), null, 3],
      skip: t1,
      other: new Date(t2),
      n: 1,
    });
    expect(reviveDates(t1, 'date')).toEqual(new Date(t1));
    expect(reviveDates(null, 'date')).toBeNull();
    expect(reviveDates(undefined, { fields: { at: 'date' } })).toBeUndefined();
  });

  it("revives under 'date?' only text that reads as a date-time", () => {
    const plan: DatePlan = { fields: { value: 'date?' } };
    expect(reviveDates({ value: t1 }, plan)).toEqual({ value: new Date(t1) });
    expect(reviveDates({ value: '2024-01-02 03:04' }, plan)).toEqual({ value: new Date('2024-01-02 03:04') });
    for (const text of ['hello', '1', '2024-01-02', 'T12:00'])
      expect(reviveDates({ value: text }, plan)).toEqual({ value: text });
  });

  it('applies an object plan only to objects and an item plan only to arrays', () => {
    expect(reviveDates([t1], { fields: { 0: 'date' } })).toEqual([t1]);
    expect(reviveDates({ 0: t1 }, { items: 'date' })).toEqual({ 0: t1 });
    expect(reviveDates([t1, t2, t1], { items: false, first: ['date', false] })).toEqual([new Date(t1), t2, t1]);
  });

  it('picks the case of the tag value, and nothing for an unknown or inherited one', () => {
    const plan: DatePlan = { tag: 'kind', cases: { cat: { fields: { at: 'date' } } } };
    expect(reviveDates({ kind: 'cat', at: t1 }, plan)).toEqual({ kind: 'cat', at: new Date(t1) });
    expect(reviveDates({ kind: 'dog', at: t1 }, plan)).toEqual({ kind: 'dog', at: t1 });
    expect(reviveDates({ kind: 'constructor', at: t1 }, plan)).toEqual({ kind: 'constructor', at: t1 });
  });

  it('reads a named plan when used, so plans may refer to themselves', () => {
    const tree: DatePlan = { fields: { at: 'date', children: { items: () => tree } } };
    expect(reviveDates({ at: t1, children: [{ at: t2, children: [] }] }, tree)).toEqual({
      at: new Date(t1),
      children: [{ at: new Date(t2), children: [] }],
    });
    expect(reviveDates({ a: t1, b: t2 }, [{ fields: { a: 'date' } }, { fields: { b: 'date' } }])).toEqual({
      a: new Date(t1),
      b: new Date(t2),
    });
  });

  it("reads only the plan's own fields: a key such as `constructor` falls under `each`, not under Object's", () => {
    const revived = reviveDates({ constructor: t1, toString: t2 }, { fields: { at: 'date' }, each: 'date' });
    expect(revived).toEqual({ constructor: new Date(t1), toString: new Date(t2) });
  });
});

describe('responseDates', () => {
  const revive = responseDates({ 200: { fields: { ok: 'date' } }, '4XX': { fields: { error: 'date' } }, 404: false });

  it('uses the plan of the status, else of its range, else default; a status none names is left alone', () => {
    expect(revive({ ok: t1 }, 200)).toEqual({ ok: new Date(t1) });
    expect(revive({ error: t1 }, 400)).toEqual({ error: new Date(t1) });
    expect(revive({ error: t1 }, 404)).toEqual({ error: t1 });
    expect(revive({ ok: t1 }, 500)).toEqual({ ok: t1 });
    expect(responseDates({ default: 'date' })(t2, 503)).toEqual(new Date(t2));
  });
});

describe('reviveItems', () => {
  it('revives each item of a stream', async () => {
    const read = reviveItems(jsonLines, { fields: { at: 'date' } });
    const response = new Response(`{"at":"${t1}"}\n{"at":"${t2}"}\n`, {
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const items = read(response, { label: 'watch', signal: new AbortController().signal, secrets: [], done: () => {} });
    const seen: unknown[] = [];
    for await (const item of items!) seen.push(item);
    expect(seen).toEqual([{ at: new Date(t1) }, { at: new Date(t2) }]);
    // Not a stream of that type: no items, as the reader says.
    expect(
      read(new Response('{}', { headers: { 'content-type': 'application/json' } }), {
        label: 'watch',
        signal: new AbortController().signal,
        secrets: [],
        done: () => {},
      }),
    ).toBeUndefined();
  });
});

import { datePlanExpression } from '../../generator/emit/datePlanSyntax';
import { renderUnbounded } from '../../generator/emit/layout';
import { emitReadme } from '../../generator/emit/readme/emitReadme';
import { typeText } from '../../generator/emit/typeSyntax';
import type { DatePlan } from '../../generator/model/types';
import { buildFromFiles, specText } from '../support/buildFromText';

/** The plans of a spec's models (as the SDK writes them), its first operation's response plans, and the warnings. */
async function plansOf(parts: { version?: string; schemas: string; response?: string; extra?: string }) {
  const response = parts.response ?? "{ $ref: '#/components/schemas/Root' }";
  const paths = `/r:\n  get:\n    operationId: read\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: ${response}`;
  const { model, diagnostics } = await buildFromFiles(
    { 'openapi.yaml': specText({ ...parts, paths }) },
    'openapi.yaml',
    { dates: 'Date' },
  );
  const text = (plan: DatePlan): string =>
    renderUnbounded(datePlanExpression(plan, { lazy: true, named: new Set() }).doc);
  const plans = Object.fromEntries(
    model!.models.flatMap((named) => (named.dates ? [[named.dates.name, text(named.dates.plan)]] : [])),
  );
  const types = Object.fromEntries(
    model!.models.map((named) => [named.name, typeText(named.type).replace(/\s*\n\s*/g, ' ')]),
  );
  const content = model!.operations[0]!.responses[0]!.contents[0]!;
  return {
    plans,
    types,
    response: content.dates && text(content.dates),
    warnings: diagnostics.map((d) => `${d.code} ${d.pointer}`),
  };
}

describe("where responses' Dates are (config dates: 'Date')", () => {
  it('names every property of an object with a map of dates, so a listed text property is left alone', async () => {
    const { plans, types } = await plansOf({
      schemas: [
        'Root:',
        '  type: object',
        '  properties:',
        '    zone: { type: string }',
        '    at: { type: string, format: date-time }',
        '  additionalProperties: { type: string, format: date-time }',
      ].join('\n'),
    });
    expect(types['Root']).toBe('{ zone?: string; at?: Date; [key: string]: Date | string | undefined; }');
    expect(plans).toEqual({ RootDates: "{ fields: { zone: false, at: 'date' }, each: 'date' }" });
  });

  it('plans unions of models whose properties are such unions again (Microsoft Graph), without looping', async () => {
    const either = "{ oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }";
    const { plans, response } = await plansOf({
      schemas: [
        `Root: ${either}`,
        `A: { type: object, properties: { at: { type: string, format: date-time }, next: ${either} } }`,
        `B: { type: object, properties: { name: { type: string }, next: ${either} } }`,
      ].join('\n'),
    });
    expect(plans).toEqual({
      ADates: "{ fields: { at: 'date', next: [() => ADates, () => BDates] } }",
      BDates: '{ fields: { next: [() => ADates, () => BDates] } }',
      RootDates: '[() => ADates, () => BDates]',
    });
    expect(response).toBe('() => RootDates');
  });

  it('reads tuples by position and the rest of their items (3.1 prefixItems)', async () => {
    const { response } = await plansOf({
      version: '3.1.0',
      schemas: 'Root: { type: string }',
      response:
        '{ type: array, prefixItems: [{ type: string }, { type: string, format: date-time }], items: { type: string, format: date-time } }',
    });
    expect(response).toBe("{ items: 'date', first: [false, 'date'] }");
  });

  it('applies the models an object extends (allOf) and follows models that refer to themselves', async () => {
    const { plans } = await plansOf({
      schemas: [
        'Base: { type: object, properties: { created: { type: string, format: date-time } } }',
        'Root:',
        '  allOf:',
        "    - $ref: '#/components/schemas/Base'",
        '    - type: object',
        '      properties:',
        "        parent: { $ref: '#/components/schemas/Root' }",
        "        plain: { $ref: '#/components/schemas/Plain' }",
        'Plain: { type: object, properties: { name: { type: string } } }',
      ].join('\n'),
    });
    expect(plans).toEqual({
      BaseDates: "{ fields: { created: 'date' } }",
      RootDates: '[() => BaseDates, { fields: { parent: () => RootDates } }]',
    });
  });

  it('picks the plan of a union member by its tag, and applies the plan of a member that is not an object to every value', async () => {
    const { plans } = await plansOf({
      schemas: [
        'Root:',
        '  oneOf:',
        '    - { type: object, required: [type], properties: { type: { type: string, enum: [a, b] }, at: { type: string, format: date-time } } }',
        '    - { type: object, required: [type], properties: { type: { type: string, enum: [c] }, at: { type: string } } }',
        '    - { type: string, format: date-time }',
      ].join('\n'),
    });
    expect(plans).toEqual({
      RootDates: "[{ tag: 'type', cases: { a: { fields: { at: 'date' } }, b: { fields: { at: 'date' } } } }, 'date']",
    });
  });

  it('warns when a union without a tag has a property that is a date-time in one member and other text in another', async () => {
    const { plans, warnings } = await plansOf({
      schemas: [
        'Root:',
        '  oneOf:',
        '    - { type: object, properties: { at: { type: string, format: date-time }, n: { type: integer } } }',
        '    - { type: object, properties: { at: { type: string }, s: { type: string } } }',
      ].join('\n'),
    });
    // The first member's `at` is revived only when it reads as a date-time: the second member's may be any text.
    expect(plans).toEqual({ RootDates: "{ fields: { at: 'date?' } }" });
    expect(warnings).toEqual(['SDK3207 /components/schemas/Root']);
  });

  it('guards a conflicting property of a member model only where the union uses it (InfluxData expressions)', async () => {
    const { plans, warnings } = await plansOf({
      schemas: [
        "Root: { oneOf: [{ $ref: '#/components/schemas/Moment' }, { $ref: '#/components/schemas/Text' }] }",
        'Moment: { type: object, properties: { type: { type: string }, value: { type: string, format: date-time } } }',
        'Text: { type: object, properties: { type: { type: string }, value: { type: string } } }',
      ].join('\n'),
    });
    expect(plans).toEqual({
      MomentDates: "{ fields: { value: 'date' } }",
      RootDates: "{ fields: { value: 'date?' } }",
    });
    expect(warnings).toEqual(['SDK3207 /components/schemas/Root']);
  });

  it('keeps as text a value that may be a date-time or other text, and gives no plan to models without dates', async () => {
    const { plans, types, response } = await plansOf({
      schemas: [
        'Root:',
        '  type: object',
        '  properties:',
        '    when: { oneOf: [{ type: string, format: date-time }, { type: string, enum: [never] }] }',
        '    day: { type: string, format: date }',
      ].join('\n'),
    });
    expect(types['Root']).toBe("{ when?: string | 'never'; day?: string; }");
    expect(plans).toEqual({});
    expect(response).toBeUndefined();
  });

  it('plans whole server-sent events by their event name (3.2 itemSchema), and a stream item by item', async () => {
    const event = [
      "$ref: '#/components/schemas/Event'",
      'required: [event]',
      'oneOf:',
      '  - properties:',
      '      event: { const: delta }',
      "      data: { contentMediaType: application/json, contentSchema: { $ref: '#/components/schemas/Root' } }",
      '  - properties:',
      '      event: { const: ping }',
      "      data: { contentMediaType: application/json, contentSchema: { $ref: '#/components/schemas/Plain' } }",
    ].join(' \n');
    const paths = [
      '/r:',
      '  get:',
      '    operationId: read',
      '    responses:',
      "      '200':",
      '        description: ok',
      '        content:',
      '          text/event-stream:',
      '            itemSchema:',
      ...event.split(' \n').map((line) => `              ${line}`),
    ].join('\n');
    const schemas = [
      'Event: { type: object, required: [data], properties: { data: { type: string }, event: { type: string } } }',
      'Root: { type: object, properties: { at: { type: string, format: date-time } } }',
      'Plain: { type: object, properties: { at: { type: string } } }',
    ].join('\n');
    const { model } = await buildFromFiles(
      { 'openapi.yaml': specText({ version: '3.2.0', schemas, paths }) },
      'openapi.yaml',
      { dates: 'Date' },
    );
    const content = model!.operations[0]!.responses[0]!.contents[0]!;
    const text = (plan: DatePlan): string =>
      renderUnbounded(datePlanExpression(plan, { lazy: true, named: new Set() }).doc);
    expect(text(content.dates!)).toBe('() => ReadEventDates');
    const eventModel = model!.models.find((named) => named.name === 'ReadEvent')!;
    expect(text(eventModel.dates!.plan)).toBe(
      "{ tag: 'event', cases: { delta: { fields: { data: () => RootDates } } } }",
    );
  });
});

describe("webhooks with dates: 'Date'", () => {
  it("export their body's plan, and the SDK README shows how to revive a received body with it", async () => {
    const extra = [
      'webhooks:',
      '  orderPlaced:',
      '    post:',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema: { type: object, properties: { placedAt: { type: string, format: date-time } } }',
      '      responses:',
      "        '200': { description: ok }",
    ].join('\n');
    const { model } = await buildFromFiles({ 'openapi.yaml': specText({ version: '3.1.0', extra }) }, 'openapi.yaml', {
      dates: 'Date',
    });
    const payload = model!.models.find((named) => named.name === model!.webhooks[0]!.payload)!;
    expect(typeText(payload.type).replace(/\s*\n\s*/g, ' ')).toBe('{ placedAt?: Date; }');
    expect(payload.dates?.name).toBe('OrderPlacedWebhookDates');
    const readme = emitReadme({ model: model!, packageName: 'p', version: '1.0.0', banner: '' }).content;
    expect(readme).toContain('`reviveDates(JSON.parse(text), OrderPlacedWebhookDates)`');
    expect(readme).toContain("Timestamps (the spec's `date-time` strings) are `Date`s");
  });
});

import {
  arrayExpression,
  arrowReturningObject,
  callExpression,
  constDeclaration,
  functionDeclaration,
  identifier,
  literalExpression,
  memberExpression,
  objectExpression,
  returnStatement,
  stringExpression,
  type Expression,
} from '../../generator/emit/codeSyntax';
import { renderDoc, type Doc } from '../../generator/emit/layout';
import { prettierOptions } from '../../generator/format/formatFiles';
import { FormatterPool } from '../../generator/format/formatterPool';

/** A name of `length` characters, to push a construct past the line width. */
const long = (prefix: string, length: number): string => prefix + 'x'.repeat(Math.max(0, length - prefix.length));

/** `export const value = …;`: the expression in a statement of its own. */
const statement = (value: Expression): Doc => constDeclaration(long('value', 10), undefined, value);

const args = (name: string): Expression => memberExpression('args', [name]);

// Shapes the emitters may build beyond those of today's operations (the layout test covers those on real specs): each
// statement, laid out by the doc printer, must be what prettier makes of it.
const cases: [string, Doc][] = [
  [
    'a call whose last argument is an object kept on several lines',
    statement(
      callExpression('request', [identifier('client'), objectExpression([{ key: 'a', value: args('a') }], true)]),
    ),
  ],
  [
    'a call whose last argument is an arrow function returning an object, too long for one line',
    statement(
      callExpression('request', [
        identifier('client'),
        arrowReturningObject(
          'OperationRequest',
          objectExpression([{ key: long('operationId', 60), value: stringExpression(long('id', 70)) }]),
        ),
      ]),
    ),
  ],
  [
    'a call whose arguments do not fit, none of them an object',
    statement(callExpression(long('helper', 40), [stringExpression(long('a', 50)), args(long('b', 40))])),
  ],
  [
    'an object whose values move after their long keys, or break inside',
    statement(
      objectExpression(
        [
          { key: long('stringValueKey', 30), value: stringExpression(long('s', 100)) },
          { key: long('chainValueKey', 30), value: memberExpression('security', ['schemes', long('scheme', 100)]) },
          {
            key: long('callValueKey', 30),
            value: callExpression('queryString', [args(long('q', 50)), args(long('r', 50))]),
          },
          { key: 'id', value: stringExpression(long('short key', 120)) },
          { key: long('flag', 30), value: literalExpression('false') },
          { key: long('shortCall', 90), value: callExpression('headerAuth', [stringExpression('Authorization')]) },
        ],
        true,
      ),
    ),
  ],
  [
    'arrays of arrays, which always break, and an array too long for its line',
    statement(
      arrayExpression([
        arrayExpression([memberExpression('schemes', ['a']), memberExpression('schemes', ['b-c'])]),
        arrayExpression([memberExpression('schemes', ['d']), stringExpression(long('e', 110))]),
      ]),
    ),
  ],
  [
    'a function whose parameters do not fit on the line of its name',
    functionDeclaration({
      name: long('operation', 60),
      parameters: [
        { name: 'client', type: 'BaseClient' },
        { name: 'args', type: long('Args', 40), initializer: '{}' },
        { name: 'options', type: 'RequestOptions', optional: true },
      ],
      returnType: 'ApiPromise<void>',
      body: [returnStatement(callExpression('client.request', [identifier('options')]))],
    }),
  ],
];

describe('expressions and statements laid out by codeSyntax', () => {
  // Prettier runs in a worker thread, as the generator runs it.
  let pool: FormatterPool;
  beforeAll(() => (pool = new FormatterPool(1)));
  afterAll(() => pool.close());

  it.each(cases)('%s: laid out as prettier lays them out', async (_, doc) => {
    const text = `${renderDoc(doc, 0)}\n`;
    // Every case spans lines: a layout on one line would prove little.
    expect(text.trimEnd()).toContain('\n');
    const [formatted] = await pool.formatBatch([text], prettierOptions, '// codeSyntax test boundary');
    expect(formatted).toBe(text);
  });
});

import { escapeCommentText, jsDocComment } from '../../generator/emit/jsdoc';
import {
  literalValueText,
  objectLiteralKey,
  propertyKey,
  stringLiteral,
  templateText,
} from '../../generator/emit/literals';

/** Evaluates a generated literal the way a JavaScript engine would. */
function evaluate(literal: string): unknown {
  return new Function(`return ${literal};`)();
}

describe('string literals from spec text', () => {
  it.each([
    'plain',
    "it's",
    'say "hi"',
    'back\\slash',
    'line\nbreak\r\n',
    'nul\0byte',
    'template `${x}`',
    'separators \u2028 \u2029',
    'bidi \u202e override \u2066',
    'zero\u200bwidth',
    '</script><!--',
  ])('round-trips %j', (text) => {
    const literal = stringLiteral(text);
    expect(evaluate(literal)).toBe(text);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029\u202e\u200b]/);
  });

  it('escapes template literal text', () => {
    const text = 'a`b${c}\\d';
    expect(evaluate(`\`${templateText(text)}\``)).toBe(text);
  });

  it('quotes property keys that are not identifiers', () => {
    expect(propertyKey('name')).toBe('name');
    expect(propertyKey('content-type')).toBe("'content-type'");
    expect(propertyKey('1st')).toBe("'1st'");
  });
});

describe('JSDoc from spec text', () => {
  it('cannot close the comment early', () => {
    const comment = jsDocComment({ description: 'evil */ alert(1) /* more' });
    expect(comment.indexOf('*/')).toBe(comment.length - 3);
    expect(() => new Function(`${comment} return 1;`)).not.toThrow();
  });

  it('turns JavaScript line separators into plain line breaks', () => {
    expect(escapeCommentText('a\u2028b\r\nc')).toBe('a\nb\nc');
  });
});

describe('literal values and object keys', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1.5e300, 'a', true, null])(
    'writes %p so that it evaluates to itself',
    (value) => {
      expect(Object.is(evaluate(literalValueText(value)), value)).toBe(true);
    },
  );

  it('defines an own `__proto__` property in an object literal instead of setting the prototype', () => {
    const object = evaluate(`{ ${objectLiteralKey('__proto__')}: 1, ${objectLiteralKey('a-b')}: 2 }`) as object;
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(object)).toEqual(['__proto__', 'a-b']);
  });

  it('cannot open a substitution across two pieces of template text', () => {
    const pieces = ['/a`$', '{globalThis.leak = 1}`'];
    expect(evaluate(`\`${pieces.map(templateText).join('')}\``)).toBe(pieces.join(''));
    expect((globalThis as { leak?: unknown }).leak).toBeUndefined();
  });
});

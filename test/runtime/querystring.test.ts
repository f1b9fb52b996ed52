import { cookieStyle } from '../../templates/params';
import { querystringEncoded, querystringForm, querystringJson, querystringText } from '../../templates/querystring';

describe('querystring parameters: the whole query string, by media type', () => {
  it('form: each field as a form body encodes it, lists repeated, "?" first', () => {
    expect(querystringForm({ startDate: '2026-01-01', status: 'open' })).toBe('?startDate=2026-01-01&status=open');
    expect(querystringForm({ tags: ['a', 'b'], n: 1, on: false })).toBe('?tags=a&tags=b&n=1&on=false');
    expect(querystringForm({ q: 'a b+c&d=e', 'key name': 'x' })).toBe('?q=a%20b%2Bc%26d%3De&key%20name=x');
    expect(querystringForm({ city: 'Zürich', at: new Date(Date.UTC(2026, 0, 2)) })).toBe(
      '?city=Z%C3%BCrich&at=2026-01-02T00%3A00%3A00.000Z',
    );
  });

  it('form: applies the encoding map of the media type (style, explode, JSON content)', () => {
    const encodings = {
      ids: { style: 'pipeDelimited', explode: false },
      words: { style: 'form', explode: false },
      filter: { style: 'deepObject' },
      meta: { contentType: 'application/json' },
    };
    expect(querystringForm({ ids: [1, 2], words: ['x', 'y'], filter: { min: 1 }, meta: { a: [1] } }, encodings)).toBe(
      '?ids=1|2&words=x,y&filter[min]=1&meta=%7B%22a%22%3A%5B1%5D%7D',
    );
  });

  it('form: no "?" when there is no field to send', () => {
    expect(querystringForm(undefined)).toBe('');
    expect(querystringForm(null)).toBe('');
    expect(querystringForm({})).toBe('');
    expect(querystringForm({ a: undefined })).toBe('');
    expect(querystringForm({ tags: [] })).toBe('');
  });

  it('form already encoded: sent as written, but "#", which would end the query', () => {
    expect(querystringEncoded('a=1&b=x+y%20z')).toBe('?a=1&b=x+y%20z');
    expect(querystringEncoded('a=#1#')).toBe('?a=%231%23');
    expect(querystringEncoded('')).toBe('');
    expect(querystringEncoded(undefined)).toBe('');
  });

  it('JSON: the JSON text percent-encoded whole, null included; nothing for undefined', () => {
    expect(querystringJson({ a: 1 })).toBe('?%7B%22a%22%3A1%7D');
    expect(querystringJson(['x y', '&', '=', '+', 'é'])).toBe(
      '?%5B%22x%20y%22%2C%22%26%22%2C%22%3D%22%2C%22%2B%22%2C%22%C3%A9%22%5D',
    );
    expect(querystringJson(null)).toBe('?null');
    expect(querystringJson('text')).toBe('?%22text%22');
    expect(querystringJson(undefined)).toBe('');
    expect(querystringJson(() => 1)).toBe('');
    expect(() => querystringJson({ big: BigInt(1) })).toThrow(TypeError);
  });

  it('text: percent-encoded whole, so no character of the text acts as a delimiter', () => {
    expect(querystringText('a b+c&d=e/f?g#h%')).toBe('?a%20b%2Bc%26d%3De%2Ff%3Fg%23h%25');
    expect(querystringText('$.a.b[1:1]')).toBe('?%24.a.b%5B1%3A1%5D');
    expect(querystringText('日本')).toBe('?%E6%97%A5%E6%9C%AC');
    expect(querystringText("-_.!~*'()")).toBe("?-_.!~*'()");
    expect(querystringText(42)).toBe('?42');
    expect(querystringText(new Date(Date.UTC(2026, 0, 2)))).toBe('?2026-01-02T00%3A00%3A00.000Z');
    expect(querystringText('')).toBe('');
    expect(querystringText(null)).toBe('');
    expect(querystringText(undefined)).toBe('');
    // A lone surrogate is not text that UTF-8 can carry.
    expect(() => querystringText('\ud800')).toThrow(URIError);
  });
});

describe('cookie style (OpenAPI 3.2): RFC 6265 pairs, nothing escaped', () => {
  it('follows the Style Examples table: color is blue, [blue, black, brown] or { R: 100, G: 200, B: 150 }', () => {
    expect(cookieStyle('color', '')).toBe('color=');
    expect(cookieStyle('color', null)).toBe('color=');
    expect(cookieStyle('color', 'blue')).toBe('color=blue');
    expect(cookieStyle('color', 'blue', false)).toBe('color=blue');
    expect(cookieStyle('color', ['blue', 'black', 'brown'])).toBe('color=blue; color=black; color=brown');
    expect(cookieStyle('color', { R: 100, G: 200, B: 150 })).toBe('R=100; G=200; B=150');
    expect(cookieStyle('color', undefined)).toBeUndefined();
    expect(cookieStyle('color', { R: undefined, G: 1 })).toBe('G=1');
  });

  it('sends every cookie-octet as given, percent signs and quotes around a whole value included', () => {
    const octets = "!#$%&'()*+-./0123456789:<=>?@ABCXYZ[]^_`abcxyz{|}~";
    expect(cookieStyle('all', octets)).toBe(`all=${octets}`);
    expect(cookieStyle('greeting', 'Hello%2C%20world!')).toBe('greeting=Hello%2C%20world!');
    expect(cookieStyle('q', '"quoted"')).toBe('q="quoted"');
    expect(cookieStyle('at', new Date(Date.UTC(2026, 0, 2)))).toBe('at=2026-01-02T00:00:00.000Z');
  });

  it('throws a TypeError naming the parameter, never the value, for what would corrupt the header', () => {
    const valueError = 'Cookie token: a value cannot be sent unescaped (RFC 6265); escape it first.';
    for (const secret of ['s3cr3t;x=1', 's3cr3t,x', 's3cr3t x', 's3cr3t\r\n', 's3cr3t\0', 'é', '"open', 'a"b', 'a\\b'])
      expect(() => cookieStyle('token', secret)).toThrow(new TypeError(valueError));
    expect(() => cookieStyle('token', ['ok', 'not ok'])).toThrow(new TypeError(valueError));
    expect(() => cookieStyle('token', { nested: { a: 1 } })).toThrow(new TypeError(valueError));
    const nameError = 'Cookie token: a cookie name must be a token (RFC 6265).';
    for (const name of ['a b', 'a=b', 'a;b', '', 'é'])
      expect(() => cookieStyle('token', { [name]: 'x' })).toThrow(new TypeError(nameError));
    expect(() => cookieStyle('token', ['a'], false)).toThrow(
      new TypeError('Cookie token: a list or object cannot be sent unexploded (RFC 6265).'),
    );
  });
});

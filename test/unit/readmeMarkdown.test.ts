import MarkdownIt from 'markdown-it';
import { mdCode, mdCodeBlock, mdParagraphs, mdTable, mdText } from '../../generator/emit/readme/markdown';
import { Slugger } from '../../generator/emit/readme/slugger';

/** A CommonMark renderer with GFM tables and strikethrough, raw HTML on and bare links made into links, as on GitHub. */
const markdown = new MarkdownIt({ html: true, linkify: true });
const render = (source: string) => markdown.render(source);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Spec strings that would be markup if they reached Markdown as they are. */
const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- hidden -->',
  '[click](javascript:alert(1))',
  '![image](https://evil.example/pixel.png)',
  '# heading',
  '## heading ##',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '2) item',
  '> quote',
  '---',
  '===',
  '| a | b |',
  '**bold** _em_ ~~strike~~ `code`',
  '&lt;entity&gt; &amp; &#x3C;',
  'https://evil.example and www.evil.example and someone@evil.example',
  '<https://evil.example>',
  'back\\slash\\* and trailing backslash\\',
  '[ref]: https://evil.example',
  '    indented code',
  'a\\\nb',
];

describe('spec text in Markdown', () => {
  it.each(hostile)('mdText(%j) renders as exactly that text', (text) => {
    expect(render(mdText(text))).toBe(`<p>${escapeHtml(text.replace(/\s+/g, ' ').trim())}</p>\n`);
  });

  it('joins lines into one and drops invisible and bidirectional characters', () => {
    expect(mdText('a\nb\u2028c\r\nd')).toBe('a b c d');
    expect(mdText('safe\u202eevil\u200b')).toBe('safeevil');
  });

  it('keeps the lines of a paragraph and separates paragraphs, with no markup', () => {
    const parts = mdParagraphs('- first <b>\n- second\n\n# third');
    expect(parts).toHaveLength(2);
    expect(render(parts.join('\n\n'))).toBe('<p>- first &lt;b&gt;<br>\n- second</p>\n<p># third</p>\n');
  });

  it.each([...hostile, 'a ` b', '``double``', '`', ' spaced ', ''])(
    'mdCode(%j) is one code span of that text',
    (text) => {
      const expected = text.replace(/\s+/g, ' ').trim();
      expect(render(mdCode(text))).toBe(`<p><code>${escapeHtml(expected || ' ')}</code></p>\n`);
    },
  );

  it('keeps table cells apart whatever they hold', () => {
    const table = mdTable(
      ['Name', 'Type', 'Description'],
      [[mdCode('a|b', { inTable: true }), mdCode('`x` | y', { inTable: true }), mdText('one | two <b>')]],
    );
    expect(render(table)).toContain(
      '<td><code>a|b</code></td>\n<td><code>`x` | y</code></td>\n<td>one | two &lt;b&gt;</td>',
    );
  });

  it('fences a code block so that no line of it can close the block', () => {
    const code = "const a = '```';\n````\nconst b = 1;";
    expect(render(mdCodeBlock('ts', code))).toBe(`<pre><code class="language-ts">${escapeHtml(code)}\n</code></pre>\n`);
  });

  it('makes heading anchors as GitHub does, repeats numbered', () => {
    const slugger = new Slugger();
    expect(['Errors', 'createClient', 'errors', 'Create a client', 'pets'].map((text) => slugger.slug(text))).toEqual([
      'errors',
      'createclient',
      'errors-1',
      'create-a-client',
      'pets',
    ]);
  });
});

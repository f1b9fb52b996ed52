import MarkdownIt from 'markdown-it';

/** The TypeScript code blocks of a README, as a Markdown parser sees them (so a block that broke its fence would show). */
export function readmeExamples(readme: string): string[] {
  return new MarkdownIt()
    .parse(readme, {})
    .filter((token) => token.type === 'fence' && token.info.trim() === 'ts')
    .map((token) => token.content);
}

/**
 * Heading anchors as GitHub makes them (lowercase, punctuation dropped,
 * spaces to dashes, `-1`, `-2`... for repeats), so that the README's table of
 * contents links to its own headings. One instance per document.
 */
export class Slugger {
  private readonly counts = new Map<string, number>();

  slug(headingText: string): string {
    const base = headingText
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = this.counts.get(base) ?? 0;
    this.counts.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

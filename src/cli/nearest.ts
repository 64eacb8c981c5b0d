/** The candidates nearest to a mistyped word (`lsit` → `list`, `ad` → `add`), for "did you mean". */

/** Edits between two words: insertions, deletions, substitutions and swaps of neighbours. */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest candidates within two edits (one for words of up to three letters), or those `word` begins. */
export function nearest(word: string, candidates: readonly string[]): string[] {
  if (!word) return [];
  const limit = word.length <= 3 ? 1 : 2;
  const scored = candidates
    .map((c) => ({ c, d: c.startsWith(word) ? 0.5 : distance(word, c) }))
    .filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.c);
}

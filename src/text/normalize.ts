// The matching rule shared with the reference scorer: NFKC, then letters and digits only, lower-cased.
// Punctuation, spaces, emoji and other noise never decide whether a quote is in its source.
export function lettersAndDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** True when `quote` appears in `source` by the letters-and-digits rule. */
export function containsVerbatim(source: string, quote: string): boolean {
  const q = lettersAndDigits(quote);
  return q.length > 0 && lettersAndDigits(source).includes(q);
}

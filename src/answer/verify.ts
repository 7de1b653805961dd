// Verification: a quote counts only if it is in the source it cites, letters and digits compared
// (the reference rule). The stored quote is then the source's own text for that span, so what is
// shown is always verbatim from the cleaned document.

/** Locates `quote` in `text` by letters and digits; returns the exact span of `text`, or undefined. */
export function locateQuote(text: string, quote: string): { start: number; end: number } | undefined {
  const exact = text.indexOf(quote.trim());
  if (quote.trim() && exact >= 0) return { start: exact, end: exact + quote.trim().length };
  const keep = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
  const positions: number[] = [];
  let normalised = '';
  for (let i = 0; i < text.length; i++) {
    for (const ch of text[i].normalize('NFKC').toLowerCase()) {
      if (!keep(ch)) continue;
      normalised += ch;
      positions.push(i);
    }
  }
  const q = [...quote.normalize('NFKC').toLowerCase()].filter(keep).join('');
  if (!q) return undefined;
  const at = normalised.indexOf(q);
  if (at < 0) return undefined;
  return { start: positions[at], end: positions[at + q.length - 1] + 1 };
}

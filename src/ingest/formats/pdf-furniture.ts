// Page furniture: what a printed page repeats around the text — running heads and feet (the issuing
// body, the title, a document number) and page numbers ("— 3 —", "- 3 -", "第3页", "3/12", "3").
// They are removed where they sit, at the top and bottom of pages, so that a paragraph running over
// a page break joins up again and no page number lands inside a sentence.
import type { PdfLine } from './pdf-lines.js';

const PAGE_NUMBER: RegExp[] = [
  /^[-—–－~～_·•\s]*\d{1,4}[-—–－~～_·•\s]*$/, // 3, - 3 -, — 3 —
  /^第\s*\d{1,4}\s*[页頁](\s*[,，/／]?\s*共\s*\d{1,4}\s*[页頁])?$/, // 第3页, 第3页 共12页
  /^共\s*\d{1,4}\s*[页頁]\s*[,，]?\s*第\s*\d{1,4}\s*[页頁]$/, // 共12页 第3页
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 3/12
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i, // Page 3 of 12
];

export const isPageNumber = (text: string) => PAGE_NUMBER.some((re) => re.test(text.trim()));

/** How many lines at each end of a page are looked at for running heads and feet. */
const EDGE_LINES = 3;

export function removePageFurniture(pages: PdfLine[][]): PdfLine[][] {
  const heads = repeatedAtEdge(pages, (lines) => lines.slice(0, EDGE_LINES));
  const feet = repeatedAtEdge(pages, (lines) => lines.slice(-EDGE_LINES));
  const body = bodySize(pages.flat());
  return pages.map((lines) => {
    // A line set apart at the edge of the page, in smaller type than the body: a running head or
    // foot even where it does not repeat (odd and even pages carry different ones).
    const apart = (line: PdfLine, neighbour: PdfLine | undefined) =>
      line.size < 0.9 * body && (!neighbour || Math.abs(line.y - neighbour.y) > 2 * body);
    let start = 0;
    let end = lines.length;
    const atTop = (i: number) =>
      heads.has(furnitureKey(lines[i])) || isPageNumber(lines[i].text) || apart(lines[i], lines[i + 1]);
    const atBottom = (i: number) =>
      feet.has(furnitureKey(lines[i])) || isPageNumber(lines[i].text) || apart(lines[i], lines[i - 1]);
    while (start < end && atTop(start)) start++;
    while (end > start && atBottom(end - 1)) end--;
    return lines.slice(start, end);
  });
}

/** The size most of the text is set in. */
export function bodySize(lines: PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size), (chars.get(Math.round(l.size)) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * Digits vary from page to page ("— 3 —", "第3页"); everything else of a running line repeats, its
 * size too — so a title printed large on the first page is kept when the same words run small above
 * every page.
 */
const furnitureKey = (line: PdfLine) =>
  `${Math.round(line.size)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;

/**
 * Lines that open (or close) many pages: on at least 40% of them (running heads often alternate
 * between odd and even pages, or skip the first page), and on two pages at least.
 */
function repeatedAtEdge(pages: PdfLine[][], edge: (lines: PdfLine[]) => PdfLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages)
    for (const key of new Set(edge(lines).map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([key]) => key));
}

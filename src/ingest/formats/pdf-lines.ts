// PDF text items → printed lines. A PDF has no lines, only runs of text placed on the page; a line
// is the runs that share a baseline, read left to right.

/** One run of text as pdfjs reports it, in PDF user space (y grows upwards). */
export type PdfTextItem = { str: string; x: number; y: number; width: number; size: number; rotated: boolean };

export type PdfLine = {
  text: string;
  /** Left and right edges and baseline, in points. */
  x0: number;
  x1: number;
  y: number;
  /** Font size (the text's height), in points. */
  size: number;
  /** Runs separated by wide gaps: a row of a table, never part of a running paragraph. */
  columns: boolean;
};

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const LIST_MARKER =
  /^\s*(第[一二三四五六七八九十]+[章节部分条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.．、]|[①-⑳])\s*$/;

export function linesOfPage(items: PdfTextItem[]): PdfLine[] {
  // Rotated runs are watermarks or margin notes, not the body.
  const runs = items.filter((i) => !i.rotated && i.str.trim() && i.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const run of runs) {
    const group = groups[groups.length - 1];
    // Same line when the baselines are within 40% of the text height (superscripts stay on their line).
    if (group && Math.abs(group[0].y - run.y) <= 0.4 * Math.min(group[0].size, run.size)) group.push(run);
    else groups.push([run]);
  }
  return groups.map(toLine);
}

function toLine(group: PdfTextItem[]): PdfLine {
  const runs = [...group].sort((a, b) => a.x - b.x);
  const size = median(runs.map((r) => r.size));
  let text = '';
  let end = -Infinity;
  let columns = false;
  for (const run of runs) {
    const gap = run.x - end;
    // A list number set off by a tab ("1.<tab>加强…", "一、<tab>…") is not a column, and keeps no space.
    const afterMarker = LIST_MARKER.test(text);
    if (text && gap > 2 * size && !afterMarker) columns = true;
    // A visible gap becomes one space: between Latin words at a quarter of the height, between
    // Chinese characters (which are never spaced) at a full character width.
    const latin = !CJK.test(text.slice(-1)) && !CJK.test(run.str.trimStart()[0] ?? '');
    if (text && !afterMarker && !/\s$/.test(text) && !/^\s/.test(run.str) && gap > (latin ? 0.25 : 1) * size)
      text += ' ';
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  // Indentation typed as spaces ("　　1.…") starts where the first visible character does.
  const first = runs[0];
  const leading = first.str.length - first.str.trimStart().length;
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x0: first.x + (first.width * leading) / first.str.length,
    x1: end,
    y: median(runs.map((r) => r.y)),
    size,
    columns,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
}

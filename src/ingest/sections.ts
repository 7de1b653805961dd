// Sections: the heading hierarchy of a plan — 一、 > （一） > 1. > （1） — as a path for every paragraph.
export type Heading = { level: number; marker: string; label: string };

const MARKERS: Array<[number, RegExp]> = [
  [0, /^第([一二三四五六七八九十]+)(部分|章|篇)/],
  [1, /^([一二三四五六七八九十]+)、/],
  [2, /^[（(]([一二三四五六七八九十]+)[）)]/],
  [3, /^(\d{1,3})[.．、](?!\d)/],
  [4, /^[（(](\d{1,3})[）)]/],
  [5, /^([①-⑳])/],
];

const LABEL_MAX = 40;

/** The heading a paragraph opens with, if any; its label is the heading sentence, clipped. */
export function headingOf(paragraph: string): Heading | undefined {
  for (const [level, re] of MARKERS) {
    const m = paragraph.match(re);
    if (!m) continue;
    return { level, marker: m[0], label: clipLabel(paragraph) };
  }
  return undefined;
}

export function clipLabel(text: string): string {
  const first = text.split(/[。；;！？]/)[0];
  return first.length > LABEL_MAX ? `${first.slice(0, LABEL_MAX)}…` : first;
}

/** A paragraph that is only a heading ("一、加强党的领导,提升教育治理水平"), with no sentence of its own. */
export function isHeadingOnly(paragraph: string): boolean {
  return Boolean(headingOf(paragraph)) && paragraph.length <= 60 && !/[。；！？]/.test(paragraph);
}

/** Keeps the current path while walking a document top-down. */
export function sectionTracker() {
  let stack: Heading[] = [];
  return {
    enter(heading: Heading): string[] {
      stack = stack.filter((h) => h.level < heading.level);
      stack.push(heading);
      return this.path();
    },
    path(): string[] {
      return stack.map((h) => h.label);
    },
    topLevel(): string | undefined {
      return stack.find((h) => h.level === 1)?.label;
    },
  };
}

/** Inline enumerations inside one paragraph: 一是…二是…三是… */
export const INLINE_ITEM = /(?<=^|[。；;：:])\s*([一二三四五六七八九十]+是)/g;

// Split: one file may hold several documents (a year's summary followed by next year's priorities).
// A document starts at a title line; title lines with nothing but metadata between them are one
// title block (a page title, then the document's own), so they start one document, not two.
import type { CleanLine } from './clean.js';

export type RawDocument = {
  title: string | undefined;
  /** Earlier title lines of the same block, e.g. the page title or a 关于印发…的通知 line. */
  otherTitles: string[];
  /** Metadata lines of this document, and of the file's header (which every document in it shares). */
  meta: string[];
  body: string[];
  /** "(第2/3页)": the file is one page of a longer document. */
  partial: boolean;
};

const DOC_TYPE_WORD =
  /(工作要点|工作要點|要点|要點|工作总结|工作總結|总结|總結|规划|規劃|计划|計劃|意见|意見|方案|通知|报告|報告|纲要|綱要)/;
const HEADING_START =
  /^(第[一二三四五六七八九十]+(部分|章|篇)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;
const PAGE_MARK = /[（(]\s*第\s*\d+\s*\/\s*\d+\s*[页頁]\s*[）)]/;

export function isTitleLine(text: string): boolean {
  return (
    text.length <= 60 &&
    !/[。；！？]$/.test(text) &&
    !/[。；]/.test(text.replace(/《[^》]*》/g, '')) &&
    /(19|20)\d{2}/.test(text) &&
    DOC_TYPE_WORD.test(text) &&
    !HEADING_START.test(text)
  );
}

export function splitDocuments(lines: CleanLine[]): RawDocument[] {
  const docs: RawDocument[] = [];
  const fileMeta: string[] = [];
  let current: RawDocument | undefined;
  const startDocument = (): RawDocument => {
    const doc: RawDocument = { title: undefined, otherTitles: [], meta: [...fileMeta], body: [], partial: false };
    docs.push(doc);
    return doc;
  };
  for (const line of lines) {
    if (line.kind === 'meta') {
      if (!current || (docs.length === 1 && current.body.length === 0)) fileMeta.push(line.text);
      (current ?? startDocument()).meta.push(line.text);
      continue;
    }
    if (isTitleLine(line.text)) {
      if (!current || current.body.length > 0) current = startDocument();
      const title = line.text.replace(PAGE_MARK, '').trim();
      if (PAGE_MARK.test(line.text)) current.partial = true;
      if (current.title && current.title !== title) current.otherTitles.push(current.title);
      current.title = title;
      continue;
    }
    (current ?? (current = startDocument())).body.push(line.text);
  }
  for (const doc of docs) moveSignature(doc);
  return docs.filter((d) => d.body.length > 0);
}

// A closing signature line ("成都市教育局", followed by the date) names the issuer; it is not plan text.
const SIGNATURE = /^[\p{Script=Han}（）()]{2,30}(局|厅|廳|委员会|委員會|政府|办公室|辦公室|委|中心)$/u;
function moveSignature(doc: RawDocument): void {
  const last = doc.body[doc.body.length - 1];
  if (doc.body.length > 1 && last && SIGNATURE.test(last)) {
    doc.body.pop();
    doc.meta.push(`落款：${last}`);
  }
}

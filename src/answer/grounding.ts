// A model's answer, held to its quotes sentence by sentence. A quote counts only if it is in the
// source it cites (letters and digits compared) and is then replaced by the source's own text. Every
// claim of the answer — each sentence, or each part of a sentence up to its [n] markers — must carry
// a marker to a verified quote, and the quoted paragraph must support it: its numbers, its words
// (Chinese) or the Chinese for its words (English), and any polarity it asserts (撤销, 不再, cancel)
// are in the paragraph, its section or its document's title, place and year. A claim that fails is
// dropped with its markers; what a document says is never taken as an instruction.
import type { Lexicon } from '../index/lexicon.js';
import { expandEnglish } from '../index/lexicon.js';
import type { SearchHit } from '../retrieval/search.js';
import { readable } from './evidence.js';
import type { LlmReply } from './llm.js';
import type { Citation } from './model.js';
import { withoutInstructions } from './instructions.js';
import { numberQuotes, type Quote } from './quotes.js';
import { locateQuote } from './verify.js';

export type GroundedReply = {
  answer: string;
  citations: Citation[];
  /** Citations whose quote was not in its source; claims dropped as unsupported or unmarked. */
  droppedQuotes: number;
  droppedClaims: number;
};

/**
 * Share of a Chinese claim's word pairs (character bigrams, connectives aside) that must be in what
 * it cites. A faithful restatement ("青岛要建设200个学科教研基地") keeps ≥ 0.8 of them; an invented
 * claim citing a real sentence ("教育局已撤销所有计划") keeps well under half. Set between the two.
 */
export const CHINESE_SUPPORT_MIN = 0.6;
/** Share of an English claim's content words whose Chinese (lexicon, glossary) must be in what it cites. */
export const ENGLISH_SUPPORT_MIN = 0.5;
/** A quote shorter than this (letters and digits) proves nothing. */
const MIN_QUOTE_CHARS = 4;

/** Bigrams that only connect or frame a claim: a restatement may add them freely. */
const CONNECTIVE = new Set(
  '根据 计划 文件 提出 指出 表示 明确 要求 其中 包括 以及 主要 方面 要点 重点 工作 方面 此外 同时 通过 进行 开展 将会 将要 目前 今年 年要 年将 年的 的是 是要 要在 在于 等等 等方面 一是 二是 三是 四是 五是 六是'.split(
    ' ',
  ),
);
/** Words that turn a claim around; a claim may use one only if its paragraph does. */
const POLARITY = [
  '不再',
  '不会',
  '不得',
  '不予',
  '不能',
  '没有',
  '取消',
  '撤销',
  '撤消',
  '停止',
  '暂停',
  '废止',
  '终止',
  '禁止',
  '削减',
  '否决',
  '未',
];
const POLARITY_EN =
  /\b(?:not|no|never|cancel\w*|revok\w*|abolish\w*|withdr[ae]w\w*|suspend\w*|stop\w*|ban\w*|terminat\w*|scrap\w*|cut)\b/i;
/** English words that frame an answer without claiming anything of their own. */
const ENGLISH_FRAME = new Set(
  'the a an of to in on for and or is are was were be been will would shall should can could may might must it its this that these those with by from at as about their there plan plans planned planning city province prefecture county year years according says say said also which who what how many much aims aim goal goals target targets education educational work key main priority priorities include includes including such other more than per cent percent by through into under over new further further including'.split(
    ' ',
  ),
);

export function groundReply(reply: LlmReply, hits: SearchHit[], lexicon: Lexicon): GroundedReply {
  // 1. Quotes: each must be in the source it names; one citation per source paragraph.
  const quotes: Array<{ source: number; quote: Quote }> = [];
  let droppedQuotes = 0;
  for (const c of reply.citations) {
    const hit = hits[c.source - 1];
    // A quote must lie in the source's text with its instruction-like sentences blanked out.
    const span = hit ? locateQuote(withoutInstructions(hit.chunk.text), c.quote) : undefined;
    const letters = span ? hit!.chunk.text.slice(span.start, span.end).replace(/[^\p{L}\p{N}]/gu, '').length : 0;
    if (!hit || !span || letters < MIN_QUOTE_CHARS) {
      droppedQuotes++;
      continue;
    }
    quotes.push({ source: c.source, quote: { doc: hit.doc, passage: hit.chunk, span } });
  }
  const verifiedSources = new Set(quotes.map((q) => q.source));

  // 2. Claims: each must carry a marker to a verified source and be supported by it.
  const kept: Claim[] = [];
  let droppedClaims = 0;
  for (const claim of claimsOf(reply.answer)) {
    const sources = claim.sources.filter((s) => verifiedSources.has(s));
    const body = `${claim.text}${claim.tail}`;
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    if (
      !sources.length ||
      !supported(
        body,
        sources.map((s) => hits[s - 1]),
        lexicon,
      )
    ) {
      droppedClaims++;
      continue;
    }
    kept.push({ ...claim, sources });
  }

  // 3. Citations: only those a kept claim points to, numbered in order of first use.
  const used = [...new Set(kept.flatMap((k) => k.sources))];
  const { citations, markers } = numberQuotes(
    used.flatMap((s) => quotes.filter((q) => q.source === s).map((q) => q.quote)),
  );
  const numberOf = new Map<number, number>();
  let at = 0;
  for (const s of used) {
    numberOf.set(s, markers[at]);
    at += quotes.filter((q) => q.source === s).length;
  }
  const answer = kept
    .map((k) => {
      const marks = [...new Set(k.sources.map((s) => numberOf.get(s)!))].map((n) => `[${n}]`).join('');
      return `${k.text.replace(/\s+$/, '')}${marks}${k.tail}`;
    })
    .join('')
    // A claim dropped mid-sentence can leave its neighbour starting with a comma: tidy that.
    .replace(/(^|\n)[\s，,；;、]+/g, '$1')
    .trim();
  return { answer, citations, droppedQuotes, droppedClaims };
}

/** A claim: its text up to its markers, what follows the markers in its sentence, and the sources it cites. */
type Claim = { text: string; tail: string; sources: number[] };

/**
 * The claims of an answer: its sentences (and lines), each cut after every group of markers, so
 * that "要建200个基地[1]，并新建500所学校[2]。" is two claims. What follows a sentence's last marker
 * ("。", or "，提高质量。") is part of the claim before it; a sentence without any marker is a claim
 * with no source.
 */
export function claimsOf(answer: string): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of answer.match(/[^。！？!?\n]+(?:[。！？!?]+|\n|$)|\n/g) ?? []) {
    const local: Claim[] = [];
    let consumed = 0;
    for (const m of sentence.matchAll(/([^[\]]*?)((?:\s*\[\d+(?:\s*[,，]\s*\d+)*\])+)/g)) {
      local.push({ text: m[1], tail: '', sources: [...m[2].matchAll(/\d+/g)].map((d) => Number(d[0])) });
      consumed = m.index! + m[0].length;
    }
    const rest = sentence.slice(consumed);
    if (local.length) local[local.length - 1].tail = rest;
    else local.push({ text: rest, tail: '', sources: [] });
    claims.push(...local);
  }
  return claims;
}

/** Whether the cited paragraphs (with their section, title, place and year) support a claim. */
export function supported(claimText: string, cited: SearchHit[], lexicon: Lexicon): boolean {
  const claim = claimText.replace(/\[\d+\]/g, '');
  const support = readable(
    cited
      .map(
        (h) =>
          `${h.doc.title} ${h.doc.place} ${h.doc.placeAliases.join(' ')} ${h.doc.year} ${h.chunk.sectionPath.join(' ')} ${withoutInstructions(h.chunk.text)}`,
      )
      .join('\n'),
  );
  const digits = (s: string) => s.replace(/(?<=\d),(?=\d{3})/g, '');
  for (const n of digits(claim).match(/\d+(?:\.\d+)?/g) ?? []) if (!digits(support).includes(n)) return false;
  for (const quoted of claim.match(/[“"「『]([^”"」』]{2,})[”"」』]/g) ?? [])
    if (!support.includes(readable(quoted.slice(1, -1)))) return false;
  const han = readable(claim).match(/\p{Script=Han}+/gu) ?? [];
  if (han.join('').length >= 2) {
    for (const word of POLARITY) if (readable(claim).includes(word) && !support.includes(word)) return false;
    const grams = han.flatMap((run) => [...run].slice(0, -1).map((ch, i) => ch + run[i + 1]));
    const informative = grams.filter((g) => !CONNECTIVE.has(g));
    if (!informative.length) return true;
    const share = informative.filter((g) => support.includes(g)).length / informative.length;
    return share >= CHINESE_SUPPORT_MIN;
  }
  // English: each content word must be said, in Chinese, in what it cites.
  if (POLARITY_EN.test(claim) && !POLARITY.some((w) => support.includes(w))) return false;
  const words = (claim.toLowerCase().match(/[a-z][a-z-]+/g) ?? []).filter((w) => !ENGLISH_FRAME.has(w));
  const mappable = words.map((w) => expandEnglish(lexicon, w).map(readable)).filter((targets) => targets.length > 0);
  if (!mappable.length) return words.length === 0;
  const said = mappable.filter((targets) => targets.some((t) => support.includes(t))).length;
  return said >= 1 && said / mappable.length >= ENGLISH_SUPPORT_MIN;
}

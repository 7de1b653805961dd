// The offline answerer: picks, from the best passages, the sentences that answer the question and
// quotes them verbatim, each cited. Below the calibrated confidence it says the plans do not say.
import { sentenceSpans } from '../ingest/chunk.js';
import { GARBLED } from '../ingest/mojibake.js';
import type { SearchHit, SearchResult } from '../retrieval/search.js';
import { hanBigrams } from '../text/tokenize.js';
import { inScript } from '../text/script.js';
import type { Answer, Citation } from './model.js';

/** Below this search confidence an answer is "not found" (calibrated on the development set; see README). */
export const MIN_CONFIDENCE = 0.1;
const MAX_SENTENCES = 4;

type Candidate = { hit: SearchHit; start: number; end: number; score: number };

const HOW_MUCH = /多少|几|幾|比例|覆盖率|率|目标|how many|how much|rate|target|percent/i;
const LIST = /哪些|那些|什么要求|有什么|都有|举措|措施|机制|which|what are|list/i;

export function extractiveAnswer(result: SearchResult): Answer {
  const { query, hits } = result;
  const closest = closestDocuments(hits);
  if (!hits.length || result.missingScope || result.confidence < MIN_CONFIDENCE) {
    const what = result.missingScope
      ? `没有找到${result.missingScope}的相关计划文件`
      : '已索引的计划文件中没有找到能回答这个问题的内容';
    const answer =
      query.script === 'en'
        ? `The indexed plans do not answer this${result.missingScope ? ` (no plan indexed for ${result.missingScope})` : ''}. Closest documents: ${closest.map((d) => `${d.title} (${d.place}, ${d.year})`).join('; ') || 'none'}.`
        : inScript(
            `${what}。最接近的文件：${closest.map((d) => `《${d.title}》(${d.place}，${d.year})`).join('；') || '无'}。`,
            query.script,
          );
    return {
      question: query.question,
      answer,
      found: false,
      mode: 'extractive',
      confidence: result.confidence,
      citations: [],
      closest,
    };
  }

  const topic = new Set(hanBigrams(query.topic + query.expansions.join(' ')));
  const topicWeight = [...topic].reduce((s, g) => s + result.bigramWeight(g), 0);
  const averageWeight = topic.size ? topicWeight / topic.size : 1;
  const wantsNumber = HOW_MUCH.test(query.question);
  const wantsList = LIST.test(query.question);
  const candidates: Candidate[] = [];
  hits.slice(0, 6).forEach((hit, rank) => {
    for (const [s, e] of sentenceSpans(hit.chunk.text)) {
      const sentence = hit.chunk.text.slice(s, e).trim();
      if (sentence.length < 6 || sentence.includes(GARBLED)) continue;
      const grams = new Set(hanBigrams(sentence));
      // Shared bigrams, counted and weighed by how telling they are (就业率 more than 学校).
      let overlap = 0;
      let weighted = 0;
      for (const g of topic)
        if (grams.has(g)) {
          overlap++;
          weighted += result.bigramWeight(g);
        }
      let score = weighted / Math.max(topicWeight, 3 * averageWeight) + 0.15 / (rank + 1);
      if (wantsNumber && /\d/.test(sentence)) score += 0.15 * Math.min(1, overlap / 3);
      const lead = hit.chunk.text.indexOf(sentence, s);
      candidates.push({ hit, start: lead, end: lead + sentence.length, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score);

  // Every place the question names gets its best sentence; then the rest by score.
  const chosen: Candidate[] = [];
  for (const place of query.places) {
    const best = candidates.find((c) => c.hit.doc.place === place);
    if (best && !chosen.includes(best)) chosen.push(best);
  }
  const limit = wantsList ? MAX_SENTENCES : Math.max(2, query.places.length);
  for (const c of candidates) {
    if (chosen.length >= limit) break;
    if (c.score < (candidates[0]?.score ?? 0) * 0.6) break;
    if (!chosen.includes(c)) chosen.push(c);
  }

  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    const n = citations.length + 1;
    const quote = c.hit.chunk.text.slice(c.start, c.end);
    citations.push({
      n,
      doc: c.hit.doc.id,
      title: c.hit.doc.title,
      place: c.hit.doc.place,
      year: c.hit.doc.year,
      section: c.hit.chunk.sectionPath.join(' > '),
      ordinal: c.hit.chunk.ordinal,
      quote,
      start: c.hit.chunk.start + c.start,
      end: c.hit.chunk.start + c.end,
      text: c.hit.chunk.text,
    });
    parts.push(`“${quote}”[${n}]`);
  }
  const lead = query.script === 'en' ? 'According to the plans:' : inScript('根据计划文件：', query.script);
  // For a how-much question, the clause that holds the figure comes first, quoted from its source.
  const figure = wantsNumber
    ? citations
        .map((c) => ({ n: c.n, ...figureClause(c.quote, topic, result.bigramWeight) }))
        .filter((f): f is { n: number; clause: string; overlap: number } => Boolean(f.clause))
        .sort((a, b) => b.overlap - a.overlap || a.n - b.n)[0]
    : undefined;
  const direct = figure
    ? `${query.script === 'en' ? 'In short: ' : inScript('简答：', query.script)}“${figure.clause}”[${figure.n}]\n`
    : '';
  return {
    question: query.question,
    answer: `${direct}${lead}\n${parts.map((p) => `• ${p}`).join('\n')}`,
    found: true,
    mode: 'extractive',
    confidence: result.confidence,
    citations,
    closest,
  };
}

/** The clause of a sentence (between commas and semicolons) with a number that best matches the topic. */
export function figureClause(
  sentence: string,
  topic: Set<string>,
  weight: (bigram: string) => number = () => 1,
): { clause?: string; overlap: number } {
  let best: { clause: string; overlap: number } | undefined;
  for (const raw of sentence.split(/[，,；;：:]/)) {
    const clause = raw.replace(/[。！？!?]+$/, '').trim();
    if (!/\d/.test(clause) || clause.length < 4 || clause.length >= sentence.length - 1) continue;
    const grams = new Set(hanBigrams(clause));
    let overlap = 0;
    for (const g of topic) if (grams.has(g)) overlap += weight(g);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { clause, overlap };
  }
  return best ?? { overlap: 0 };
}

function closestDocuments(hits: SearchHit[]) {
  const seen = new Map<string, SearchHit['doc']>();
  for (const h of hits) if (!seen.has(h.doc.id)) seen.set(h.doc.id, h.doc);
  return [...seen.values()].slice(0, 3).map((d) => ({ doc: d.id, title: d.title, place: d.place, year: d.year }));
}

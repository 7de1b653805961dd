// Summaries: a plan's priorities following its own top-level structure — each section with its key
// items and quantitative targets, each cited. Offline: extractive, from headings and target
// sentences. With an LLM: one verified call per section (map), joined in the plan's order (reduce).
import { llmConfigured, type Config } from '../config.js';
import { sentenceSpans, type Chunk, type OutlineEntry } from '../ingest/chunk.js';
import type { PlanDocument } from '../ingest/documents.js';
import type { DocType } from '../ingest/metadata.js';
import { GARBLED } from '../ingest/mojibake.js';
import { logger } from '../log.js';
import type { PlanIndex } from '../index/store.js';
import { withGlossary, type Lexicon } from '../index/lexicon.js';
import type { SearchHit } from '../retrieval/search.js';
import { inScript, type Script } from '../text/script.js';
import { languageName, say } from './say.js';
import { citationFor } from './cite.js';
import { mergeParts, type AnswerPart } from './compose.js';
import { groundReply } from './grounding.js';
import { isInstructionLike } from './instructions.js';
import { askModel } from './llm.js';
import type { Answer, Citation } from './model.js';
import { describeDoc, findPlans } from './plans.js';
import { fenceSources, prompt } from './prompts.js';

const MAX_ITEMS_PER_SECTION = 6;
const TARGET = /\d|[一二三四五六七八九十百千万]+(所|个|項|项|人|名|家|次|间|間)|%|％/;
/** A quantitative target, not a date: "建设200个基地" counts, "1月17日" and "2020年" do not. */
const hasTarget = (text: string) =>
  TARGET.test(
    text.replace(/(19|20)\d{2}(年|—|-)|\d{1,2}月\d{1,2}日|^\d+[.．、]|^[（(][一二三四五六七八九十\d]+[）)]/g, ''),
  );

/** `headings` gives only the plan's top-level sections (each cited), e.g. for a comparison. */
export type SummaryRequest = {
  place: string;
  year?: number;
  type?: DocType;
  script?: Script;
  detail?: 'items' | 'headings';
};

export async function summarisePlan(index: PlanIndex, request: SummaryRequest, config: Config): Promise<Answer> {
  const script = request.script ?? 'zh-Hans';
  const label = `${request.place}${request.year ? ` ${request.year}` : ''}${request.type ? ` ${request.type}` : ''}`;
  const question = `summary ${label}`;
  const { matches, samePlace } = findPlans(index, request.place, request.year, request.type);
  if (matches.length !== 1) {
    const options = (matches.length ? matches : samePlace.length ? samePlace : index.documents).map((d) => d);
    const lead =
      script === 'en'
        ? matches.length > 1
          ? `“${label}” matches several plans; add a year or type:`
          : `No plan indexed for ${label}. ${samePlace.length ? `Plans indexed for ${request.place}:` : 'Indexed plans:'}`
        : matches.length > 1
          ? `“${label}”对应多份计划，请指明年份或类型：`
          : samePlace.length
            ? `没有找到${label}的计划。${request.place}已索引的计划：`
            : `没有找到${request.place}的计划。已索引的计划：`;
    return {
      question,
      answer: inScript(`${lead}\n${options.map((d) => `• ${describeDoc(d)}`).join('\n')}`, script),
      found: false,
      mode: 'extractive',
      confidence: 0,
      citations: [],
      closest: options.slice(0, 10).map((d) => ({ doc: d.id, title: d.title, place: d.place, year: d.year })),
    };
  }
  const doc = matches[0];
  const chunks = index.chunks.filter((c) => c.docId === doc.id);
  const sections = topLevelSections(doc, chunks);
  const parts: AnswerPart[] = [];
  let mode: Answer['mode'] = 'extractive';
  let note: string | undefined;
  const headingsOnly = request.detail === 'headings';
  for (const section of sections) {
    let part = extractiveSection(doc, section, headingsOnly);
    // Headings are quoted as they stand; only the items are worth a model's summary.
    if (llmConfigured(config) && !headingsOnly) {
      try {
        const llmPart = await llmSection(doc, section, config, script, index.lexicon);
        if (llmPart) {
          part = llmPart;
          mode = 'llm';
        }
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'LLM section summary failed; using the extractive one');
        note = say(
          script,
          '语言模型没有回答其中几节；这几节是摘录。',
          'The language model did not answer for some sections; those are extractive.',
        );
      }
    }
    parts.push(part);
  }
  const merged = mergeParts(parts);
  const header =
    script === 'en'
      ? `Priorities of ${doc.title} (${doc.place}, ${doc.year}, ${doc.type}), section by section:`
      : inScript(`《${doc.title}》（${doc.place}，${doc.year}，${doc.type}）的主要任务：`, script);
  return {
    question,
    answer: `${header}\n${merged.text}`,
    found: true,
    mode,
    confidence: 1,
    citations: merged.citations,
    closest: [{ doc: doc.id, title: doc.title, place: doc.place, year: doc.year }],
    note,
  };
}

type Section = {
  heading?: OutlineEntry;
  headingText?: string;
  items: Array<{ entry?: OutlineEntry; chunks: Chunk[] }>;
  chunks: Chunk[];
};

/** The plan's top-level sections in order, each with its next-level items; a plan without headings is one section. */
export function topLevelSections(doc: PlanDocument, chunks: Chunk[]): Section[] {
  const tops = doc.outline.filter((o) => o.level === Math.min(...doc.outline.map((x) => x.level)));
  const lineAt = (start: number) =>
    doc.text.slice(start, doc.text.indexOf('\n', start) < 0 ? doc.text.length : doc.text.indexOf('\n', start));
  if (!tops.length) {
    const items = chunks.map((c) => ({ chunks: [c] }));
    return [{ items, chunks }];
  }
  return tops.map((top, i) => {
    const end = tops[i + 1]?.start ?? doc.text.length;
    const inside = chunks.filter((c) => c.start >= top.start && c.start < end);
    const sub = doc.outline.filter((o) => o.start > top.start && o.start < end);
    const subLevel = Math.min(...sub.map((o) => o.level));
    const entries = sub.filter((o) => o.level === subLevel);
    const items = entries.length
      ? entries.map((entry, k) => {
          const itemEnd = entries[k + 1]?.start ?? end;
          return { entry, chunks: inside.filter((c) => c.start >= entry.start && c.start < itemEnd) };
        })
      : inside.map((c) => ({ chunks: [c] }));
    return { heading: top, headingText: lineAt(top.start), items, chunks: inside };
  });
}

/** A section's heading (cited), then per item its target sentence, or its heading sentence. */
function extractiveSection(doc: PlanDocument, section: Section, headingsOnly = false): AnswerPart {
  const citations: Citation[] = [];
  const lines: string[] = [];
  if (section.heading && section.headingText) {
    const start = section.heading.start;
    const line = { text: section.headingText, start, sectionPath: [section.heading.label] };
    citations.push(citationFor(doc, { ...line, ordinal: section.chunks[0]?.ordinal ?? 0 }, 1));
    lines.push(`${section.headingText} [1]`);
    if (headingsOnly) return { text: lines.join('\n'), citations };
  }
  const ranked = section.items.map((item, order) => {
    const sentence = bestSentence(item.chunks);
    return { item, order, sentence, weight: sentence && hasTarget(sentence.text) ? 1 : 0 };
  });
  // Items with quantitative targets first when there are too many, then restore the plan's order.
  const kept = (
    ranked.length > MAX_ITEMS_PER_SECTION
      ? [...ranked].sort((a, b) => b.weight - a.weight || a.order - b.order).slice(0, MAX_ITEMS_PER_SECTION)
      : ranked
  ).sort((a, b) => a.order - b.order);
  for (const { item, sentence } of kept) {
    if (!sentence) continue;
    const n = citations.length + 1;
    const chunk = sentence.chunk;
    citations.push(citationFor(doc, chunk, n, sentence));
    const label = item.entry?.label;
    const quoteIsLabel = label && sentence.text.startsWith(label.replace(/…$/, ''));
    lines.push(`  • ${label && !quoteIsLabel ? `${label}：` : ''}“${sentence.text}” [${n}]`);
  }
  return { text: lines.join('\n'), citations };
}

function bestSentence(chunks: Chunk[]): { chunk: Chunk; start: number; end: number; text: string } | undefined {
  let first: { chunk: Chunk; start: number; end: number; text: string } | undefined;
  for (const chunk of chunks)
    for (const [s, e] of sentenceSpans(chunk.text)) {
      const text = chunk.text.slice(s, e).trim();
      if (text.length < 6 || text.includes(GARBLED) || isInstructionLike(text)) continue;
      const start = chunk.text.indexOf(text, s);
      const candidate = { chunk, start, end: start + text.length, text };
      first ??= candidate;
      // The heading sentence itself ("10.扩大基础教育资源供给。") rarely holds the target; skip it.
      if (hasTarget(text)) return candidate;
    }
  return first;
}

async function llmSection(
  doc: PlanDocument,
  section: Section,
  config: Config,
  script: Script,
  lexicon: Lexicon,
): Promise<AnswerPart | undefined> {
  const hits: SearchHit[] = section.chunks.slice(0, 10).map((chunk) => ({ chunk, doc, score: 1 }));
  if (!hits.length) return undefined;
  const language = languageName(script);
  const sources = fenceSources(
    hits.map((h, i) => ({
      n: i + 1,
      title: doc.title,
      place: doc.place,
      year: doc.year,
      section: h.chunk.sectionPath.join(' > '),
      text: h.chunk.text,
    })),
  );
  const reply = await askModel(
    config,
    prompt('summary-section-system', { language }),
    prompt('summary-section-user', {
      title: doc.title,
      place: doc.place,
      year: String(doc.year),
      section: section.headingText ?? doc.title,
      sources,
    }),
  );
  // Only what the section's own paragraphs support is kept; a section left with nothing is extractive.
  const grounded = groundReply(reply, hits, withGlossary(lexicon));
  if (!grounded.citations.length || !grounded.answer) return undefined;
  return { heading: section.headingText, text: grounded.answer, citations: grounded.citations };
}

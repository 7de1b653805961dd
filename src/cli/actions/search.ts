// plans search / eval, loaded only when one of them runs.
import { readFileSync } from 'node:fs';
import { evaluateAnswers } from '../../answer/evaluate.js';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import type { PlanIndex } from '../../index/store.js';
import { evaluateRuns, type QaItem } from '../../retrieval/evaluate.js';
import { searchPlans, type SearchResult } from '../../retrieval/search.js';
import { readJsonLines, table } from '../io.js';
import { openForCommand, type IndexOptions } from '../open-index.js';

export function resultJson(id: string | undefined, result: SearchResult) {
  return {
    ...(id !== undefined ? { id } : {}),
    confidence: result.confidence,
    ...(result.missingScope ? { missing: result.missingScope } : {}),
    results: result.hits.map((h) => ({
      text: h.chunk.text,
      doc: h.doc.id,
      title: h.doc.title,
      region: h.doc.place,
      year: h.doc.year,
      section: h.chunk.sectionPath.join(' > '),
      score: Math.round(h.score * 10000) / 10000,
    })),
  };
}

async function runBatch(
  index: PlanIndex,
  k: number,
  items: Array<{ id?: string; question?: string }>,
): Promise<Array<ReturnType<typeof resultJson>>> {
  const out = [];
  for (const item of items) {
    if (typeof item.question !== 'string') throw new InputError(`line with id ${item.id ?? '?'} has no "question"`);
    out.push(resultJson(String(item.id ?? ''), await searchPlans(index, item.question, { k })));
  }
  return out;
}

export async function search(
  query: string | undefined,
  opts: IndexOptions & { k: number; json?: boolean },
): Promise<void> {
  if (!query && (process.stdin.isTTY || !opts.json))
    throw new InputError('Give a query, or pipe JSONL questions on stdin with --json.');
  const { index } = await openForCommand(opts);
  const k = opts.k;
  if (!query) {
    for (const line of await runBatch(index, k, await readJsonLines())) console.log(JSON.stringify(line));
    return;
  }
  const result = await searchPlans(index, query, { k });
  if (opts.json) return console.log(JSON.stringify(resultJson(undefined, result)));
  if (result.missingScope) console.log(`Note: no indexed plan for ${result.missingScope}; closest passages below.`);
  result.hits.forEach((h, i) => {
    console.log(
      `\n[${i + 1}] ${h.doc.title} · ${h.doc.place} · ${h.doc.year} · ${h.chunk.sectionPath.join(' > ') || '—'}  (score ${h.score.toFixed(4)})`,
    );
    console.log(`    ${h.chunk.text}`);
  });
  console.log(`\nconfidence ${result.confidence}`);
}

export async function evaluate(
  opts: IndexOptions & { qa: string; k: number; json?: boolean; answers?: boolean; minRecall?: number },
): Promise<void> {
  const qa = readQaFile(opts.qa);
  const { index, config } = await openForCommand(opts);
  if (opts.answers) return printAnswerReport(await evaluateAnswers(index, qa, config), opts.json);
  const k = opts.k;
  const runs = await runBatch(index, Math.max(10, k), qa);
  const report = evaluateRuns(
    qa,
    runs.map((r) => ({ id: r.id!, results: r.results })),
    k,
  );
  if (opts.json) console.log(JSON.stringify(report));
  else {
    console.log(`questions ${report.questions}  answerable ${report.answerable}`);
    console.log(
      `recall@1 ${report['recall@1']}  recall@5 ${report['recall@5']}  recall@10 ${report['recall@10']}  mrr@10 ${report['mrr@10']}`,
    );
    console.log(
      table(
        [...Object.entries(report.by_kind), ...Object.entries(report.by_lang)].map(([g, v]) => ({
          group: g,
          n: v.n,
          [`recall@${k}`]: v.recall,
        })),
      ),
    );
    if (report.misses.length) console.log(`misses at ${k}: ${report.misses.join(' ')}`);
  }
  if (opts.minRecall !== undefined && report.recallAtK < opts.minRecall) {
    console.error(`recall@${k} ${report.recallAtK} is below --min-recall ${opts.minRecall}`);
    process.exitCode = 1;
  }
}

function printAnswerReport(report: Awaited<ReturnType<typeof evaluateAnswers>>, json?: boolean): void {
  if (json) return console.log(JSON.stringify(report));
  const { by_kind, by_lang, misses, ...totals } = report;
  console.log(table([Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, String(v)]))]));
  console.log(table(Object.entries(by_kind).map(([kind, v]) => ({ kind, ...v }))));
  console.log(table(Object.entries(by_lang).map(([lang, v]) => ({ lang, ...v }))));
  for (const m of misses) console.log(`\n${m.id} ${m.why}: ${m.question}\n  ${m.answer.replace(/\n/g, '\n  ')}`);
}

const qaItemSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  question: z.string().min(1),
  gold: z.array(z.string()),
  kind: z.string().optional(),
  lang: z.string().optional(),
  doc: z.string().optional(),
});

/** A QA file in the format of eval/README.md, every line checked, with a one-line message for the first bad one. */
function readQaFile(path: string): QaItem[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new InputError(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const items: QaItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed;
    try {
      parsed = qaItemSchema.safeParse(JSON.parse(line));
    } catch {
      throw new InputError(`${path} line ${i + 1} is not JSON`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${path} line ${i + 1}: "${issue?.path.join('.')}" ${issue?.message ?? 'is invalid'}`);
    }
    items.push(parsed.data);
  });
  if (!items.length) throw new InputError(`${path} has no questions`);
  return items;
}

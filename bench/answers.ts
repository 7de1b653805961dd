// npm run eval:answers — the answer-level evaluation on every question set, in one command: each
// corpus is indexed into a temporary directory (offline unless OpenAI settings are in the
// environment), every question is answered, and the report of src/answer/evaluate.ts is printed per
// set. `--json` prints the reports; `--misses` lists every miss with its answer.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateAnswers, type AnswerReport } from '../src/answer/evaluate.js';
import { config } from '../src/config.js';
import { logForPeopleAtTerminal } from '../src/log-level.js';
import type { QaItem } from '../src/retrieval/evaluate.js';
import { openIndex } from '../src/index/open.js';

const SETS = [
  { name: 'dev', qa: 'eval/dev-qa.jsonl', corpus: 'corpus' },
  { name: 'english', qa: 'eval/dev-english.jsonl', corpus: 'corpus' },
  { name: 'holdout', qa: 'eval/holdout-bundled.jsonl', corpus: 'corpus' },
  { name: 'unanswerable', qa: 'eval/unanswerable.jsonl', corpus: 'corpus' },
  { name: 'unseen', qa: 'eval/unseen/qa.jsonl', corpus: 'eval/unseen/docs' },
  { name: 'holdout-pages-3', qa: 'eval/holdout-pages-3/qa.jsonl', corpus: 'eval/holdout-pages-3/docs' },
  { name: 'holdout-pages-4', qa: 'eval/holdout-pages-4/qa.jsonl', corpus: 'eval/holdout-pages-4/docs' },
];

logForPeopleAtTerminal();
const json = process.argv.includes('--json');
const misses = process.argv.includes('--misses');
const indexes = new Map<string, string>();
const reports: Array<{ set: string } & AnswerReport> = [];
for (const set of SETS) {
  if (!existsSync(set.qa)) continue;
  if (!indexes.has(set.corpus)) indexes.set(set.corpus, mkdtempSync(join(tmpdir(), 'plans-eval-')));
  const index = await openIndex(config(), { corpusDir: set.corpus, indexDir: indexes.get(set.corpus)! });
  const qa = readFileSync(set.qa, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaItem);
  reports.push({ set: set.name, ...(await evaluateAnswers(index, qa, config())) });
}

if (json) console.log(JSON.stringify(reports));
else {
  const rows = reports.map((r) => ({
    set: r.set,
    questions: r.questions,
    grounded: r.answerable ? `${r.grounded} (${Math.round(r.grounded * r.answerable)}/${r.answerable})` : '—',
    'recall@5': r.answerable ? r['recall@5'] : '—',
    'en recall@5': r.by_lang.en?.answerable ? `${r.by_lang.en['recall@5']} (n=${r.by_lang.en.answerable})` : '—',
    verbatim: r.verbatim,
    'unanswerable → not found': r.unanswerable
      ? `${r.unanswerableNotFound} (${Math.round(r.unanswerableNotFound * r.unanswerable)}/${r.unanswerable})`
      : '—',
    'answerable → not found': r.answerable ? r.answerableNotFound : '—',
  }));
  const keys = Object.keys(rows[0] ?? {});
  console.log(`| ${keys.join(' | ')} |\n| ${keys.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${keys.map((k) => String(row[k as keyof typeof row])).join(' | ')} |`);
  if (misses)
    for (const r of reports)
      for (const m of r.misses)
        console.log(`\n[${r.set}] ${m.id} ${m.why}: ${m.question}\n  ${m.answer.replace(/\n/g, '\n  ')}`);
}

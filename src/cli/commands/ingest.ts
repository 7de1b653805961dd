// plans ingest / docs / show: build the index and look at what it holds.
// Heavy modules are imported inside the actions, so that `plans --help` starts at once.
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { SUPPORTED_EXTENSIONS } from '../../ingest/load.js';
import { table } from '../io.js';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read the corpus, clean and split it, and (re)build the index; unchanged files are skipped')
    .option('--corpus <dir>', `directory of plan files (${SUPPORTED_EXTENSIONS.join(', ')})`)
    .option('--index <dir>', 'index directory')
    .option('--force', 'rebuild even if nothing changed')
    .action(async (opts: { corpus?: string; index?: string; force?: boolean }) => {
      const [{ config }, { ingestCorpus }, { buildReporter }] = await Promise.all([
        import('../../config.js'),
        import('../../index/build.js'),
        import('../build-progress.js'),
      ]);
      const c = config();
      const reporter = buildReporter();
      const summary = await ingestCorpus({
        corpusDir: opts.corpus ?? c.CORPUS_DIR,
        indexDir: opts.index ?? c.INDEX_DIR,
        config: c,
        force: opts.force,
        progress: reporter.progress,
        note: reporter.note,
      });
      reporter.finish();
      for (const p of summary.problems) console.error(`skipped ${p.file}: ${p.message}`);
      if (summary.status === 'unchanged')
        console.log('Nothing changed since the last ingest; the index is up to date.');
      const n = summary.noise;
      console.log(
        table([
          {
            documents: summary.documents,
            paragraphs: summary.paragraphs,
            files: summary.files,
            ...(summary.vectorsReused ? { 'vectors reused': summary.vectorsReused } : {}),
            problems: summary.problems.length,
          },
        ]),
      );
      console.log(table(Object.entries(n).map(([kind, count]) => ({ 'noise removed': kind, count }))));
    });

  program
    .command('docs')
    .description('list the indexed documents')
    .option('--json', 'one JSON object per document')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', 'corpus the index follows (default: the one it was built from, else corpus/)')
    .action(async (opts: { json?: boolean; index?: string; corpus?: string }) => {
      const { index } = await (await import('../open-index.js')).openForCommand(opts);
      const rows = index.documents.map((d) => ({
        id: d.id,
        title: d.title,
        place: d.place,
        year: d.year,
        period: d.years,
        type: d.type,
        file: d.file,
        paragraphs: d.paragraphs,
      }));
      if (opts.json) for (const r of rows) console.log(JSON.stringify(r));
      // For a terminal: one years column, "—" for what is not known, long titles shortened (--json has them whole).
      else
        console.log(
          table(
            rows.map((r) => ({
              id: r.id,
              title: shorten(r.title, 26),
              place: r.place === 'unknown' ? '—' : r.place,
              years: r.period === 'unknown' ? '—' : r.period[0] === r.period[1] ? r.period[0] : r.period.join('–'),
              type: r.type,
              paragraphs: r.paragraphs,
            })),
          ),
        );
    });

  program
    .command('show <doc>')
    .description('print a document’s cleaned text with its section tree')
    .option('--section <text>', 'only the section whose heading contains this text')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', 'corpus the index follows (default: the one it was built from, else corpus/)')
    .action(async (docRef: string, opts: { section?: string; index?: string; corpus?: string }) => {
      const { index } = await (await import('../open-index.js')).openForCommand(opts);
      const doc =
        index.docById.get(docRef) ?? index.documents.find((d) => d.id.startsWith(docRef) || d.file === docRef);
      if (!doc) throw new InputError(`No document "${docRef}". Run \`plans docs\` to see the ids.`);
      console.log(
        `${doc.title}\n${doc.place} · ${doc.year} · ${doc.type} · ${doc.file}${doc.partial ? ' · partial page' : ''}`,
      );
      console.log(`issuer: ${doc.issuer} · published: ${doc.publishDate} · source: ${doc.sourceUrl}\n`);
      console.log('Sections:');
      for (const o of doc.outline) console.log(`${'  '.repeat(o.level)}${o.label}`);
      let text = doc.text;
      if (opts.section) {
        const at = doc.outline.findIndex((o) => o.label.includes(opts.section!));
        if (at < 0) throw new InputError(`No section matching "${opts.section}" in ${doc.id}.`);
        const next = doc.outline.slice(at + 1).find((o) => o.level <= doc.outline[at].level);
        text = doc.text.slice(doc.outline[at].start, next?.start ?? doc.text.length);
      }
      console.log(`\n${text}`);
    });
}

const shorten = (text: string, max: number) =>
  [...text].length > max ? [...text].slice(0, max - 1).join('') + '…' : text;

// A small corpus for the Slack tests that change or attack the corpus: one bundled plan (青岛 2020)
// and a hostile one whose title, headings, quotes and source URL carry <!channel>, <!here>,
// <@U…>, <#C…>, links and mrkdwn characters. Built into its own temporary index.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCorpus, loadIndex } from '../../src/slack/index-access.js';
import { tempDir, testConfig } from '../helpers/corpus.js';

export async function hostileCorpus() {
  const corpusDir = tempDir('plans-hostile-corpus-');
  const indexDir = tempDir('plans-hostile-index-');
  mkdirSync(corpusDir, { recursive: true });
  copyFileSync('corpus/001_bd21d4014cef2a4c.txt', join(corpusDir, '001_bd21d4014cef2a4c.txt'));
  copyFileSync('test/slack/fixtures/hostile-plan.txt', join(corpusDir, 'hostile-plan.txt'));
  const config = testConfig({ CORPUS_DIR: corpusDir });
  await ingestCorpus({ corpusDir, indexDir, config });
  return { corpusDir, indexDir, index: (await loadIndex(indexDir, config))! };
}

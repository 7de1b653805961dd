// A burst of signed @mentions, all at once, against plans-bot and against a bare Bolt app that only
// acknowledges them: the same run, the same machine, each app in its own process, both talking to
// one local stand-in for Slack's Web API. Reports acknowledgement latency (p50 / p95 / p99, from
// sending the request to its response) and how many mentions got their answer.
//
//   npx tsx bench/slack-burst.ts            (BURST=200 mentions; prints a table)
//   import { slackBurst } from './slack-burst.js'   (returns the rows, for npm run bench)
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App } from '@slack/bolt';
import { parseConfig } from '../src/config.js';
import { table } from '../src/cli/io.js';
import { signedHeaders, startFakeSlack } from '../test/helpers/fake-slack.js';

const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-test-token';

export type BurstRow = {
  app: string;
  mentions: number;
  ack_p50_ms: number;
  ack_p95_ms: number;
  ack_p99_ms: number;
  answered: string;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (x: number) => Math.round(x * 10) / 10;

/** Starts the app under test in a child process; resolves with its URL. */
function serve(kind: 'bot' | 'bare', env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ url: `http://127.0.0.1:${m.port}/slack/events`, child }));
    child.once('exit', (code) => reject(new Error(`the ${kind} app exited (${code})`)));
  });
}

async function burst(url: string, mentions: number, questions: string[], round: number): Promise<number[]> {
  const bodies = Array.from({ length: mentions }, (_, i) => {
    const ts = `${1800000000 + round * 10000 + i}.000100`;
    return JSON.stringify({
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `EvBurst${round}_${i}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: {
        type: 'app_mention',
        user: `UB${i}`,
        text: `<@UBOT> ${questions[i % questions.length]}`,
        ts,
        channel: 'C1',
        event_ts: ts,
      },
    });
  });
  // Signed before the clock starts, sent together.
  const requests = bodies.map((body) => ({ body, headers: signedHeaders(SECRET, body) }));
  return Promise.all(
    requests.map(async ({ body, headers }) => {
      const started = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      return performance.now() - started;
    }),
  );
}

export async function slackBurst(options: { mentions?: number; timeoutMs?: number } = {}): Promise<BurstRow[]> {
  const mentions = options.mentions ?? Number(process.env.BURST ?? 200);
  const questions = readFileSync('eval/dev-qa.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).question as string);
  const slack = await startFakeSlack();
  const indexDir = mkdtempSync(join(tmpdir(), 'plans-burst-index-'));
  const env = {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    INDEX_DIR: indexDir,
    CORPUS_DIR: 'corpus',
    EMBEDDER: 'hashing',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000',
    FEEDBACK_FILE: join(indexDir, 'feedback.jsonl'),
    SHARED_ANSWERS_FILE: join(indexDir, 'shared.json'),
  };
  // An answer: a message with blocks in a thread, posted or replacing the "in line" note.
  const answers = () =>
    slack.calls.filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.args.blocks).length;
  const bare = await serve('bare', env);
  const bot = await serve('bot', env);
  const rows: BurstRow[] = [];
  try {
    // Warm both (JIT, the first auth.test), then the measured burst.
    await burst(bare.url, 10, questions, 0);
    await burst(bot.url, 10, questions, 0);
    const warmAnswers = () => answers();
    const deadline = Date.now() + 30_000;
    while (warmAnswers() < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    // Rounds alternate between the two apps, so that both see the machine in the same states;
    // each percentile is the median over the rounds.
    const rounds = Number(process.env.BURST_ROUNDS ?? 3);
    const times = { bare: [] as number[][], bot: [] as number[][] };
    let answered = 0;
    for (let round = 1; round <= rounds; round++) {
      times.bare.push((await burst(bare.url, mentions, questions, round)).sort((a, b) => a - b));
      const before = answers();
      times.bot.push((await burst(bot.url, mentions, questions, round)).sort((a, b) => a - b));
      const until = Date.now() + (options.timeoutMs ?? 120_000);
      while (answers() - before < mentions && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      answered += answers() - before;
    }
    const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const [name, key] of [
      ['bare Bolt app (ack only)', 'bare'],
      ['plans-bot', 'bot'],
    ] as const) {
      const at = (p: number) => round(median(times[key].map((t) => percentile(t, p))));
      rows.push({
        app: name,
        mentions,
        ack_p50_ms: at(50),
        ack_p95_ms: at(95),
        ack_p99_ms: at(99),
        answered: key === 'bot' ? `${answered}/${mentions * rounds}` : '—',
      });
    }
  } finally {
    bare.child.kill();
    bot.child.kill();
    await slack.close();
  }
  return rows;
}

/** The app under test, in its own process. */
async function serveApp(kind: 'bot' | 'bare'): Promise<void> {
  const config = parseConfig(process.env);
  let app: App;
  if (kind === 'bare') {
    app = new App({ token: TOKEN, signingSecret: SECRET, clientOptions: { slackApiUrl: config.SLACK_API_URL } });
    app.event('app_mention', async () => {});
  } else {
    const { openIndex } = await import('../src/index/open.js');
    const { botContext } = await import('../src/slack/context.js');
    const { createSlackApp } = await import('../src/slack/app.js');
    const ctx = botContext(await openIndex(config), config);
    await ctx.answerer.ready();
    app = createSlackApp(ctx);
  }
  const server = (await app.start(0)) as import('node:http').Server;
  process.send!({ port: (server.address() as import('node:net').AddressInfo).port });
}

const args = process.argv.slice(2);
if (args[0] === '--serve') {
  await serveApp(args[1] as 'bot' | 'bare');
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await slackBurst();
  console.log(table(rows as unknown as Array<Record<string, string | number>>));
  const [bare, bot] = rows;
  console.log(`plans-bot ack p99 / bare p99 = ${(bot.ack_p99_ms / bare.ack_p99_ms).toFixed(2)} (target ≤ 1.3)`);
}

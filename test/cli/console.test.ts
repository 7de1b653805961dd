// The local console as a new user meets it: `npm start` with no Slack settings, questions piped in.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../helpers/index.js';

async function consoleSession(lines: string[], env: Record<string, string> = {}) {
  const { dir } = await bundledIndex();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK|OPENAI)_/.test(k)));
  const r = spawnSync('node', ['--import', 'tsx', 'src/main.ts'], {
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    env: { ...clean, LOG_LEVEL: 'silent', INDEX_DIR: dir, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the local console', () => {
  it('answers questions and console commands, and shows its help for "help" and a bare "/plans"', async () => {
    const r = await consoleSession(['/plans', '青岛2020年要建多少个学科教研基地?', '/plans summary 湘西', 'quit']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/local console \(no Slack settings found;/);
    const [, afterPlans] = r.out.split(/^> \/plans$/m);
    expect(afterPlans.split('\n> ')[0]).toContain('summary <place> [year] [type]');
    expect(r.out).toContain('建設200個學科教研基地');
    expect(r.out).toMatch(/湘西/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('says which Slack setting is missing when only some are set', async () => {
    const r = await consoleSession(['quit'], { SLACK_BOT_TOKEN: 'xoxb-test-token' });
    expect(r.out).toMatch(/local console \(SLACK_SIGNING_SECRET \(or SLACK_APP_TOKEN\) is not set;/);
    expect(r.out + r.err).not.toContain('xoxb-test-token');
  });
});

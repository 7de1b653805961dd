import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../src/log.js';
import { channelAllowed, checkQuestion, rateLimiter } from '../../src/slack/guardrails.js';
import { testConfig } from '../helpers/corpus.js';

describe('guardrails', () => {
  it('rate-limits per user over a sliding minute (clock injected)', () => {
    let now = 0;
    const limiter = rateLimiter(2, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([0, 0, 0]);
    now = 20_000;
    expect(limiter.take('a')).toBe(40);
    now = 60_001;
    expect(limiter.take('a')).toBe(0);
  });

  it('allows only listed channels when an allowlist is set, and always DMs', () => {
    const config = testConfig({ SLACK_ALLOWED_CHANNELS: 'C1, C2' });
    expect([channelAllowed(config, 'C1'), channelAllowed(config, 'C3'), channelAllowed(config, 'D9')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(channelAllowed(testConfig(), 'C3')).toBe(true);
  });

  it('counts question length in characters, not bytes', () => {
    const config = testConfig({ MAX_QUESTION_CHARS: '5' });
    expect(checkQuestion(config, rateLimiter(10), 'u', '青岛教育局').refused).toBe(false);
    expect(checkQuestion(config, rateLimiter(10), 'u', '青岛市教育局').refused).toBe(true);
  });

  it('removes Slack and OpenAI secrets from text before it is logged or shown', () => {
    const text = scrubSecrets('failed with xoxb-123-456-abcDEF and xapp-1-A0-xyz and sk-proj-abcdefghijk123');
    expect(text).not.toMatch(/xoxb-123|xapp-1-A0|sk-proj-abc/);
  });
});

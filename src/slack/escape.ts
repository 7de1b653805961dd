// The one way any string reaches Slack. Slack parses `<…>` in mrkdwn, in a message's `text` and in
// streamed markdown as mentions (<@U…>, <!channel>), broadcasts and links, and `&` starts an entity;
// so user and document text must never carry them raw into those fields. Rich-text `text` elements
// and plain_text objects are shown literally by Slack (mentions there are separate element types),
// so a quote put there stays verbatim, `*` and `_` included.
export type SlackTarget =
  /** mrkdwn text objects and a message's top-level `text`: `&`, `<`, `>` become entities. */
  | 'mrkdwn'
  /** Streamed `markdown_text`: entities as above, and Markdown's punctuation backslash-escaped. */
  | 'markdown'
  /** plain_text objects and rich-text `text` elements: literal, so only control characters go. */
  | 'literal';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function slackText(text: string, target: SlackTarget): string {
  const clean = text.replace(CONTROL, '');
  if (target === 'literal') return clean;
  const escaped = clean.replace(/[&<>]/g, (c) => ENTITIES[c]);
  // Markdown would restyle `*bold*`, `_x_`, `~x~`, `code` and [links](…) found in a document's text.
  return target === 'markdown' ? escaped.replace(/[\\`*_~[\]()#|]/g, (c) => `\\${c}`) : escaped;
}

/**
 * An http(s) link for mrkdwn, or undefined for anything else (javascript:, slack:, mailto:, junk).
 * Characters that would end the link or start another token are percent-encoded.
 */
export function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return slackText(
    parsed.href.replace(/[|<>\s]/g, (c) => encodeURIComponent(c)),
    'mrkdwn',
  );
}

/** A Slack user id as Slack sends it (never taken from message text). */
export const isUserId = (id: string | undefined): id is string => Boolean(id && /^[UW][A-Z0-9]+$/.test(id));

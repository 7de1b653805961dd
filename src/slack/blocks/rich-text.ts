// An answer's text as rich text rather than mrkdwn: rich-text `text` elements are shown literally,
// so a verbatim quote keeps its `*`, `_`, `~` and backticks, `<!here>` in a document stays words,
// and bold works around CJK text. Lines starting with • become bullet lists (two spaces of indent
// per level); citation markers [n] are bold; everything else is one literal run.
import type { types } from '@slack/bolt';
import { SLACK_LIMITS } from '../limits.js';
import { length, richLength, richSection, richText, splitText, type RichTextPart } from './kit.js';

type RichTextElement = types.RichTextElement;

const BULLET = /^(\s*)[•·]\s?(.*)$/;

/** A line's runs: citation markers bold, the rest literal. */
export function lineElements(line: string): RichTextElement[] {
  const elements: RichTextElement[] = [];
  for (const piece of line.split(/(\[\d+\])/)) {
    if (!piece) continue;
    elements.push(/^\[\d+\]$/.test(piece) ? richText(piece, { bold: true }) : richText(piece));
  }
  return elements.length ? elements : [richText(' ')];
}

export function answerParts(text: string, budget: number = SLACK_LIMITS.richText - 100): RichTextPart[] {
  const parts: RichTextPart[] = [];
  for (const rawLine of text.split('\n')) {
    const bullet = BULLET.exec(rawLine);
    const body = bullet ? bullet[2] : rawLine;
    // A line longer than one block's budget is cut into pieces that each fit.
    for (const [i, piece] of splitText(body, budget).entries()) {
      if (bullet && i === 0) {
        const indent = Math.min(6, Math.floor(bullet[1].length / 2));
        const last = parts.at(-1);
        const section = richSection(lineElements(piece));
        if (last?.type === 'rich_text_list' && last.indent === indent && richLength(last) + length(piece) <= budget)
          last.elements.push(section);
        else parts.push({ type: 'rich_text_list', style: 'bullet', indent, elements: [section] });
      } else {
        parts.push(richSection([...lineElements(piece), richText('\n')]));
      }
    }
  }
  return parts;
}

// Prompt templates live in prompts/*.md; {{name}} placeholders are filled here.
import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.js';

const cache = new Map<string, string>();

export function prompt(name: string, values: Record<string, string>): string {
  let template = cache.get(name);
  if (template === undefined) {
    template = readFileSync(projectPath('prompts', `${name}.md`), 'utf8');
    cache.set(name, template);
  }
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** Sources as fenced data: anything in the text that could close the fence is neutralised. */
export function fenceSources(
  sources: Array<{ n: number; title: string; place: string; year: string | number; section: string; text: string }>,
): string {
  const attr = (v: string | number) => String(v).replace(/["<>]/g, '');
  return sources
    .map(
      (s) =>
        `<source n="${s.n}" title="${attr(s.title)}" place="${attr(s.place)}" year="${attr(s.year)}" section="${attr(s.section)}">\n${s.text.replace(/<\/?source\b[^>]*>/gi, '')}\n</source>`,
    )
    .join('\n\n');
}

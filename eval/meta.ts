// A set's clerk's filing (meta.jsonl): one line per page, read by the metadata scorer and the tests.
import { readFileSync } from 'node:fs';

export type Meta = {
  file: string;
  title: string;
  place: string;
  level: string;
  parent?: string;
  year: number;
  period: [number, number];
  type: string;
};

export const readMeta = (dir: string): Meta[] =>
  readFileSync(`${dir}/meta.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Meta);

// How documents are stored: their metadata as JSON, and all their texts, one after another, as
// UTF-16 in one file. Chinese text is two bytes a character that way instead of UTF-8's three, and
// becomes one JavaScript string at the speed of a copy (decoding 70 MB of UTF-8 took most of a
// second at 100k paragraphs); each document's text is then a slice of it.
import type { PlanDocument } from '../ingest/documents.js';

type StoredDocument = Omit<PlanDocument, 'text'> & { textLength: number };

export function encodeDocuments(documents: PlanDocument[]): { metadata: string; texts: Buffer } {
  const metadata = documents.map(({ text, ...rest }): StoredDocument => ({ ...rest, textLength: text.length }));
  return { metadata: JSON.stringify(metadata), texts: Buffer.from(documents.map((d) => d.text).join(''), 'utf16le') };
}

export function decodeDocuments(metadata: string, texts: Buffer): PlanDocument[] {
  const all = texts.toString('utf16le');
  let at = 0;
  const documents = (JSON.parse(metadata) as StoredDocument[]).map(({ textLength, ...rest }) => {
    const text = all.slice(at, at + textLength);
    at += textLength;
    return { ...rest, text };
  });
  if (at !== all.length) throw new Error('documents: texts and metadata disagree');
  return documents;
}

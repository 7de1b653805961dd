// Plans in every format, read from real files: the Word and PDF fixtures (made from the bundled plans
// by scripts/make-fixtures.ts) must read as the same documents as the text they were made from, and
// answer questions with the same paragraphs.
import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { ingestFile, type IngestedFile } from '../../src/ingest/documents.js';
import { isPageNumber } from '../../src/ingest/formats/pdf-furniture.js';
import { loadCorpus, type LoadProblem } from '../../src/ingest/load.js';
import { ingestCorpus } from '../../src/index/build.js';
import type { QaItem } from '../../src/retrieval/evaluate.js';
import { loadIndex } from '../../src/index/read.js';
import { lettersAndDigits } from '../../src/text/normalize.js';
import { tempDir, testConfig } from '../helpers/corpus.js';

const FIXTURES = 'test/fixtures/formats';
const MAX_BYTES = { maxFileBytes: 50 * 1024 * 1024 };
const stem = (file: string) => file.replace(/\.[^.]+$/, '');

async function ingestDir(dir: string): Promise<{ files: Map<string, IngestedFile>; problems: LoadProblem[] }> {
  const { files, problems } = await loadCorpus(dir, MAX_BYTES);
  return { files: new Map(files.map((f) => [stem(f.file), ingestFile(f)])), problems };
}

/** What must not depend on the format: each document's metadata, outline and paragraphs (letters and digits). */
function reading(file: IngestedFile) {
  return file.documents.map((d) => ({
    title: d.title,
    place: d.place,
    year: d.year,
    type: d.type,
    issuer: d.issuer,
    sections: d.outline.map((o) => [o.level, o.label]),
    paragraphs: file.chunks
      .filter((c) => c.docId === d.id)
      .map((c) => [c.sectionPath.join(' > '), lettersAndDigits(c.text)]),
  }));
}

describe('Word and PDF plans read as the same documents as their text', () => {
  // docx: Word styles; doc: Word 97–2003 (via LibreOffice); pdf: typeset at a fixed measure, lines
  // broken mid-sentence, running head and "— N —"; print: an office layout (indents, justified,
  // odd/even running heads, "- N -"); office: the .docx printed to PDF by LibreOffice.
  for (const format of ['docx', 'doc', 'pdf', 'print', 'office']) {
    it(`${format}/`, async () => {
      const corpus = await ingestDir('corpus');
      const { files, problems } = await ingestDir(join(FIXTURES, format));
      expect(problems).toEqual([]);
      const stems = [...files.keys()].filter((s) => corpus.files.has(s));
      expect(stems.length).toBeGreaterThan(0);
      for (const s of stems) {
        const [text, other] = [corpus.files.get(s)!, files.get(s)!];
        expect(reading(other), `${format}/${s}`).toEqual(reading(text));
        // Quotes point at exact offsets of the cleaned text, whatever the format.
        for (const c of other.chunks)
          expect(other.documents.find((d) => d.id === c.docId)!.text.slice(c.start, c.end)).toBe(c.text);
      }
    });
  }

  it('a printed plan with a two-line title, long headings, （1） items, closing quotes and a table', async () => {
    const printed = (await ingestDir(join(FIXTURES, 'print'))).files.get('sample')!;
    const text = (await ingestDir(join(FIXTURES, 'text'))).files.get('sample')!;
    expect(reading(printed)).toEqual(reading(text));
    const [doc] = printed.documents;
    // The notice that issues the plan and the plan are one document, titled by the plan.
    expect([doc.title, doc.place, doc.year]).toEqual(['绵阳市2032年教育和体育工作要点', '绵阳', 2032]);
    expect(doc.text).toContain('\n学前教育毛入园率 91.2% 92%\n');
    expect(doc.text).not.toMatch(/绵阳市教育和体育局\n|- \d -/);
  });

  it('keeps running heads, footers and page numbers out of the text', async () => {
    for (const format of ['pdf', 'print', 'office']) {
      for (const file of (await ingestDir(join(FIXTURES, format))).files.values())
        for (const doc of file.documents) expect(doc.text, file.file).not.toMatch(/[—-] \d+ [—-]/);
    }
  });

  it('decodes a PDF whose Chinese text uses a predefined CMap and a font it does not embed, on an upright or a turned page', async () => {
    for (const dir of ['cmap', 'rotated']) {
      const { files, problems } = await loadCorpus(join(FIXTURES, dir), MAX_BYTES);
      expect(problems).toEqual([]);
      expect(files[0].text, dir).toBe('绵阳市2032年教育工作要点\n一、总体要求\n1.新建学校2所，新增学位1800个。');
    }
  });

  it('recognises page numbers in the forms plans print them, and nothing else', () => {
    for (const n of [
      '— 3 —',
      '- 3 -',
      '－3－',
      '3',
      '第3页',
      '第 3 页 共 12 页',
      '共12页 第3页',
      '3/12',
      'Page 3 of 12',
    ])
      expect(isPageNumber(n), n).toBe(true);
    for (const text of ['3.加强教师队伍建设。', '2020年', '第三章', '91.2%', '1.8万个'])
      expect(isPageNumber(text), text).toBe(false);
  });
});

describe('files that cannot be read', () => {
  it('a scanned PDF is reported as needing OCR, and the rest of the corpus is still ingested', async () => {
    const corpus = tempDir('plans-scan-');
    copyFileSync(join(FIXTURES, 'scanned/scan.pdf'), join(corpus, 'scan.pdf'));
    cpSync(join(FIXTURES, 'docx'), corpus, { recursive: true });
    const summary = await ingestCorpus({ corpusDir: corpus, indexDir: tempDir(), config: testConfig() });
    expect(summary.problems).toEqual([{ file: 'scan.pdf', message: 'no text layer (scanned?); it needs OCR' }]);
    expect(summary.documents).toBe(2);
  });

  it('a locked PDF, a truncated PDF and a text file named .docx each get a one-line message', async () => {
    const { files, problems } = await loadCorpus(join(FIXTURES, 'broken'), MAX_BYTES);
    expect(files).toEqual([]);
    expect(problems).toEqual([
      { file: 'locked.pdf', message: 'the PDF is password-protected; save a copy without the password' },
      { file: 'renamed.docx', message: 'not a readable .docx file (damaged, or not a Word file)' },
      { file: 'truncated.pdf', message: expect.stringMatching(/^not a readable PDF \([^\n]+\)$/) },
    ]);
  });
});

describe('Word files that are something else under a .doc or .docx name', () => {
  const asText = async (stemName: string) => reading((await ingestDir('corpus')).files.get(stemName)!);
  const loadAs = async (name: string, bytes: Buffer) => {
    const corpus = tempDir('plans-sniff-');
    writeFileSync(join(corpus, name), bytes);
    const { files, problems } = await ingestDir(corpus);
    return { file: files.get(stem(name)), problems };
  };
  const [QINGDAO, XIANGXI] = ['001_bd21d4014cef2a4c', '003_68e4817491ed8267'];

  it.each([
    ['a .docx named .doc', `docx/${QINGDAO}.docx`, `${QINGDAO}.doc`],
    ['a Word 97–2003 file named .docx', `doc/${QINGDAO}.doc`, `${QINGDAO}.docx`],
    ['RTF saved by LibreOffice, named .doc', `rtf/${QINGDAO}.rtf`, `${QINGDAO}.doc`],
    ['a PDF named .doc', `pdf/${XIANGXI}.pdf`, `${XIANGXI}.doc`],
  ])('%s reads as the same document as its text', async (_, fixture, name) => {
    const { file, problems } = await loadAs(name, readFileSync(join(FIXTURES, fixture)));
    expect(problems).toEqual([]);
    expect(reading(file!)).toEqual(await asText(stem(name)));
  });

  it('a web page saved by Word as .doc (GBK, conditional comments) reads as the same document as its text', async () => {
    const lines = readFileSync(`corpus/${XIANGXI}.txt`, 'utf8').split('\n');
    const html = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">',
      '<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><!--[if gte mso 9]><xml>',
      '<w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--><style>p {margin:0}</style></head><body>',
      ...lines.map((l) => `<p class=MsoNormal><![if !supportLists]><![endif]>${l}<o:p></o:p></p>`),
      '</body></html>',
    ].join('\r\n');
    const { file, problems } = await loadAs(`${XIANGXI}.doc`, iconv.encode(html, 'gbk'));
    expect(problems).toEqual([]);
    expect(file!.encoding).toBe('gb18030');
    expect(reading(file!)).toEqual(await asText(XIANGXI));
  });

  it('an RTF file whose groups do not close gets a one-line message, not a stack trace', async () => {
    const { file, problems } = await loadAs('plan.doc', Buffer.from('{\\rtf1\\ansi {\\b 2031年教育工作要点\\par'));
    expect(file).toBeUndefined();
    expect(problems).toEqual([
      { file: 'plan.doc', message: 'an RTF file whose text could not be read; open it in Word and save it as .docx' },
    ]);
  });
});

describe('answers from Word and PDF plans', () => {
  const qa = readFileSync('eval/dev-qa.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as QaItem & { doc: string });

  async function indexOf(files: string[]) {
    const corpus = tempDir('plans-formats-');
    for (const file of files) copyFileSync(file, join(corpus, file.split('/').at(-1)!));
    const dir = tempDir('plans-index-');
    await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig() });
    return (await loadIndex(dir, testConfig()))!;
  }

  it('cite the same paragraphs as the same plans as text', async () => {
    const stems = readdirSync(join(FIXTURES, 'docx')).map(stem);
    const questions = qa.filter((q) => q.doc && q.doc.split(',').every((d) => stems.includes(stem(d))));
    expect(questions.length).toBeGreaterThanOrEqual(10);
    const config = testConfig();
    const indexes = {
      txt: await indexOf(stems.map((s) => `corpus/${s}.txt`)),
      docx: await indexOf(stems.map((s) => `${FIXTURES}/docx/${s}.docx`)),
      pdf: await indexOf(stems.map((s) => `${FIXTURES}/pdf/${s}.pdf`)),
    };
    let answered = 0;
    for (const q of questions) {
      const cited = async (format: keyof typeof indexes) => {
        const answer = await answerQuestion(indexes[format], q.question, config);
        return {
          found: answer.found,
          citations: answer.citations.map((c) => [c.doc, c.section, lettersAndDigits(c.text)]),
        };
      };
      const txt = await cited('txt');
      if (txt.citations.length) answered++;
      expect(await cited('docx'), `${q.id} docx`).toEqual(txt);
      expect(await cited('pdf'), `${q.id} pdf`).toEqual(txt);
    }
    // The comparison means something only if most questions are answered (how well is the answer
    // step's business, over a corpus of two plans here).
    expect(answered).toBeGreaterThanOrEqual(questions.length - 2);
  });
});

// Writes the format fixtures in test/fixtures/formats/ from the bundled plans in corpus/:
//   docx/<stem>.docx      Word: Title and Heading styles, running head and page number in header/footer
//   doc/<stem>.doc        Word 97–2003, converted from the .docx by LibreOffice when `soffice` is installed
//   rtf/<stem>.rtf        Rich Text, converted from the .docx by LibreOffice (tests read it under a .doc name)
//   office/<stem>.pdf     the .docx printed to PDF by LibreOffice: a real office suite's PDF, not ours
//   pdf/<stem>.pdf        typeset at a fixed measure, lines broken mid-sentence, running head, "— N —"
//   print/<stem>.pdf      an office print layout (indented, justified, odd/even heads, "- N -")
//   print/sample.pdf      a plan with two-line headings, （1） items, closing quotes and a table
//   text/sample.txt       the same plan as text, to compare with
//   cmap/plan.pdf         text in a non-embedded font through a predefined CMap (UniGB-UCS2-H)
//   rotated/plan.pdf      the same on a page turned a quarter (/Rotate 90), text drawn to show upright
//   scanned/scan.pdf      an image only, no text layer
//   broken/               a password-protected PDF, a truncated PDF, a text file named .docx
// Each folder is a corpus of its own; tests compare what is read from it with corpus/<stem>.txt.
//
//   apt-get install -y fonts-wqy-zenhei         # the CJK font the PDFs embed (or set FIXTURE_FONT)
//   apt-get install -y libreoffice-writer-nogui # optional, for the .doc and office/ PDF
//   npm run fixtures                            # = npx tsx scripts/make-fixtures.ts
//
// The fixtures are committed; tests need neither the font nor LibreOffice.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockedPdf, textRenamedDocx, truncated } from './fixtures/broken.js';
import { predefinedCmapPdf } from './fixtures/cmap-pdf.js';
import { planAsDocx } from './fixtures/docx.js';
import { planAsPrintedPdf, printPlanOf } from './fixtures/pdf-print.js';
import { planAsTypesetPdf } from './fixtures/pdf-typeset.js';
import { planSources } from './fixtures/plan-source.js';
import { samplePlan, samplePlanText } from './fixtures/sample-plan.js';
import { scannedPdf } from './fixtures/scan-pdf.js';

const OUT = 'test/fixtures/formats';
// 青岛 (traditional script, metadata lines, numbered items) and 湘西 (simplified, (一) sub-sections).
const PLANS = ['001_bd21d4014cef2a4c.txt', '003_68e4817491ed8267.txt'];

const write = (path: string, bytes: Buffer | string) => {
  mkdirSync(join(OUT, path, '..'), { recursive: true });
  writeFileSync(join(OUT, path), bytes);
};

rmSync(OUT, { recursive: true, force: true });
const plans = await planSources('corpus', PLANS);
for (const plan of plans) {
  write(`docx/${plan.stem}.docx`, await planAsDocx(plan));
  write(`pdf/${plan.stem}.pdf`, await planAsTypesetPdf(plan));
}
// One bundled plan in the office layout is enough to show the rules are not tuned to one layout.
write(`print/${plans[1].stem}.pdf`, await planAsPrintedPdf(printPlanOf(plans[1])));
write('print/sample.pdf', await planAsPrintedPdf(samplePlan));
write('text/sample.txt', samplePlanText(samplePlan));
const cmapPlan = ['绵阳市2032年教育工作要点', '一、总体要求', '1.新建学校2所，新增学位1800个。'];
write('cmap/plan.pdf', predefinedCmapPdf(cmapPlan));
write('rotated/plan.pdf', predefinedCmapPdf(cmapPlan, { rotated: true }));
write('scanned/scan.pdf', await scannedPdf());
write('broken/locked.pdf', await lockedPdf());
write('broken/truncated.pdf', truncated(await planAsTypesetPdf(plans[0])));
write('broken/renamed.docx', textRenamedDocx());
convertWithLibreOffice(`docx/${plans[0].stem}.docx`, 'doc', 'doc');
convertWithLibreOffice(`docx/${plans[0].stem}.docx`, 'rtf', 'rtf');
convertWithLibreOffice(`docx/${plans[0].stem}.docx`, 'pdf', 'office');

for (const dir of readdirSync(OUT))
  for (const file of readdirSync(join(OUT, dir)))
    console.log(`${join(OUT, dir, file)}\t${(statSync(join(OUT, dir, file)).size / 1024).toFixed(0)} KB`);

function convertWithLibreOffice(input: string, format: 'doc' | 'rtf' | 'pdf', outDir: string) {
  try {
    execFileSync('soffice', ['--headless', '--convert-to', format, '--outdir', join(OUT, outDir), join(OUT, input)], {
      stdio: 'ignore',
    });
  } catch {
    console.warn(`soffice (LibreOffice) not found: ${outDir}/ not written`);
  }
}

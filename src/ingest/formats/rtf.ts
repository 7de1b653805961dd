// RTF: what Word and LibreOffice save as "Rich Text", and what sites often serve under a .doc name.
// The text is read from the document's own groups, one paragraph per line (\par), table cells
// separated by spaces as the .doc reader does; font and colour tables, styles, document info,
// pictures, headers and footers, and every {\* …} destination carry no text of the document.
// Characters come as \uN (Unicode) or as \'hh bytes in the document's code page (\ansicpg936: GBK).
// No extension is registered: a file is read as RTF when its bytes say so (see ./index.ts).
import iconv from 'iconv-lite';
import { UnreadableFile, type FormatReader } from './types.js';

export const RTF_SIGNATURE = '{\\rtf';

const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'pgdsc',
  'pgdsctbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'xmlnstbl',
  'fldinst',
  'generator',
]);

export const rtfReader: FormatReader = {
  name: 'RTF',
  extensions: [],
  async read(bytes) {
    const text = rtfText(bytes.toString('latin1'));
    if (text === undefined || !text.trim())
      throw new UnreadableFile('an RTF file whose text could not be read; open it in Word and save it as .docx');
    return { text, format: 'text', encoding: 'rtf' };
  },
};

/** The text of an RTF document, or undefined when its groups do not close (a damaged file). */
export function rtfText(source: string): string | undefined {
  let out = '';
  let pending: number[] = [];
  let codePage = 'windows-1252';
  type Group = { skip: boolean; uc: number };
  const stack: Group[] = [];
  let group: Group = { skip: false, uc: 1 };
  /** Characters still to drop after a \uN: its fallback in the code page. */
  let fallback = 0;
  const flush = () => {
    if (pending.length) out += iconv.decode(Buffer.from(pending), codePage);
    pending = [];
  };
  const emit = (text: string) => {
    if (group.skip) return;
    flush();
    out += text;
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '{') {
      stack.push(group);
      group = { ...group };
      fallback = 0;
      i++;
      if (source.startsWith('\\*', i)) group.skip = true;
      continue;
    }
    if (ch === '}') {
      if (!stack.length) return undefined;
      flush();
      group = stack.pop()!;
      fallback = 0;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    if (ch !== '\\') {
      if (fallback > 0) fallback--;
      else emit(ch);
      i++;
      continue;
    }
    // A control symbol or word.
    const next = source[i + 1];
    if (next === "'") {
      const byte = parseInt(source.slice(i + 2, i + 4), 16);
      i += 4;
      if (fallback > 0) fallback--;
      else if (!group.skip && !Number.isNaN(byte)) pending.push(byte);
      continue;
    }
    if (next === '\\' || next === '{' || next === '}') {
      if (fallback > 0) fallback--;
      else emit(next);
      i += 2;
      continue;
    }
    if (next === '~') {
      emit('\u00a0');
      i += 2;
      continue;
    }
    if (next === '\n' || next === '\r') {
      emit('\n');
      i += 2;
      continue;
    }
    const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(source.slice(i + 1, i + 48));
    if (!m) {
      // \*, \-, \_ and other symbols: no text.
      i += 2;
      continue;
    }
    i += 1 + m[0].length;
    const [word, arg] = [m[1], m[2] === undefined ? undefined : Number(m[2])];
    if (SKIPPED.has(word)) group.skip = true;
    else if (word === 'ansicpg' && arg && iconv.encodingExists(`cp${arg}`)) codePage = `cp${arg}`;
    else if (word === 'uc' && arg !== undefined) group.uc = arg;
    else if (word === 'u' && arg !== undefined) {
      emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg));
      fallback = group.uc;
    } else if (word === 'par' || word === 'line' || word === 'row' || word === 'sect' || word === 'page') emit('\n');
    else if (word === 'tab' || word === 'cell') emit(' ');
    else if (word === 'emdash') emit('—');
    else if (word === 'endash') emit('–');
    else if (word === 'lquote') emit('‘');
    else if (word === 'rquote') emit('’');
    else if (word === 'ldblquote') emit('“');
    else if (word === 'rdblquote') emit('”');
    else if (word === 'bullet') emit('•');
  }
  if (stack.length) return undefined;
  flush();
  return out;
}

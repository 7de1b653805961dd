// Load: read every plan file under a directory and decode it to text.
// Problems with one file become a message for that file; the rest of the corpus is still read.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

export type SourceFile = {
  /** Path relative to the corpus directory, with forward slashes. */
  file: string;
  format: 'text' | 'markdown' | 'html';
  encoding: string;
  sha256: string;
  text: string;
};

export type LoadProblem = { file: string; message: string };

export type LoadResult = { files: SourceFile[]; problems: LoadProblem[] };

export async function loadCorpus(dir: string, options: { maxFileBytes: number }): Promise<LoadResult> {
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) throw new InputError(`Corpus directory not found or not a directory: ${dir}`);
  const files: SourceFile[] = [];
  const problems: LoadProblem[] = [];
  for (const path of await listFiles(dir, problems, dir)) {
    const file = relative(dir, path).split('\\').join('/');
    try {
      files.push(await loadFile(path, file, options.maxFileBytes));
    } catch (err) {
      problems.push({ file, message: (err as Error).message });
    }
  }
  return { files, problems };
}

/**
 * A cheap fingerprint of a corpus directory (paths, sizes, modification times), so that commands can
 * notice that files were added, removed or edited since the index was built without reading them.
 */
export async function corpusFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of await listFiles(dir, [], dir)) {
    const info = await stat(path).catch(() => undefined);
    hash.update(`${relative(dir, path)}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

async function listFiles(dir: string, problems: LoadProblem[], root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({
      file: relative(root, dir) || '.',
      message: `cannot read directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    });
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, problems, root)));
    else if (SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.push(path);
    else if (entry.isSymbolicLink()) {
      // A symlink to a directory is followed once; a broken or looping one becomes a message.
      const target = await stat(path).catch((err: NodeJS.ErrnoException) => err);
      if (target instanceof Error)
        problems.push({ file: relative(root, path), message: `cannot read (${target.code ?? 'error'})` });
      else if (target.isDirectory()) out.push(...(await listFiles(path, problems, root)));
    }
  }
  return out;
}

async function loadFile(path: string, file: string, maxFileBytes: number): Promise<SourceFile> {
  const info = await stat(path);
  if (info.size === 0) throw new Error('empty file');
  if (info.size > maxFileBytes) {
    throw new Error(
      `file is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxFileBytes / 1048576).toFixed(0)} MB limit (MAX_FILE_MB)`,
    );
  }
  const bytes = await readFile(path);
  if (looksBinary(bytes)) throw new Error('binary file, not text');
  const { text, encoding } = decode(bytes);
  if (!text.trim()) throw new Error('no text in file');
  const ext = extname(path).toLowerCase();
  return {
    file,
    format: ext === '.md' ? 'markdown' : ext === '.txt' ? 'text' : 'html',
    encoding,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text,
  };
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.05;
}

/** UTF-8 when the bytes are valid UTF-8; otherwise the detected Chinese legacy encoding (GB18030 or Big5). */
export function decode(bytes: Buffer): { text: string; encoding: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    const guesses = chardet.analyse(bytes).map((g) => g.name.toLowerCase());
    const big5First = guesses.findIndex((g) => g === 'big5');
    const gbFirst = guesses.findIndex((g) => g === 'gb18030' || g === 'gbk' || g === 'gb2312');
    const encoding = big5First >= 0 && (gbFirst < 0 || big5First < gbFirst) ? 'big5' : 'gb18030';
    return { text: iconv.decode(bytes, encoding), encoding };
  }
}

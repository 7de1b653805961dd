// Load: find every plan file under a corpus directory and read it to text with the reader for its
// format (./formats). Problems with one file become a message for that file; the rest of the corpus
// is still read.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import {
  firstLine,
  readerFor,
  readerForContent,
  SUPPORTED_EXTENSIONS,
  UnreadableFile,
  type CleanerFormat,
} from './formats/index.js';

export { SUPPORTED_EXTENSIONS } from './formats/index.js';

export type SourceFile = {
  /** Path relative to the corpus directory, with forward slashes. */
  file: string;
  /** How the cleaner reads the text: a .docx arrives as HTML, a PDF as plain lines. */
  format: CleanerFormat;
  /** A text file's character encoding, or the format a document's text was read from (pdf, docx). */
  encoding: string;
  sha256: string;
  text: string;
};

export type LoadProblem = { file: string; message: string };

export type LoadResult = { files: SourceFile[]; problems: LoadProblem[] };

export async function loadCorpus(dir: string, options: { maxFileBytes: number }): Promise<LoadResult> {
  const { files: found, problems } = await listCorpus(dir);
  const files: SourceFile[] = [];
  // Documents are named after their file without its extension, so x.docx and x.pdf cannot both be read.
  const byName = new Map<string, string>();
  for (const { path, file } of found) {
    try {
      const source = await loadFile(path, file, options.maxFileBytes);
      const name = file.replace(/\.[^./]+$/, '');
      const same = byName.get(name);
      if (same) throw new Error(`same name as ${same} (documents are named after their file); rename one to read both`);
      byName.set(name, file);
      files.push(source);
    } catch (err) {
      problems.push({ file, message: err instanceof UnreadableFile ? err.message : firstLine(err) });
    }
  }
  return { files, problems };
}

/**
 * A cheap fingerprint of a corpus directory (the files it would read: paths, sizes, modification
 * times, and which formats are read), so that commands notice files added, removed or edited since
 * the index was built without reading them.
 */
export async function corpusFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256').update(`${SUPPORTED_EXTENSIONS.join(' ')}\n`);
  for (const { path, file } of (await listCorpus(dir)).files) {
    const info = await stat(path).catch(() => undefined);
    hash.update(`${file}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

async function loadFile(path: string, file: string, maxFileBytes: number): Promise<SourceFile> {
  const info = await stat(path);
  if (info.size === 0) throw new UnreadableFile('empty file');
  if (info.size > maxFileBytes) {
    throw new UnreadableFile(
      `file is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxFileBytes / 1048576).toFixed(0)} MB limit (MAX_FILE_MB)`,
    );
  }
  const bytes = await readFile(path);
  // A Word file that is really another format (a web page or RTF named .doc) is read as what it is.
  const reader = readerForContent(file, bytes)!;
  let read;
  try {
    read = await reader.read(bytes);
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    // A library failing on a damaged file: say which reader, in one line, never a stack.
    throw new UnreadableFile(`cannot read as ${reader.name} (${firstLine(err)})`);
  }
  if (!read.text.trim()) throw new UnreadableFile('no text in file');
  return {
    file,
    format: read.format,
    encoding: read.encoding,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text: read.text,
  };
}

type Found = { path: string; file: string };

/**
 * Every readable file under the corpus, each real file once. The real tree is walked first and
 * symbolic links after it, so a file keeps its own path when a link also leads to it; a directory
 * or file already seen (by device and inode) is not read again, so a link to a parent, or two links
 * to each other, end instead of looping. Hidden entries and Office lock files (~$x.docx) are skipped.
 */
async function listCorpus(root: string): Promise<{ files: Found[]; problems: LoadProblem[] }> {
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) throw new InputError(`Corpus directory not found or not a directory: ${root}`);
  const rel = (path: string) => relative(root, path).split(sep).join('/') || '.';
  const identity = (info: Stats) => `${info.dev}:${info.ino}`;
  const seen = new Set([identity(rootInfo)]);
  const files: Found[] = [];
  const problems: LoadProblem[] = [];
  const links: string[] = [];
  const directories = [root];

  /** True the first time a file or directory is met, by any name. */
  const firstVisit = (info: Stats) => {
    if (seen.has(identity(info))) return false;
    seen.add(identity(info));
    return true;
  };
  const addFile = (path: string, info: Stats) => {
    if (firstVisit(info)) files.push({ path, file: rel(path) });
  };
  const walk = async () => {
    for (let dir = directories.pop(); dir !== undefined; dir = directories.pop()) {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        problems.push({
          file: rel(dir),
          message: `cannot read directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
        });
        continue;
      }
      // In name order, depth first, so that which of two names for one file is kept does not depend on the disk.
      const subdirectories: string[] = [];
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
        const path = join(dir, entry.name);
        if (entry.isSymbolicLink()) {
          links.push(path);
          continue;
        }
        const wanted = entry.isDirectory() || (entry.isFile() && readerFor(entry.name));
        const info = wanted ? await stat(path).catch((err: NodeJS.ErrnoException) => err) : undefined;
        if (info instanceof Error) problems.push({ file: rel(path), message: `cannot read (${info.code ?? 'error'})` });
        else if (info?.isFile()) addFile(path, info);
        else if (info?.isDirectory() && firstVisit(info)) subdirectories.push(path);
      }
      directories.push(...subdirectories.reverse());
    }
  };

  await walk();
  // Links are followed in name order, after the real tree; what they lead to is walked the same way,
  // and links found there are followed in the next round.
  while (links.length) {
    for (const link of links.splice(0).sort((a, b) => a.localeCompare(b))) {
      const target = await stat(link).catch((err: NodeJS.ErrnoException) => err);
      if (target instanceof Error)
        problems.push({ file: rel(link), message: `cannot read (${target.code ?? 'error'})` });
      else if (target.isDirectory() && firstVisit(target)) directories.push(link);
      else if (target.isFile() && readerFor(link)) addFile(link, target);
      await walk();
    }
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { files, problems };
}

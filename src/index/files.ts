// Writing and reading the files of a build. Every write goes to a temporary file that is then
// renamed, so a file is either whole or absent; every read checks the size and CRC-32 the manifest
// recorded, so a truncated, emptied or overwritten file is noticed instead of being parsed.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * A file's size and CRC-32, and for a large file also the CRC-32 of a sample of it (its ends and a
 * stretch of every megabyte): opening checks the whole file where that is cheap and the sample
 * where it is not (a 100 MB file takes a third of a second); a build checks everything.
 */
export type FileRecord = { name: string; bytes: number; crc32: number; sampleCrc32?: number };

/** Files up to this size are checked whole whenever they are read. */
export const WHOLE_CHECK_MAX = 16 * 1024 * 1024;
const SAMPLE_ENDS = 64 * 1024;
const SAMPLE_STRIDE = 1024 * 1024;
const SAMPLE_SIZE = 4096;

/** CRC-32 of a large file's sample: its first and last 64 KB, and 4 KB at the start of every megabyte. */
export function sampleCrc32(bytes: Uint8Array): number {
  let crc = crc32(bytes.subarray(0, SAMPLE_ENDS));
  for (let at = SAMPLE_STRIDE; at < bytes.length - SAMPLE_ENDS; at += SAMPLE_STRIDE) {
    crc = crc32(bytes.subarray(at, at + SAMPLE_SIZE), crc);
  }
  return crc32(bytes.subarray(Math.max(0, bytes.length - SAMPLE_ENDS)), crc);
}

/** A build directory being written: each file is recorded for the manifest as it is written. */
export function buildWriter(dir: string) {
  const records: FileRecord[] = [];
  return {
    records,
    async write(name: string, data: string | Uint8Array): Promise<void> {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      await writeFile(join(dir, name), bytes);
      records.push({
        name,
        bytes: bytes.byteLength,
        crc32: crc32(bytes),
        ...(bytes.byteLength > WHOLE_CHECK_MAX ? { sampleCrc32: sampleCrc32(bytes) } : {}),
      });
    },
  };
}

/** A build file that is missing or does not match its manifest record. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Reads a build file whole (one synchronous read: at start-up there is nothing else to do, and
 * fs.promises reads large files in many small steps) and checks it against the manifest's record:
 * its size always, its whole checksum when it is small or `whole` is asked, else its sample's.
 */
export function readVerified(dir: string, record: FileRecord | undefined, name: string, whole = false): Buffer {
  if (!record) throw new DamagedFileError(name, 'not in the manifest');
  let bytes: Buffer;
  try {
    bytes = readWhole(join(dir, name));
  } catch (err) {
    throw new DamagedFileError(name, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable');
  }
  if (bytes.byteLength !== record.bytes) {
    throw new DamagedFileError(name, `${bytes.byteLength} bytes, the manifest says ${record.bytes}`);
  }
  const matches =
    whole || record.sampleCrc32 === undefined
      ? crc32(bytes) === record.crc32
      : sampleCrc32(bytes) === record.sampleCrc32;
  if (!matches) throw new DamagedFileError(name, 'checksum does not match');
  return bytes;
}

function readWhole(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size);
    for (let at = 0; at < size;) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) return bytes.subarray(0, at);
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Typed views over a binary file's bytes (copied when the buffer is not aligned for the type). */
export function int32View(bytes: Buffer): Int32Array {
  return bytes.byteOffset % 4 === 0
    ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
    : new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
export function uint32View(bytes: Buffer): Uint32Array {
  const ints = int32View(bytes);
  return new Uint32Array(ints.buffer, ints.byteOffset, ints.length);
}
export function float32View(bytes: Buffer): Float32Array {
  const ints = int32View(bytes);
  return new Float32Array(ints.buffer, ints.byteOffset, ints.length);
}
export const bytesOf = (view: ArrayBufferView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

// Writing and reading the files of a build. Every write goes to a temporary file that is then
// renamed, so a file is either whole or absent; every read checks the size and CRC-32 the manifest
// recorded, so a truncated, emptied or overwritten file is noticed instead of being parsed.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
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

export type FileRecord = { name: string; bytes: number; crc32: number };

/** A build directory being written: each file is recorded for the manifest as it is written. */
export function buildWriter(dir: string) {
  const records: FileRecord[] = [];
  return {
    records,
    async write(name: string, data: string | Uint8Array): Promise<void> {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      await writeFile(join(dir, name), bytes);
      records.push({ name, bytes: bytes.byteLength, crc32: crc32(bytes) });
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

/** Reads a build file whole and checks it against the manifest's record of it. */
export async function readVerified(dir: string, record: FileRecord | undefined, name: string): Promise<Buffer> {
  if (!record) throw new DamagedFileError(name, 'not in the manifest');
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, name));
  } catch (err) {
    throw new DamagedFileError(name, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable');
  }
  if (bytes.byteLength !== record.bytes) {
    throw new DamagedFileError(name, `${bytes.byteLength} bytes, the manifest says ${record.bytes}`);
  }
  if (crc32(bytes) !== record.crc32) throw new DamagedFileError(name, 'checksum does not match');
  return bytes;
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

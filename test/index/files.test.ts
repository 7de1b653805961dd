// Build files are checked against their manifest record when read: size always, the whole
// checksum for small files or when asked, a sample's checksum for large ones (the cheap check
// at start-up), so that what a reader parses is what the build wrote.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWriter, DamagedFileError, readVerified, WHOLE_CHECK_MAX } from '../../src/index/files.js';
import { tempDir } from '../helpers/corpus.js';

async function written(size: number) {
  const dir = tempDir('plans-files-');
  const writer = buildWriter(dir);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919) & 0xff;
  await writer.write('data.bin', bytes);
  return { dir, record: writer.records[0], path: join(dir, 'data.bin') };
}

describe('a build file read back', () => {
  it('is refused when truncated, emptied or altered, small or large', async () => {
    for (const size of [4096, WHOLE_CHECK_MAX + 3 * 1024 * 1024]) {
      const { dir, record, path } = await written(size);
      expect(readVerified(dir, record, 'data.bin').length).toBe(size);
      const original = readFileSync(path);
      writeFileSync(path, original.subarray(0, size - 1));
      expect(() => readVerified(dir, record, 'data.bin')).toThrow(DamagedFileError);
      writeFileSync(path, '');
      expect(() => readVerified(dir, record, 'data.bin')).toThrow(/bytes, the manifest says/);
      // A stretch overwritten at the start of a megabyte: the sample covers it.
      const altered = Buffer.from(original);
      const at = size > 1024 * 1024 ? 2 * 1024 * 1024 : 0;
      altered.fill(0xee, at, at + 100);
      writeFileSync(path, altered);
      expect(() => readVerified(dir, record, 'data.bin')).toThrow(/checksum/);
    }
  });

  it('is checked whole when asked (a build does), catching what a sample of a large file misses', async () => {
    const { dir, record, path } = await written(WHOLE_CHECK_MAX + 3 * 1024 * 1024);
    const altered = readFileSync(path);
    altered[WHOLE_CHECK_MAX / 2 + 10_000] ^= 0xff;
    writeFileSync(path, altered);
    expect(readVerified(dir, record, 'data.bin').length).toBe(altered.length);
    expect(() => readVerified(dir, record, 'data.bin', true)).toThrow(/checksum/);
  });
});

// One build at a time per index directory. The lock is a file created exclusively, holding its
// owner's pid and host; a second builder waits for it. While a build runs it touches the lock every
// few seconds (a heartbeat). A lock is stale when its owner is known to be gone (same host, pid not
// running) or when its heartbeat has stopped — which also covers a lock left by another host (a
// recreated container, a shared volume) and a pid since reused by another process. A stale lock is
// taken over, under a short-lived second lock, so that two waiters never both take it.
import { makeDir } from '../make-dir.js';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

const POLL_MS = 100;
/** A takeover lock older than this was left by a process that died while taking over. */
const TAKEOVER_STALE_MS = 10_000;
/** How often a build touches its lock, and how long without a touch makes the lock stale. */
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_STALE_MS = 60_000;

type LockOwner = { pid: number; host: string; since: string };

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(owner));
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ownerOf(path: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch {
    // Unreadable or half-written: treated as held until it can be read, unless it stays that way.
    return undefined;
  }
}

async function isStale(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return false;
  const silent = Date.now() - info.mtimeMs;
  const owner = await ownerOf(path);
  if (!owner) return silent > TAKEOVER_STALE_MS;
  if (owner.host === hostname() && !alive(owner.pid)) return true;
  return silent > HEARTBEAT_STALE_MS;
}

async function takeOverIfStale(lock: string): Promise<boolean> {
  const takeover = `${lock}.takeover`;
  if (!(await tryCreate(takeover))) {
    const info = await stat(takeover).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > TAKEOVER_STALE_MS) await rm(takeover, { force: true });
    return false;
  }
  try {
    if (!(await isStale(lock))) return false;
    await rm(lock, { force: true });
    return tryCreate(lock);
  } finally {
    await rm(takeover, { force: true });
  }
}

/**
 * Runs `work` holding the index directory's build lock; waits while another live process holds it.
 * `onWait` is told once, with the holder, so that a person is not left wondering.
 */
export async function withBuildLock<T>(
  indexDir: string,
  work: () => Promise<T>,
  onWait: (holder: { pid: number; host: string } | undefined) => void = () => {},
): Promise<T> {
  await makeDir(indexDir);
  const lock = join(indexDir, 'LOCK');
  let told = false;
  while (!(await tryCreate(lock))) {
    if (await isStale(lock)) {
      if (await takeOverIfStale(lock)) break;
      continue;
    }
    if (!told) {
      onWait(await ownerOf(lock));
      told = true;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lock, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await rm(lock, { force: true });
  }
}

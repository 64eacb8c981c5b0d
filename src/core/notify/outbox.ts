/**
 * The outbox: `<git-common-dir>/milestones/outbox/`, one JSON file per delivery, written
 * atomically (temp file + rename), so every worktree of the clone shares it and a crash loses
 * nothing. Pending deliveries sit at the top; delivered and given-up ones move to `done/` so the
 * writing commands that look for due retries read only what is pending (usually nothing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Delivery } from '../../domain/notify/delivery';
import { writeJsonAtomic } from '../../index/file/shardFiles';
import type { Context } from '../context';

/** How many finished deliveries `done/` keeps for `notify log` (the oldest go first). */
const KEEP_DONE = 500;

export const outboxDir = (ctx: Context): string => path.join(ctx.dataDir, 'outbox');
const doneDir = (ctx: Context): string => path.join(outboxDir(ctx), 'done');

/** Sortable by creation: `<createdAt without punctuation>-<id>.json`. */
const fileName = (d: Delivery): string => `${d.createdAt.replace(/[^0-9]/g, '')}-${d.id}.json`;

function readDir(dir: string): Delivery[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: Delivery[] = [];
  for (const n of names) {
    try {
      out.push(JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as Delivery);
    } catch {
      // removed by a concurrent command since the listing, or not ours: skip it
    }
  }
  return out;
}

export function readPending(ctx: Context): Delivery[] {
  return readDir(outboxDir(ctx));
}

/** Every delivery, finished first then pending, each oldest first. */
export function readAll(ctx: Context): Delivery[] {
  return [...readDir(doneDir(ctx)), ...readPending(ctx)];
}

/** Saves a delivery where its status puts it. */
export function saveDelivery(ctx: Context, d: Delivery): void {
  const pending = path.join(outboxDir(ctx), fileName(d));
  if (d.status === 'pending') return writeJsonAtomic(pending, d);
  writeJsonAtomic(path.join(doneDir(ctx), fileName(d)), d);
  fs.rmSync(pending, { force: true });
  prune(ctx);
}

/** A claim older than this is taken over (its process died mid-send; the bound is far shorter). */
const STALE_CLAIM_MS = 60_000;

/**
 * Claims a pending delivery for one send, so two commands retrying at once do not both send it:
 * creates `<file>.lock` exclusively (a stale one is taken over), then re-reads the delivery; null
 * when another process holds it or has finished it meanwhile. `release` after saving the outcome.
 */
export function claim(ctx: Context, d: Delivery): Delivery | null {
  const file = path.join(outboxDir(ctx), fileName(d));
  const lock = `${file}.lock`;
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    const st = fs.statSync(lock, { throwIfNoEntry: false }); // file times: compared with the real clock
    if (st && Date.now() - st.mtimeMs <= STALE_CLAIM_MS) return null;
    fs.writeFileSync(lock, String(process.pid));
  }
  try {
    const now = JSON.parse(fs.readFileSync(file, 'utf8')) as Delivery;
    if (now.status === 'pending' && now.attempts === d.attempts) return now;
  } catch {
    // finished and moved to done/ by another process since it was listed
  }
  release(ctx, d);
  return null;
}

export function release(ctx: Context, d: Delivery): void {
  fs.rmSync(path.join(outboxDir(ctx), `${fileName(d)}.lock`), { force: true });
}

function prune(ctx: Context): void {
  const names = fs.readdirSync(doneDir(ctx)).filter((n) => n.endsWith('.json')).sort();
  const old = names.slice(0, Math.max(0, names.length - KEEP_DONE));
  for (const n of old) fs.rmSync(path.join(doneDir(ctx), n), { force: true });
}

/**
 * The one place `execute` reaches claims with leases. Everything else in core/execute calls these
 * functions only.
 *
 * INTERIM until the claim use cases (core/claim) are in main: claims are files created
 * exclusively (`wx`) under `<common dir>/milestones/execute/claims`: exclusive within one clone,
 * with leases that lapse. Swapping in the ref-backed use cases changes this file only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../env/atomicWrite';
import type { Context } from '../context';

export type ClaimAnswer = { ok: true; fencing: number } | { ok: false; holder: string; expires: string };

const dir = (ctx: Context, kind: string) => path.join(ctx.dataDir, 'execute', kind);
const readJson = <T>(file: string): T | null => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
};

interface ClaimFile { task: string; agent: string; expires: string; fencing: number }

export async function claimTask(ctx: Context, o: { task: string; milestone: string; agent: string; ttlMs: number }): Promise<ClaimAnswer> {
  fs.mkdirSync(dir(ctx, 'claims'), { recursive: true });
  const file = path.join(dir(ctx, 'claims'), `${o.task}.json`);
  const now = ctx.env.clock().getTime();
  const old = readJson<ClaimFile>(file);
  if (old && old.agent !== o.agent && Date.parse(old.expires) > now) return { ok: false, holder: old.agent, expires: old.expires };
  if (old) fs.rmSync(file, { force: true });
  const c: ClaimFile = { task: o.task, agent: o.agent, expires: new Date(now + o.ttlMs).toISOString(), fencing: (old?.fencing ?? 0) + 1 };
  try {
    fs.writeFileSync(file, JSON.stringify(c), { flag: 'wx' });
  } catch {
    const other = readJson<ClaimFile>(file);
    return { ok: false, holder: other?.agent ?? 'another executor', expires: other?.expires ?? '' };
  }
  return { ok: true, fencing: c.fencing };
}

export async function renewClaim(ctx: Context, o: { task: string; ttlMs: number }): Promise<void> {
  const file = path.join(dir(ctx, 'claims'), `${o.task}.json`);
  const c = readJson<ClaimFile>(file);
  if (c) writeFileAtomic(file, JSON.stringify({ ...c, expires: new Date(ctx.env.clock().getTime() + o.ttlMs).toISOString() }));
}

export async function releaseClaim(ctx: Context, task: string): Promise<void> {
  fs.rmSync(path.join(dir(ctx, 'claims'), `${task}.json`), { force: true });
}

/** Tasks of the milestone that this agent name still holds (left by an interrupted run). */
export async function claimsHeldBy(ctx: Context, o: { agent: string }): Promise<string[]> {
  let names: string[] = [];
  try { names = fs.readdirSync(dir(ctx, 'claims')); } catch { return []; }
  return names.map((n) => readJson<ClaimFile>(path.join(dir(ctx, 'claims'), n)))
    .filter((c): c is ClaimFile => c !== null && c.agent === o.agent).map((c) => c.task);
}

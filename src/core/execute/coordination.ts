/**
 * The one place `execute` reaches sessions (refs/milestones/session/*) and claims with leases
 * (refs/milestones/claim/*). Everything else in core/execute calls these functions only.
 *
 * INTERIM until the session and claim use cases (core/session, core/claim) are in main: sessions
 * are JSON files and claims are files created exclusively (`wx`), both under
 * `<common dir>/milestones/execute/`: exclusive within one clone, with leases that lapse. Swapping
 * in the ref-backed use cases changes this file only.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../env/atomicWrite';
import type { Context } from '../context';

export interface CheckpointInput {
  session: string;
  message: string;
  tasks: Array<{ task: string; phase?: string }>;
  next: string[];
}

export interface SessionInfo {
  id: string;
  milestone: string;
  status: string;
  /** Tasks in progress at the last checkpoint. */
  inProgress: string[];
}

export type ClaimAnswer = { ok: true; fencing: number } | { ok: false; holder: string; expires: string };

const dir = (ctx: Context, kind: string) => path.join(ctx.dataDir, 'execute', kind);
const readJson = <T>(file: string): T | null => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
};

interface SessionFile extends SessionInfo { pid: number; host: string; heartbeat: string }

function sessionFile(ctx: Context, id: string): string {
  return path.join(dir(ctx, 'sessions'), `${id}.json`);
}

function writeSession(ctx: Context, s: SessionFile): void {
  fs.mkdirSync(dir(ctx, 'sessions'), { recursive: true });
  writeFileAtomic(sessionFile(ctx, s.id), JSON.stringify(s));
}

export async function startSession(ctx: Context, milestone: string): Promise<string> {
  const id = ctx.env.nonce().slice(0, 16);
  writeSession(ctx, { id, milestone, status: 'active', inProgress: [], pid: process.pid, host: os.hostname(), heartbeat: ctx.env.clock().toISOString() });
  return id;
}

/** A session to resume: the one named, or this milestone's latest one whose process is gone. */
export async function findSession(ctx: Context, o: { id?: string; milestone: string }): Promise<SessionInfo | null> {
  if (o.id) return readJson<SessionFile>(sessionFile(ctx, o.id));
  let names: string[] = [];
  try { names = fs.readdirSync(dir(ctx, 'sessions')); } catch { /* none yet */ }
  const crashed = names.map((n) => readJson<SessionFile>(path.join(dir(ctx, 'sessions'), n)))
    .filter((s): s is SessionFile => s !== null && s.milestone === o.milestone && s.status === 'active' && !alive(s));
  return crashed.sort((a, b) => b.heartbeat.localeCompare(a.heartbeat))[0] ?? null;
}

function alive(s: SessionFile): boolean {
  if (s.host !== os.hostname()) return true;
  try { process.kill(s.pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

export async function takeOverSession(ctx: Context, s: SessionInfo): Promise<void> {
  writeSession(ctx, { ...s, status: 'active', pid: process.pid, host: os.hostname(), heartbeat: ctx.env.clock().toISOString() });
}

export async function checkpoint(ctx: Context, c: CheckpointInput): Promise<void> {
  const s = readJson<SessionFile>(sessionFile(ctx, c.session));
  if (s) writeSession(ctx, { ...s, inProgress: c.tasks.map((t) => t.task), heartbeat: ctx.env.clock().toISOString() });
}

export async function endSession(ctx: Context, id: string, status: 'completed' | 'paused'): Promise<void> {
  const s = readJson<SessionFile>(sessionFile(ctx, id));
  if (s) writeSession(ctx, { ...s, status, inProgress: [], heartbeat: ctx.env.clock().toISOString() });
}

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

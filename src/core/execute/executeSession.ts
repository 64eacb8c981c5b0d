/**
 * The session an `execute` run works in (refs/milestones/session/<id>, core/session): started with
 * the executor's own pid (so it is found crashed once that process is gone), checkpointed after
 * every task and every `session_management.checkpoint_frequency`, heartbeated while it runs, and
 * completed at the end. A run that dies leaves it active; the next run takes it over.
 */
import * as os from 'node:os';
import type { CheckpointTask } from '../../domain/session/types';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { currentBranch } from '../git/branchLinks';
import { checkpointSession } from '../session/checkpointSession';
import { heartbeatSession } from '../session/heartbeatSession';
import { listSessions } from '../session/listSessions';
import { setSessionStatus } from '../session/setSessionStatus';
import { showSession } from '../session/showSession';
import { startSession } from '../session/startSession';
import type { SessionView } from '../session/sessionAccess';

export interface SessionInfo {
  id: string;
  milestone: string;
  /** Tasks in progress at the last checkpoint. */
  inProgress: string[];
}

const info = (v: SessionView): SessionInfo => ({
  id: v.id, milestone: v.milestone, inProgress: (v.lastCheckpoint?.tasks ?? []).map((t) => t.task),
});

export async function beginSession(ctx: Context, milestone: string): Promise<string> {
  return (await startSession(ctx, { milestone, pid: process.pid })).id;
}

/**
 * The session to resume: the one named (refused when it has ended, or when its executor still
 * runs), else this milestone's newest session whose executor died (its process gone on this host,
 * or its heartbeat lapsed on any).
 */
export async function findSession(
  ctx: Context, o: { id?: string; milestone: string },
): Promise<SessionInfo | null> {
  if (o.id) {
    const v = await showSession(ctx, { session: o.id });
    if (v.status === 'completed' || v.status === 'abandoned') {
      const what = `session ${v.id.slice(0, 8)} is ${v.status}: it cannot be resumed`;
      throw new MilestoneError('INVALID_INPUT', what, {
        hint: 'Run execute without --resume-session: it starts a new session.',
        data: { session: v.id, status: v.status },
      });
    }
    if (v.status === 'active' && !(v.owner.host === os.hostname() && v.owner.pid === process.pid)) {
      const what = `session ${v.id.slice(0, 8)} is still run by process ${v.owner.pid} on ${v.owner.host}`;
      throw new MilestoneError('CONFLICT', what, {
        hint: 'Wait for it, or stop that executor; a session whose executor died can be resumed.',
        data: { session: v.id, owner: v.owner },
      });
    }
    return info(v);
  }
  const open = await listSessions(ctx, { milestone: o.milestone, active: true });
  const crashed = open.filter((v) => v.status === 'crashed');
  return crashed.length > 0 ? info(crashed[0]) : null;
}

export async function takeOverSession(ctx: Context, id: string): Promise<void> {
  await setSessionStatus(ctx, { session: id, status: 'active', takeOver: { pid: process.pid } });
}

/**
 * Records where the run stands: the tasks in progress with their phases and the next ready ones.
 * The user's own work tree is recorded by branch and HEAD only: its uncommitted changes are the
 * user's, not the session's, and resuming must never put them back over later work.
 */
export async function checkpoint(
  ctx: Context, c: { session: string; message: string; tasks: CheckpointTask[]; next: string[] },
): Promise<void> {
  const top = ctx.repo.workTree;
  const branch = currentBranch(ctx.repo.gitDir);
  const head = branch ? await ctx.storage.refs.read(`refs/heads/${branch}`) : ctx.git.revParse('HEAD');
  await checkpointSession(ctx, { ...c, saveChanges: false, ...(top ? { at: { top, branch, head } } : {}) });
}

export async function heartbeat(ctx: Context, session: string): Promise<void> {
  await heartbeatSession(ctx, { session });
}

export async function endSession(ctx: Context, id: string): Promise<void> {
  await setSessionStatus(ctx, { session: id, status: 'completed' });
}

/**
 * The session a command means when it names none: MILESTONE_SESSION_ID (set by `execute` for its
 * agents), else the newest session of this host that is active or paused. NOT_FOUND otherwise.
 */
import * as os from 'node:os';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { sessionStore } from './sessionAccess';

export async function currentSession(ctx: Context, given?: string): Promise<string> {
  const named = given ?? ctx.env.vars.MILESTONE_SESSION_ID;
  if (named) return named;
  const store = sessionStore(ctx);
  const mine = [...(await store.readMany(await store.list())).values()]
    .flatMap((r) => ('state' in r ? [r.state] : []))
    .filter((s) => s.owner.host === os.hostname() && (s.status === 'active' || s.status === 'paused'))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  if (mine.length > 0) return mine[0].id;
  throw new MilestoneError('NOT_FOUND', 'no active session on this host', {
    hint: 'Start one with `git milestone session start <milestone>`, or name it (`session list` shows them).',
  });
}

/**
 * `git milestone release TASK`: the holder lets the task go (the claim stays, released, so the
 * next holder's fencing number keeps rising). Releasing a claim that is already released does
 * nothing; someone else's claim is refused (NOT_HOLDER, naming the holder); `doctor --fix` clears
 * lapsed ones.
 */
import { describeHolder, isHolder } from '../../domain/claim/claimRules';
import { claimReleaseOp, claimView, type ClaimView } from '../../domain/claim/claimState';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { resolveTask } from '../resolveTask';
import { leaseOptions } from './claimTask';
import { claimant } from './claimSettings';
import { publishClaim } from './publishClaim';

export interface ReleaseOptions {
  task: string;
  remote?: string | null;
  agent?: string;
}

export async function releaseClaim(ctx: Context, o: ReleaseOptions): Promise<ClaimView> {
  const { taskId } = await resolveTask(ctx, o.task);
  const { remote } = leaseOptions(ctx, { ttlMs: 0, remote: o.remote });
  const who = claimant(ctx, o.agent);
  const state = await publishClaim(ctx, {
    task: taskId,
    remote,
    build(s) {
      if (s === null) throw new MilestoneError('NOT_FOUND', `task ${taskId.slice(0, 8)} is not claimed`, { data: { task: taskId } });
      if (s.released) return [];
      if (!isHolder(s, who)) {
        throw new MilestoneError('NOT_HOLDER', `task ${taskId.slice(0, 8)} is claimed by ${describeHolder(s)}, not by you (${who.agent})`, {
          hint: 'Only the holder releases a claim; a lapsed one is cleared by `git milestone doctor --fix`.',
          data: { task: taskId, holder: s.holder, agent: s.agent, expires: s.expires, fencing: s.fencing },
        });
      }
      return [claimReleaseOp({ fencing: s.fencing, reason: 'released' })];
    },
  });
  ctx.env.log.info('claim released', { task: taskId });
  return claimView(state as NonNullable<typeof state>);
}

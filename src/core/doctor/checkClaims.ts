/**
 * Doctor check for claims whose lease lapsed and that nobody released or took over (an agent that
 * died). A warning: the task can be claimed again anyway. --fix releases each (`claim.release`
 * with reason `lapsed`, on the claims remote when one is set), unless its holder renewed it
 * meanwhile; the fencing number stays, so the old holder's late writes are still refused.
 */
import { isLapsed } from '../../domain/claim/claimRules';
import { claimReleaseOp } from '../../domain/claim/claimState';
import { claimStore } from '../claim/claimEntity';
import { claimSettings } from '../claim/claimSettings';
import { claimStates } from '../claim/listClaims';
import { publishClaim } from '../claim/publishClaim';
import type { Context } from '../context';
import type { DoctorProblem } from './types';

export async function checkClaims(ctx: Context): Promise<DoctorProblem[]> {
  const now = ctx.env.clock().getTime();
  const store = claimStore(ctx);
  return (await claimStates(ctx)).filter((s) => isLapsed(s, now)).map((s) => ({
    check: 'claims' as const, severity: 'warning' as const, fixable: true, ref: store.ref(s.task),
    message: `the lease of task ${s.task.slice(0, 8)} held by ${s.agent} (${s.holder}) lapsed at ${s.expires}`,
    hint: 'Its agent stopped renewing it; anyone may claim the task again. `git milestone doctor --fix` releases it.',
  }));
}

/** Releases the lapsed claims `problems` name (still lapsed when written); marks them fixed. */
export async function fixLapsedClaims(ctx: Context, problems: DoctorProblem[]): Promise<void> {
  const lapsed = problems.filter((p) => p.check === 'claims' && p.fixable && p.ref);
  if (lapsed.length === 0) return;
  const { remote } = claimSettings(ctx);
  for (const p of lapsed) {
    const task = (p.ref as string).split('/').pop() as string;
    const now = ctx.env.clock().getTime();
    const state = await publishClaim(ctx, {
      task,
      remote,
      build: (s) => (s && !s.released && isLapsed(s, now) ? [claimReleaseOp({ fencing: s.fencing, reason: 'lapsed' })] : []),
    });
    p.fixed = state === null || state.released;
  }
  ctx.env.log.info('doctor released lapsed claims', { count: lapsed.filter((p) => p.fixed).length });
}

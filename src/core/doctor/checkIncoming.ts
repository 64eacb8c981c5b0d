/**
 * Doctor check of fetched milestones: every remote-tracking tip
 * (`refs/remotes/<remote>/milestones/milestone/<id>`) should already be merged into the local
 * ref. The next command merges tips that are simply newer. A tip that cannot be merged (a damaged
 * or forged history on the remote) is named with the command that shows it. Such a problem is
 * a warning: local data is fine, and doctor never touches either ref.
 */
import type { Oid } from '../../storage/ports';
import { relateTips, type TipPair } from '../../storage/entity/relateTips';
import type { Context } from '../context';
import { trackingTips } from '../sync/absorbIncoming';
import type { DoctorProblem } from './types';

export async function checkIncoming(ctx: Context): Promise<DoctorProblem[]> {
  const locals = await ctx.milestones.list();
  const problems: DoctorProblem[] = [];
  for (const [remote, tips] of await trackingTips(ctx)) {
    const pairs = new Map<string, TipPair>();
    let pending = 0;
    for (const [id, other] of tips) {
      const local = locals.get(id);
      if (local === undefined) pending++;
      else if (local !== other) pairs.set(id, { ref: `refs/remotes/${remote}/milestones/milestone/${id}`, local, other: other as Oid });
    }
    for (const [id, rel] of await relateTips(ctx.storage.objects, pairs)) {
      const ref = (pairs.get(id) as TipPair).ref;
      if (rel instanceof Error) {
        problems.push({
          check: 'remotes', severity: 'warning', ref, fixable: false,
          message: `${ref} cannot be merged: ${rel.message.replace(`${ref}: `, '')}`,
          hint: `Inspect it with \`git log --stat ${ref}\`; your local milestone is unaffected.`,
        });
      } else if (rel === 'behind' || rel === 'diverged') pending++;
    }
    if (pending > 0) {
      problems.push({
        check: 'remotes', severity: 'warning', fixable: false,
        message: `${pending} milestone${pending === 1 ? '' : 's'} fetched from ${remote} not merged yet`,
        hint: `\`git milestone pull ${remote}\` merges them and reports any that cannot be merged.`,
      });
    }
  }
  return problems;
}

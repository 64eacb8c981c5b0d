/**
 * The private namespaces restore fetches a bundle into (`refs/restore/<ms>-<pid>-<start>/`) and
 * deletes when done. A restore that was killed (`kill -9`) leaves its namespace behind: hundreds of
 * refs that keep objects alive and clutter `git for-each-ref`. A namespace is left over once the
 * process that made it is gone (its recorded start time tells a reused pid from it; an older
 * namespace without one counts as left over after a day). The next restore and `doctor --fix`
 * delete left-over namespaces; one of a restore that is still running is never touched.
 */
import { processStart } from '../../storage/lockHolder';
import type { Context } from '../context';

export const RESTORE_PREFIX = 'refs/restore/';
const OLD_NAMESPACE_MS = 24 * 3600 * 1000;

/** The namespace this process fetches into. */
export function restoreNamespace(now: number): string {
  const ticks = processStart(process.pid)?.split(':')[1];
  return `${RESTORE_PREFIX}${now}-${process.pid}${ticks ? `-${ticks}` : ''}/`;
}

function isLeftOver(name: string, now: number): boolean {
  const m = /^(\d+)-(\d+)(?:-(\d+))?$/.exec(name);
  if (!m) return true; // restore never makes such a name
  const [, stamp, pid, ticks] = m;
  try {
    process.kill(Number(pid), 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  if (ticks === undefined) return now - Number(stamp) > OLD_NAMESPACE_MS;
  const start = processStart(Number(pid));
  return start !== null && start.split(':')[1] !== ticks;
}

/** Left-over namespaces and their refs. */
export async function restoreLeftovers(ctx: Context, now = ctx.env.clock().getTime()): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const ref of (await ctx.storage.refs.list(RESTORE_PREFIX)).keys()) {
    const ns = ref.slice(RESTORE_PREFIX.length).split('/')[0];
    if (!isLeftOver(ns, now)) continue;
    const refs = out.get(ns);
    if (refs) refs.push(ref);
    else out.set(ns, [ref]);
  }
  return out;
}

/** Deletes refs in one transaction (the porcelain's `update-ref --stdin`); whether git succeeded. */
export function deleteRefs(ctx: Context, refs: string[]): boolean {
  return ctx.git.deleteRefs(refs);
}

/** Deletes every left-over namespace; returns how many refs went. */
export async function clearRestoreLeftovers(ctx: Context): Promise<number> {
  const refs = [...(await restoreLeftovers(ctx)).values()].flat();
  if (refs.length > 0 && deleteRefs(ctx, refs)) {
    ctx.env.log.info('removed refs left by an interrupted restore', { refs: refs.length });
    return refs.length;
  }
  return 0;
}

/**
 * Records what the views only show: every active session whose process is gone (same host) or
 * whose heartbeat lapsed is marked crashed, so other clones see it after a push and
 * `session resume` can take it over. Sessions that are fine are left alone.
 */
import type { Context } from '../context';
import { listSessions } from './listSessions';
import type { SessionView } from './sessionAccess';
import { setSessionStatus } from './setSessionStatus';

export interface CleanupResult {
  crashed: SessionView[];
  checked: number;
}

export async function cleanupSessions(ctx: Context, o: { milestone?: string; timeoutMs?: number } = {}): Promise<CleanupResult> {
  const sessions = await listSessions(ctx, { ...o, active: true });
  const crashed: SessionView[] = [];
  for (const s of sessions.filter((v) => v.crashReason)) {
    const view = await setSessionStatus(ctx, { session: s.id, status: 'crashed' });
    crashed.push({ ...view, crashReason: s.crashReason });
  }
  return { crashed, checked: sessions.length };
}

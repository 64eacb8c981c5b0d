/**
 * `git milestone sync [remote]`: pull (fetch and merge), then push (which fetches, merges and
 * retries on its own if another clone pushed in between). The usual way to share the plan.
 */
import type { Context } from '../context';
import { pullRemote, type PullResult } from './pullRemote';
import { pushRemote, type PushResult } from './pushRemote';

export interface SyncResult {
  remote: string;
  pull: PullResult;
  push: PushResult;
}

export async function syncRemote(ctx: Context, o: { remote?: string } = {}): Promise<SyncResult> {
  const pull = await pullRemote(ctx, o);
  const push = await pushRemote(ctx, { remote: pull.remote });
  return { remote: pull.remote, pull, push };
}

/**
 * `execute`'s final report (`--json`: schemas/execute.schema.json) and the live progress line a
 * terminal shows on stderr: done, running (which task each agent has), blocked.
 */
import { shortId } from '../../domain/values';
import type { Env } from '../../env/Env';

export interface TaskLine {
  task: string;
  title: string;
  /** done, blocked, waiting_approval, held (claimed elsewhere), unmerged, not_run. */
  outcome: string;
  attempts: number;
  branch: string | null;
  reason?: string;
}

export interface ExecuteReport {
  session: string;
  resumed: boolean;
  milestone: string;
  coordination: string;
  agents: number;
  done: number;
  blocked: number;
  tasks: TaskLine[];
}

export function progressLine(env: Env, o: { done: number; total: number; running: string[]; blocked: number }): void {
  if (!env.interactive) return;
  const agents = o.running.map((id, i) => `a${i + 1}:${shortId(id)}`).join(' ');
  env.err(`\r\x1b[2Kdone ${o.done}/${o.total} · running ${o.running.length}${agents ? ` (${agents})` : ''} · blocked ${o.blocked}`);
}

export function endProgress(env: Env): void {
  if (env.interactive) env.err('\r\x1b[2K');
}

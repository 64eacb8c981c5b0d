/** How sessions and checkpoints read as text (shared by the session commands). */
import type { CheckpointView, SessionView } from '../../../core/session/sessionAccess';
import { oneLine, short } from '../../format';

export function checkpointText(c: CheckpointView): string {
  const where = [c.branch ? `branch ${oneLine(c.branch)}` : null, c.head ? `at ${short(c.head)}` : null,
    c.worktree ? `in ${oneLine(c.worktree)}` : null].filter(Boolean).join(' ');
  return [
    `checkpoint ${short(c.id)} ${c.at}${c.message ? ` ${JSON.stringify(oneLine(c.message))}` : ''}`,
    where ? `  ${where}` : null,
    `  uncommitted changes: ${c.stash ? `saved as ${short(c.stash)}` : 'none'}`,
    c.tasks.length > 0 ? `  in progress: ${c.tasks.map((t) => `${short(t.task)}${t.phase ? ` (${oneLine(t.phase)})` : ''}`).join(', ')}` : null,
    c.next.length > 0 ? `  next: ${c.next.map(short).join(', ')}` : null,
  ].filter((l): l is string => l !== null).join('\n');
}

export function sessionText(s: SessionView): string {
  const o = s.owner;
  return [
    `session ${short(s.id)} ${s.status}${s.crashReason ? ` (${s.crashReason})` : ''} on milestone ${short(s.milestone)}`,
    `  owner ${oneLine(o.name)} <${oneLine(o.email)}> pid ${o.pid} on ${oneLine(o.host)}`,
    `  started ${s.startedAt}${s.endedAt ? `, ended ${s.endedAt}` : ''}${s.heartbeatAt ? `, last heartbeat ${s.heartbeatAt}` : ''}`,
    s.lastCheckpoint ? checkpointText(s.lastCheckpoint) : '  no checkpoint yet',
  ].join('\n');
}

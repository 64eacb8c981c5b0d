/**
 * The tasks completed, each with who completed it: the author of the operation whose time is the
 * task's completedAt (the last such one in fold order), else the task's last writer.
 */
import type { StoredOperation } from '../types';
import type { Completion, ReportSource } from './types';

function completer(ops: readonly StoredOperation[], task: string, at: string): StoredOperation | undefined {
  let found: StoredOperation | undefined;
  for (const s of ops) if ((s.op.task === task || s.hash === task) && s.op.time === at) found = s;
  return found;
}

export function completionsOf(sources: readonly ReportSource[]): Completion[] {
  const out: Completion[] = [];
  for (const { id, ops, state } of sources) {
    for (const t of state.tasks) {
      if (t.deleted || t.status !== 'completed' || !t.completedAt) continue;
      const by = completer(ops, t.id, t.completedAt)?.op.author ?? t.updated.by;
      out.push({
        milestone: id, task: t.id, title: t.title, by: { name: by.name, email: by.email },
        createdAt: t.created.at, startedAt: t.startedAt, completedAt: t.completedAt,
      });
    }
  }
  return out.sort((a, b) => a.completedAt.localeCompare(b.completedAt) || a.task.localeCompare(b.task));
}

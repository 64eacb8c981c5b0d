/**
 * The tasks completed, each with who completed it: the author of the operation whose time is the
 * task's completedAt (the last such one in fold order), else the task's last writer.
 */
import type { StoredOperation } from '../types';
import { compareStrings } from '../values';
import type { Completion, ReportSource } from './types';

/** (task, time) → the last operation in fold order on that task (or adding it) at that time. */
function byTaskAndTime(ops: readonly StoredOperation[]): Map<string, StoredOperation> {
  const out = new Map<string, StoredOperation>();
  for (const s of ops) {
    if (typeof s.op.task === 'string') out.set(`${s.op.task} ${s.op.time}`, s);
    out.set(`${s.hash} ${s.op.time}`, s);
  }
  return out;
}

export function completionsOf(sources: readonly ReportSource[]): Completion[] {
  const out: Completion[] = [];
  for (const { id, ops, state } of sources) {
    const found = byTaskAndTime(ops);
    for (const t of state.tasks) {
      if (t.deleted || t.status !== 'completed' || !t.completedAt) continue;
      const by = found.get(`${t.id} ${t.completedAt}`)?.op.author ?? t.updated.by;
      out.push({
        milestone: id, task: t.id, title: t.title, by: { name: by.name, email: by.email },
        createdAt: t.created.at, startedAt: t.startedAt, completedAt: t.completedAt,
      });
    }
  }
  // Ordinal comparison: the same order in every locale, and no ICU collator to load (≈30 ms).
  return out.sort((a, b) => compareStrings(a.completedAt, b.completedAt) || compareStrings(a.task, b.task));
}

/**
 * The relational model both database indexes store (SQLite locally, PostgreSQL per repository):
 * one milestone row (its list summary pre-rendered exactly as `list --json` prints it, plus the
 * columns queries filter on), its labels, aliases, tasks, dependencies and operation history, and
 * the text full-text search covers. Built from one entity read; pure.
 */
import { summarize } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import { renderRow } from '../shared/renderRows';
import type { EntityRead } from './readEntities';

export interface MilestoneRow {
  id: string; tip: string; error: string | null;
  title: string; description: string; status: string; priority: string | null; category: string | null;
  start_date: string | null; due_date: string | null; progress: number;
  task_count: number; done_count: number; blocked_count: number; conflict_count: number;
  archived: number; deleted: number; created_at: string; updated_at: string;
  /** 1 when title, description and aliases are plain ASCII (text search may then use the index). */
  text_ascii: number;
  /** The `list --json` rendering of the summary (two-space indented, no trailing separator). */
  summary: string;
}
export interface TaskRow {
  id: string; milestone_id: string; title: string; description: string; status: string; assignee: string | null;
  estimated_hours: number | null; started_at: string | null; completed_at: string | null; deleted: number;
  created_at: string; updated_at: string;
}
export interface DepRow { milestone_id: string; kind: 'task' | 'milestone'; from_id: string; to_id: string }
export interface OpRow {
  milestone_id: string; commit_oid: string; seq: number; lamport: number; type: string;
  author_name: string; author_email: string; time: string; op: string;
}
export interface SearchRow { title: string; description: string; criteria: string; aliases: string; tasks: string }
export interface EntityRows {
  milestone: MilestoneRow;
  labels: string[];
  aliases: string[];
  tasks: TaskRow[];
  deps: DepRow[];
  ops: OpRow[];
  search: SearchRow | null;
}

const ASCII = /^[\x00-\x7f]*$/;

export function entityRows(id: string, r: EntityRead<MilestoneState>): EntityRows {
  if ('error' in r) {
    const milestone: MilestoneRow = {
      id, tip: r.tip, error: r.error.message, title: '', description: '', status: 'planned', priority: null, category: null,
      start_date: null, due_date: null, progress: 0, task_count: 0, done_count: 0, blocked_count: 0, conflict_count: 0,
      archived: 0, deleted: 0, created_at: '', updated_at: '', text_ascii: 1, summary: '',
    };
    return { milestone, labels: [], aliases: [], tasks: [], deps: [], ops: [], search: null };
  }
  const s = r.state;
  const sum = summarize(s);
  const row = renderRow(sum);
  const milestone: MilestoneRow = {
    id, tip: r.tip, error: null, title: sum.title, description: sum.description, status: sum.status, priority: sum.priority,
    category: sum.category, start_date: sum.startDate, due_date: sum.dueDate, progress: sum.progress, task_count: sum.taskCount,
    done_count: sum.doneCount, blocked_count: sum.blockedCount, conflict_count: sum.conflictCount, archived: sum.archived ? 1 : 0,
    deleted: sum.deleted ? 1 : 0, created_at: sum.createdAt, updated_at: sum.updatedAt,
    text_ascii: ASCII.test(sum.title + sum.description + sum.aliases.join('')) ? 1 : 0,
    summary: row.body.toString('utf8'),
  };
  const tasks: TaskRow[] = s.tasks.map((t) => ({
    id: t.id, milestone_id: id, title: t.title, description: t.description, status: t.status, assignee: t.assignee,
    estimated_hours: t.estimatedHours, started_at: t.startedAt, completed_at: t.completedAt, deleted: t.deleted ? 1 : 0,
    created_at: t.created.at, updated_at: t.updated.at,
  }));
  const deps: DepRow[] = [
    ...s.dependsOn.map((to): DepRow => ({ milestone_id: id, kind: 'milestone', from_id: id, to_id: to })),
    ...s.tasks.filter((t) => !t.deleted).flatMap((t) => t.dependsOn.map((to): DepRow => ({ milestone_id: id, kind: 'task', from_id: t.id, to_id: to }))),
  ];
  const ops: OpRow[] = r.ops.map((h) => ({
    milestone_id: id, commit_oid: h.commit, seq: h.seq, lamport: h.op.lamport, type: h.op.type,
    author_name: h.op.author?.name ?? '', author_email: h.op.author?.email ?? '', time: h.op.time, op: JSON.stringify(h.op),
  }));
  const live = s.tasks.filter((t) => !t.deleted);
  const search: SearchRow = {
    title: s.title, description: s.description, criteria: (s.successCriteria ?? []).map(String).join('\n'),
    aliases: s.aliases.join('\n'), tasks: live.map((t) => `${t.title}\n${t.description}`).join('\n'),
  };
  return { milestone, labels: [...s.labels], aliases: [...s.aliases], tasks, deps, ops, search };
}

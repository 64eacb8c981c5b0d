/**
 * The files of one `backlog/` folder → plan milestones, pure. A Backlog.md milestone (milestones/,
 * archive/milestones/ archived) becomes a milestone and takes the tasks whose `milestone:` names it
 * (by id `m-1`, by `M2 - …`, or by title; an unknown name makes a milestone of its own); loose tasks
 * go to a milestone named after the source; archived tasks to an archived one beside it. References
 * (dependencies, parent_task_id) are matched case-insensitively, and by number when the prefix
 * differs (MrLesk's `BACK-*` tasks cite `task-*`); a dotted id without a parent names its parent.
 */
import type { PlanMilestone, PlanProblem, PlanTask } from '../plan';
import { backlogTask, list, text, type BacklogFile } from './taskFile';

export type BacklogArea = 'tasks' | 'completed' | 'drafts' | 'archive';

export interface BacklogEntry {
  file: string;
  name: string;
  area: BacklogArea;
  parsed: BacklogFile;
}

export interface BacklogSource {
  /** Key of the backlog folder (relative to the work tree when inside it). */
  key: string;
  title: string;
  tasks: BacklogEntry[];
  milestones: Array<{ file: string; archived: boolean; parsed: BacklogFile }>;
}

const numberOf = (id: string): string | null =>
  /(\d+(?:\.\d+)*)$/.exec(id)?.[1].split('.').map(Number).join('.') ?? null;

function resolver(tasks: PlanTask[]): (ref: string) => string | null {
  const exact = new Map<string, string>();
  const byNum = new Map<string, Set<string>>();
  for (const t of tasks) {
    if (!exact.has(t.sourceId.toLowerCase())) exact.set(t.sourceId.toLowerCase(), t.sourceId);
    const n = numberOf(t.sourceId);
    if (n !== null) byNum.set(n, (byNum.get(n) ?? new Set()).add(t.sourceId));
  }
  return (ref) => {
    const hit = exact.get(ref.trim().toLowerCase());
    if (hit) return hit;
    const n = /^[A-Za-z]*-?\d+(?:\.\d+)*$/.test(ref.trim()) ? numberOf(ref.trim()) : null;
    const c = n === null ? undefined : byNum.get(n);
    return c && c.size === 1 ? [...c][0] : null;
  };
}

function milestoneOf(pm: PlanMilestone, id: string, body: string): PlanMilestone {
  pm.description = body.replace(/^## Description\s*/, '').trim();
  pm.fields = { ...pm.fields, backlogId: id };
  return pm;
}

export function buildBacklog(src: BacklogSource): { milestones: PlanMilestone[]; notes: PlanProblem[] } {
  const notes: PlanProblem[] = [];
  const empty = (key: string, title: string, archived: boolean): PlanMilestone => ({
    key, title, description: '', archived, files: [], tasks: [], documents: [], approvals: null, fields: {},
  });
  const loose = empty(src.key, src.title, false);
  const archive = empty(`${src.key}#archive`, `${src.title} (archive)`, true);
  const named: PlanMilestone[] = [];
  const find = new Map<string, PlanMilestone>();
  for (const m of src.milestones) {
    const id = text(m.parsed.meta.id).trim();
    if (!id) continue;
    const title = text(m.parsed.meta.title) || id;
    const pm = milestoneOf(empty(`${src.key}#${id.toLowerCase()}`, title, m.archived), id, m.parsed.body);
    pm.files.push(m.file);
    named.push(pm);
    find.set(id.toLowerCase(), pm);
    find.set(`title:${pm.title.toLowerCase()}`, pm);
  }
  const pick = (value: string): PlanMilestone => {
    const v = value.trim().toLowerCase();
    const n = /^m-?(\d+)\b/.exec(v)?.[1];
    const hit = find.get(v) ?? (n !== undefined ? find.get(`m-${n}`) : undefined) ?? find.get(`title:${v}`);
    if (hit) return hit;
    const pm = empty(`${src.key}#milestone:${value.trim()}`, value.trim(), false);
    named.push(pm);
    find.set(v, pm);
    return pm;
  };
  const all: PlanTask[] = [];
  const home = new Map<PlanTask, PlanMilestone>();
  for (const e of src.tasks) {
    if (e.parsed.problem) notes.push(e.parsed.problem);
    const t = backlogTask(e.file, e.name, e.parsed);
    if (!t) continue;
    if (e.area !== 'tasks') t.fields.folder = e.area;
    const m = text(e.parsed.meta.milestone).trim();
    const pm = e.area === 'archive' ? archive : m ? pick(m) : loose;
    const taken = new Set(pm.tasks.map((x) => x.sourceId));
    if (taken.has(t.sourceId)) {
      let k = 2;
      while (taken.has(`${t.sourceId}@${k}`)) k++;
      const message = `task ${t.sourceId} appears twice; this one is imported as ${t.sourceId}@${k}`;
      notes.push({ file: e.file, message });
      t.sourceId = `${t.sourceId}@${k}`;
    }
    pm.tasks.push(t);
    pm.files.push(e.file);
    home.set(t, pm);
    all.push(t);
  }
  const resolve = resolver(all);
  const byId = new Map(all.map((t) => [t.sourceId, t]));
  for (const t of all) {
    t.deps = list(t.deps).map((d) => resolve(d) ?? d);
    const written = t.parent;
    const dotted = /^(.*\d)\.\d+$/.exec(t.sourceId)?.[1];
    t.parent = written ? resolve(written) : dotted ? resolve(dotted) : null;
    if (written && t.parent === null) t.fields.parent_task_id = written;
    if (t.parent !== null && home.get(byId.get(t.parent)!) !== home.get(t)) {
      t.fields.parent_task_id = written ?? t.parent;
    }
  }
  const out = [loose, ...named, archive].filter((m) => m.tasks.length > 0 || m.files.length > 0);
  for (const m of out) m.tasks.sort((a, b) => compareIds(a.sourceId, b.sourceId));
  return { milestones: out, notes };
}

function compareIds(a: string, b: string): number {
  const x = (numberOf(a) ?? '').split('.').map(Number);
  const y = (numberOf(b) ?? '').split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

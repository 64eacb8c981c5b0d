/**
 * A task-master `tasks.json` → plan milestones, pure (../shared/corpus/SOURCES.md). Tagged shape
 * `{"<tag>": {"tasks": [...], "metadata": {...}}}`: one milestone per tag; legacy `{"tasks": [...]}`:
 * one milestone. Tasks keep their id (`7`), sub-tasks `<parent>.<id>` (`7.1`; a string id such as
 * `"7.1"` as written) and their parent link. Dependencies: numbers and numeric strings at top level
 * are top-level ids; inside sub-tasks a bare number is a sibling (else a top-level id), a dotted
 * string any task's sub-task. Every key the model has no slot for is kept verbatim (`parentId:
 * "undefined"` too). The status mark is the ordinal of the task's `"status"` key in the file, which
 * write-back patches in place; when the count of such keys in the text and in the parsed value
 * differ, write-back is off for the file (reported).
 */
import { emptyTask, type PlanMilestone, type PlanProblem, type PlanTask, type StatusMark } from '../plan';
import { statusOfWord } from '../statusWords';
import { STATUS_KEY } from '../writeBack';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SLOTTED = new Set(['id', 'title', 'description', 'status', 'dependencies', 'subtasks']);

/** The tag groups of a parsed tasks.json (legacy shape: one group named ''), or null when it is not one. */
export function tagGroups(v: unknown): Array<{ tag: string; tasks: unknown[]; meta: Obj }> | null {
  if (!isObj(v)) return null;
  if (Array.isArray(v.tasks)) return [{ tag: '', tasks: v.tasks, meta: isObj(v.metadata) ? v.metadata : {} }];
  const groups = Object.entries(v).filter(([, g]) => isObj(g) && Array.isArray(g.tasks));
  if (groups.length === 0) return null;
  return groups.map(([tag, g]) => {
    const o = g as Obj;
    return { tag, tasks: o.tasks as unknown[], meta: isObj(o.metadata) ? o.metadata : {} };
  });
}

/**
 * The ordinal of each object's string `status` key in document order (JSON.parse keeps the order of
 * non-numeric keys), with the values in that order, to check against the text.
 */
function statusOrdinals(v: unknown): { at: Map<Obj, number>; values: string[] } {
  const at = new Map<Obj, number>();
  const values: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (isObj(x)) {
      for (const [k, y] of Object.entries(x)) {
        if (k === 'status' && typeof y === 'string') {
          at.set(x, values.length);
          values.push(y);
        } else walk(y);
      }
    }
  };
  walk(v);
  return { at, values };
}

export function parseTaskMaster(
  file: string, text: string, project: string,
): { milestones: PlanMilestone[]; problems: PlanProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = `not valid JSON (${(e as Error).message}); nothing imported`;
    return { milestones: [], problems: [{ file, message }] };
  }
  const groups = tagGroups(value);
  if (!groups) {
    const message = 'not a task-master tasks.json (no "tasks" list)';
    return { milestones: [], problems: [{ file, message }] };
  }
  const problems: PlanProblem[] = [];
  const inText = [...text.matchAll(STATUS_KEY)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  const order = statusOrdinals(value);
  const aligned = inText.length === order.values.length && inText.every((x, i) => x === order.values[i]);
  const milestones: PlanMilestone[] = [];
  const marks: Array<{ t: PlanTask; index: number | null }> = [];
  for (const g of groups) {
    const tasks: PlanTask[] = [];
    const mark = (o: Obj, t: PlanTask): void => { marks.push({ t, index: order.at.get(o) ?? null }); };
    for (const raw of g.tasks) {
      if (!isObj(raw)) continue;
      const top = toTask(file, raw, String(raw.id), null);
      mark(raw, top);
      top.deps = [...new Set(ids(raw.dependencies))];
      tasks.push(top);
      const subs = Array.isArray(raw.subtasks) ? raw.subtasks.filter(isObj) : [];
      const sibling = new Set(subs.map((s) => String(s.id)));
      for (const s of subs) {
        const sid = String(s.id).includes('.') ? String(s.id) : `${top.sourceId}.${s.id}`;
        const sub = toTask(file, s, sid, top.sourceId);
        mark(s, sub);
        const dep = (d: string): string =>
          (d.includes('.') ? d : sibling.has(d) ? `${top.sourceId}.${d}` : d);
        sub.deps = [...new Set(ids(s.dependencies).map(dep))];
        tasks.push(sub);
      }
    }
    const main = g.tag === '' || g.tag === 'master';
    const title = main ? str(g.meta.projectName) || project : `${project}: ${g.tag}`;
    milestones.push({
      key: g.tag === '' ? file : `${file}#${g.tag}`, title, description: str(g.meta.description),
      archived: false,
      files: [file], tasks, documents: [], approvals: null,
      fields: { ...(g.tag ? { tag: g.tag } : {}), metadata: g.meta },
    });
  }
  for (const { t, index } of marks) {
    if (index === null || !aligned) t.mark = { kind: 'none', file, line: 1 };
    else (t.mark as Extract<StatusMark, { kind: 'json' }>).path = [index];
  }
  const off = 'the "status" keys of the text and of the tasks do not line up; write-back is off for this file';
  if (!aligned) problems.push({ file, message: off });
  return { milestones, problems };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function ids(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.filter((d) => typeof d === 'number' || typeof d === 'string').map((d) => String(d).trim());
}

function toTask(file: string, o: Obj, sourceId: string, parent: string | null): PlanTask {
  const status = str(o.status);
  const t = emptyTask(sourceId, str(o.title), { kind: 'json', file, path: [], value: status });
  t.status = statusOfWord(status || 'pending');
  t.details = str(o.description);
  t.parent = parent;
  for (const [k, v] of Object.entries(o)) if (!SLOTTED.has(k)) t.fields[k] = v;
  if (status) t.fields.status = status;
  return t;
}

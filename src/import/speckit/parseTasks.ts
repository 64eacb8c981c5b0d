/**
 * A spec-kit `tasks.md` → tasks, pure (../shared/corpus/SOURCES.md). A task needs a `T###` id:
 * `- [x] T001 [P] [US1] text`, `- [X] **T001** text`, or a heading `### T001 [P] [US1] - Title` /
 * `#### T001: Title [P]` (no state of its own); checkboxes without an id (validation lists, the
 * `- [P] tasks = …` legend) are not tasks. `[P]` marks parallel, `[USn]` (`[US2/US7]`) user
 * stories, other brackets right after the id (`[DEFERRED]`) are kept. `**Dependencies**:` lines
 * and "depends on / after T###" phrases are dependencies; phases (`## Phase N:`) run in order: a
 * task depends on every task of the phase before.
 */
import { addDep, emptyTask, type PlanProblem, type PlanTask } from '../plan';
import { checkbox, frontMatterEnd, splitLines, statusOfChar } from '../text';

const BOX_ID = /^(?:\*\*)?(T\d{3,})(?:\*\*)?:?\s*(.*)$/;
const HEAD_ID = /^#{2,4}\s+(?:\*\*)?(T\d{3,})(?:\*\*)?:?\s*(.*)$/;
const PHASE = /^#{2,3}\s+Phase\s+\d+(?:\.\d+)*\s*:/i;
const HEADING = /^#{1,6}\s/;
const DEPS = /^\s*(?:[-*]\s*)?\*\*Dependencies\*\*:?\s*(.*)$/i;

/** T### ids a text names, ranges `T003-T005` expanded. */
export function taskIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/T(\d{3,})(?:\s*[-–]\s*T(\d{3,}))?/g)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let n = from; n <= Math.min(to, from + 200); n++) out.push(`T${String(n).padStart(m[1].length, '0')}`);
  }
  return out;
}

function markers(task: PlanTask, text: string, leadingOnly: boolean): string {
  const kept: string[] = [];
  const re = leadingOnly ? /^\s*\[([^\]]+)\]/ : /\[(P|US\d+(?:\/US\d+)*)\]/;
  let rest = text;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const v = m[1].trim();
    if (v === 'P') task.parallel = true;
    else if (/^US\d+(\/US\d+)*$/.test(v)) task.stories.push(...v.split('/'));
    else if (leadingOnly) kept.push(v);
    else break;
    rest = rest.slice(0, m.index) + rest.slice(m.index + m[0].length);
  }
  if (kept.length) task.fields.markers = kept;
  return rest.trim();
}

export function parseSpecKitTasks(file: string, text: string): { tasks: PlanTask[]; problems: PlanProblem[]; phases: number } {
  const lines = splitLines(text);
  const tasks: PlanTask[] = [];
  const seen = new Set<string>();
  const problems: PlanProblem[] = [];
  const phaseOf = new Map<PlanTask, number>();
  const details = new Map<PlanTask, string[]>();
  let phase = 0;
  let last: PlanTask | null = null;
  const add = (id: string, no: number, task: PlanTask): void => {
    if (seen.has(id)) {
      problems.push({ file, line: no, message: `task ${id} appears twice; the second is imported as ${id}@${no}` });
      task.sourceId = `${id}@${no}`;
    }
    seen.add(task.sourceId);
    tasks.push(task);
    phaseOf.set(task, phase);
    details.set(task, []);
    last = task;
  };
  for (const { no, text: raw } of lines.slice(frontMatterEnd(lines))) {
    const head = HEAD_ID.exec(raw);
    if (head) {
      const task = emptyTask(head[1], '', { kind: 'none', file, line: no });
      task.title = markers(task, head[2], false).replace(/^[-–—:]\s*/, '').replace(/\s+\[[^\]]*\]\s*$/, '').trim();
      add(head[1], no, task);
      continue;
    }
    if (HEADING.test(raw)) {
      if (PHASE.test(raw)) phase++;
      last = null;
      continue;
    }
    const box = checkbox(raw);
    const id = box ? BOX_ID.exec(box.rest) : null;
    if (box && id) {
      const task = emptyTask(id[1], '', { kind: 'checkbox', file, line: no, char: box.char });
      task.status = statusOfChar(box.char);
      task.title = markers(task, id[2], true);
      const phrase = /(?:depends on|after|requires)\s+(T\d{3,}(?:\s*(?:,|and|-|–)\s*T\d{3,})*)/gi;
      for (const m of task.title.matchAll(phrase)) for (const d of taskIds(m[1])) addDep(task, d);
      add(id[1], no, task);
      continue;
    }
    const current = last as PlanTask | null;
    if (!current) continue;
    const dep = DEPS.exec(raw);
    if (dep) for (const d of taskIds(dep[1])) addDep(current, d);
    details.get(current)!.push(raw);
  }
  for (const t of tasks) {
    const d = details.get(t)!;
    while (d.length && d[d.length - 1].trim() === '') d.pop();
    t.details = d.join('\n').trim();
  }
  phaseDeps(tasks, phaseOf);
  return { tasks, problems, phases: phase };
}

function phaseDeps(tasks: PlanTask[], phaseOf: Map<PlanTask, number>): void {
  const byPhase = new Map<number, PlanTask[]>();
  for (const t of tasks) byPhase.set(phaseOf.get(t)!, [...(byPhase.get(phaseOf.get(t)!) ?? []), t]);
  const order = [...byPhase.keys()].sort((a, b) => a - b);
  order.forEach((p, i) => {
    if (i === 0) return;
    for (const t of byPhase.get(p)!) for (const before of byPhase.get(order[i - 1])!) addDep(t, before.sourceId);
  });
}

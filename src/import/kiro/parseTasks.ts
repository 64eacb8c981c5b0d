/**
 * A Kiro or cc-sdd `tasks.md` → tasks, pure. Grammar (../shared/corpus/SOURCES.md): checkbox
 * lines with states `[ ] [x] [X] [-] [~]` and `[ ]*` (optional); numbers `1.`, `1.1`, `1.1.1`,
 * `T1.1`, `**1.1**`, `**1.1. Title**`, `1.1 —` or none; `(P)` after the number (parallel). The
 * number, not the indentation, gives the tree (sub-tasks often sit at column 0). Headings such as
 * `## 1. Title`, `## Task 3: Title` or `## T2 — Title` are tasks too (no state of their own: done
 * when all their sub-tasks are), unless a checkbox of the same number sits right under the heading
 * (`## 5. Checkpoint` over `- [ ] 5. Run the gate`): that box is the heading task's state, not a
 * second task 5. Other lines under a task are its details; its requirement traces
 * become links. Numbered siblings run in order (each depends on the one before) unless `(P)`.
 */
import { addDep, emptyTask, type PlanProblem, type PlanTask } from '../plan';
import { checkbox, frontMatterEnd, splitLines, statusOfChar } from '../text';
import { properties, requirementLinks } from './requirements';

const NUMBER = /^(\*\*)?(T?\d+(?:\.(?:\d+|[A-Z]))*)\.?(\*\*)?(?:\s*[—–:-])?\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const HEADING_TASK = /^(?:\*\*)?(?:Task\s+)?(T?\d+(?:\.\d+)*)\.?(?:\s*[:：—–-])?\s+(.+?)(?:\*\*)?$/;

export interface ParsedTasks {
  tasks: PlanTask[];
  problems: PlanProblem[];
}

interface Open {
  task: PlanTask;
  indent: number;
  heading: number;
  details: string[];
}

function titleOf(rest: string, bold: boolean): { title: string; parallel: boolean } {
  let title = rest.trim();
  const parallel = /^\(P\)\s*/.test(title);
  if (parallel) title = title.replace(/^\(P\)\s*/, '');
  if (bold) title = title.replace(/\*\*\s*$/, '').trim();
  return { title: title.replace(/\s*\(P\)$/, ''), parallel };
}

export function parseKiroTasks(file: string, text: string): ParsedTasks {
  const lines = splitLines(text);
  const tasks: PlanTask[] = [];
  const byId = new Map<string, PlanTask>();
  const unnumbered = new Map<string, number>();
  const problems: PlanProblem[] = [];
  let heading: Open | null = null;
  let last: Open | null = null;
  const stack: Open[] = [];
  const unique = (id: string, line: number): string => {
    if (!byId.has(id)) return id;
    problems.push({ file, line, message: `task ${id} appears twice; the second is imported as ${id}@${line}` });
    return `${id}@${line}`;
  };
  const all: Open[] = [];
  const add = (o: Open): void => {
    all.push(o);
    tasks.push(o.task);
    byId.set(o.task.sourceId, o.task);
    last = o;
  };
  for (const { no, text: raw } of lines.slice(frontMatterEnd(lines))) {
    const h = HEADING.exec(raw);
    if (h) {
      stack.length = 0;
      const level = h[1].length;
      const m = level >= 2 ? HEADING_TASK.exec(h[2]) : null;
      if (m) {
        const task = emptyTask(unique(m[1], no), m[2].replace(/\*\*/g, '').trim(), { kind: 'none', file, line: no });
        heading = { task, indent: -1, heading: level, details: [] };
        add(heading);
      } else {
        if (heading && level <= heading.heading) heading = null;
        last = null;
      }
      continue;
    }
    const box = checkbox(raw);
    if (!box) {
      if (last) (last as Open).details.push(raw);
      continue;
    }
    const num = NUMBER.exec(box.rest);
    const { title, parallel } = titleOf(num ? num[4] : box.rest.replace(/^\*\*(.*)\*\*$/, '$1'), Boolean(num?.[1]));
    const h2 = heading as Open | null;
    if (num && h2 && h2.task.sourceId === num[2] && h2.task.mark.kind === 'none') {
      // `## 5. Checkpoint` over `- [ ] 5. Run the gate`: one task, the box gives the heading its state
      Object.assign(h2.task, { mark: { kind: 'checkbox', file, line: no, char: box.char }, status: statusOfChar(box.char) });
      Object.assign(h2.task, { optional: box.optional, parallel: h2.task.parallel || parallel });
      Object.assign(h2.task.fields, { boxTitle: title, numbered: true });
      h2.details.push(title);
      last = h2;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1].indent >= box.indent) stack.pop();
    let parent: PlanTask | null = stack[stack.length - 1]?.task ?? heading?.task ?? null;
    let id: string;
    if (num) {
      const dotted = num[2].split('.');
      const up = dotted.slice(0, -1).join('.');
      if (up) parent = byId.get(up) ?? byId.get(up.replace(/^T/, '')) ?? parent;
      else if (!heading || heading.task.sourceId === num[2]) parent = null;
      id = unique(num[2], no);
    } else {
      const key = parent?.sourceId ?? '';
      const k = (unnumbered.get(key) ?? 0) + 1;
      unnumbered.set(key, k);
      id = unique(`${key}#${k}`, no);
    }
    const task = emptyTask(id, title, { kind: 'checkbox', file, line: no, char: box.char });
    task.status = statusOfChar(box.char);
    task.optional = box.optional;
    task.parallel = parallel;
    task.parent = parent?.sourceId ?? null;
    if (num) task.fields.numbered = true;
    const open: Open = { task, indent: box.indent, heading: 0, details: [] };
    stack.push(open);
    add(open);
  }
  for (const o of all) setDetails(o.task, o.details);
  headingStatus(all);
  orderDeps(tasks);
  return { tasks, problems };
}

/** A heading task has no box: done when all its sub-tasks are, started when some are. */
function headingStatus(all: Open[]): void {
  for (const o of [...all].reverse()) {
    if (o.task.mark.kind !== 'none') continue;
    const kids = all.filter((k) => k.task.parent === o.task.sourceId).map((k) => k.task.status);
    if (kids.length > 0 && kids.every((s) => s === 'completed')) o.task.status = 'completed';
    else if (kids.some((s) => s !== 'pending')) o.task.status = 'in_progress';
  }
}

/** Numbered siblings run in order: each depends on the numbered sibling before it, unless parallel. */
export function orderDeps(tasks: PlanTask[]): void {
  const prev = new Map<string, string>();
  for (const t of tasks) {
    if (t.mark.kind !== 'none' && !t.fields.numbered) continue;
    const key = t.parent ?? '';
    if (!t.parallel) addDep(t, prev.get(key));
    prev.set(key, t.sourceId);
  }
  for (const t of tasks) delete t.fields.numbered;
}

function setDetails(t: PlanTask, details: string[]): void {
  while (details.length > 0 && details[details.length - 1].trim() === '') details.pop();
  while (details.length > 0 && details[0].trim() === '') details.shift();
  t.details = details.join('\n');
  t.requirements = requirementLinks(t.details);
  const props = properties(t.details);
  if (props.length > 0) t.fields.properties = props;
}

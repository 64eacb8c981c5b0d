/**
 * One Backlog.md file → its front matter and a plan task, pure (../shared/corpus/SOURCES.md).
 * Front matter goes through the project's one YAML reader (legacy/parseText); old files write
 * `assignee: @MrLesk` unquoted, which YAML refuses, so a failed parse is retried once with such
 * `@handles` quoted. Files without front matter (plain Markdown tasks) take their id from the file
 * name (`task-152.9.5-…md`), their title from the first heading and their status from a
 * `**Status**:` or `## Status:` line. The `status:` line is remembered for write-back.
 */
import { parseYaml } from '../../legacy/parseText';
import type { Json } from '../../legacy/types';
import { emptyTask, type PlanProblem, type PlanTask } from '../plan';
import { statusOfWord } from '../statusWords';
import { frontMatterEnd, splitLines, type Line } from '../text';

export interface BacklogFile {
  /** Front matter (empty when there is none or it could not be read). */
  meta: Record<string, Json>;
  /** The file has a front matter block (even one that could not be parsed). */
  hasFront: boolean;
  body: string;
  statusLine: { no: number; value: string } | null;
  problem: PlanProblem | null;
}

const HANDLE = /^(\s*(?:[\w-]+:|-)\s+)(@[^\s'"#][^#]*?)\s*$/gm;
/** `**Status**: Done`, `**Status:** Ready`, `## Status: Completed` in a file without front matter. */
const PLAIN_STATUS = /^(?:#+\s*)?\*{0,2}Status\*{0,2}\s*:\s*\*{0,2}\s*([^*\n]+?)\s*$/im;
const STATUS_FIELD = /^status:\s*(['"]?)(.*?)\1\s*$/;

export function readFrontMatter(file: string, text: string): BacklogFile {
  const lines = splitLines(text);
  const end = frontMatterEnd(lines);
  const body = lines.slice(end).map((l) => l.text).join('\n').trim();
  if (end === 0) return { meta: {}, hasFront: false, body, statusLine: null, problem: null };
  const yaml = lines.slice(1, end - 1).map((l) => l.text).join('\n');
  let r = parseYaml(file, yaml);
  const quoted = r.ok ? yaml : yaml.replace(HANDLE, (_a, k: string, v: string) => `${k}'${v}'`);
  if (quoted !== yaml) r = parseYaml(file, quoted);
  const statusLine = statusOf(lines.slice(1, end - 1));
  if (!r.ok) {
    const problem = { ...r.problem, line: (r.problem.line ?? 0) + 1 };
    return { meta: {}, hasFront: true, body, statusLine, problem };
  }
  const meta = typeof r.value === 'object' && r.value !== null && !Array.isArray(r.value) ? r.value : {};
  return { meta, hasFront: true, body, statusLine, problem: null };
}

function statusOf(lines: Line[]): BacklogFile['statusLine'] {
  for (const l of lines) {
    const m = STATUS_FIELD.exec(l.text);
    if (m) return { no: l.no, value: m[1] === "'" ? m[2].replace(/''/g, "'") : m[2] };
  }
  return null;
}

/** The id in a task file's name: `back-355.02 - T.md`, `task-152.9.5-title.md`, `task-epic-11.102-x.md`. */
export function idOfName(name: string): string | null {
  return /^([A-Za-z][\w]*(?:-[A-Za-z]+)*-\d+(?:\.\d+)*)(?:\s+-\s+|-|\.md$)/.exec(name)?.[1] ?? null;
}

export function text(v: Json | undefined): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function list(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.map((x) => text(x)).filter((x) => x !== '');
  const s = text(v).trim();
  return s ? s.split(/\s*,\s*/) : [];
}

/** Keys with a slot in the plan; every other key is kept verbatim in the task's fields. */
const SLOTTED = new Set(['id', 'title', 'status', 'dependencies', 'parent_task_id']);

/** A task file → a plan task (its references still as written; the reader resolves them). */
export function backlogTask(file: string, name: string, f: BacklogFile): PlanTask | null {
  const id = text(f.meta.id).trim() || idOfName(name);
  if (!id) return null;
  const mark = f.statusLine
    ? { kind: 'field' as const, file, line: f.statusLine.no, value: f.statusLine.value }
    : { kind: 'none' as const, file, line: 1 };
  const heading = /^#\s+(.+)$/m.exec(f.body)?.[1] ?? '';
  const title = text(f.meta.title).trim() || heading.replace(/^Task\s+[\w.-]+:\s*/i, '') || id;
  const t = emptyTask(id, title, mark);
  const written = f.statusLine?.value ?? text(f.meta.status) ?? '';
  const plain = f.hasFront ? '' : PLAIN_STATUS.exec(f.body)?.[1] ?? '';
  t.status = statusOfWord(written || plain || 'To Do');
  t.details = f.body;
  t.deps = list(f.meta.dependencies);
  const parent = text(f.meta.parent_task_id).trim();
  t.parent = parent || null;
  for (const [k, v] of Object.entries(f.meta)) if (!SLOTTED.has(k)) t.fields[k] = v;
  if (written || plain) t.fields.status = written || plain;
  t.stories = [];
  return t;
}

/**
 * Write-back, pure: a task's status now → the edit of its source file, and applying edits so that
 * only the changed status bytes move. Files are handled as latin1 text (one char per byte), so a
 * file that is not valid UTF-8, CRLF line ends and a missing final newline all survive byte for
 * byte. Checkboxes change one character; Backlog.md `status:` fields their value (quotes kept);
 * task-master JSON the string value of that task's `status` key (found in document order).
 */
import type { TaskStatus } from '../domain/types';
import type { SourceFormat, StatusMark } from './plan';
import { charFor, patchBoxes } from './text';

export type Edit =
  | { kind: 'checkbox'; line: number; char: string }
  | { kind: 'field'; line: number; value: string }
  | { kind: 'json'; index: number; value: string };

/** How each status is written in Backlog.md and task-master. */
const BACKLOG: Record<TaskStatus, string> = {
  pending: 'To Do', in_progress: 'In Progress', blocked: 'To Do', completed: 'Done', cancelled: "Won't Do",
};
const TASK_MASTER: Record<TaskStatus, string> = {
  pending: 'pending', in_progress: 'in-progress', blocked: 'blocked', completed: 'done', cancelled: 'cancelled',
};

export function statusEdit(
  format: SourceFormat, mark: StatusMark, status: TaskStatus, now: (value: string) => TaskStatus, upper = false,
): Edit | null {
  if (mark.kind === 'checkbox') {
    const c = charFor(status, mark.char, format === 'kiro' || format === 'cc-sdd', upper);
    return c === null ? null : { kind: 'checkbox', line: mark.line, char: c };
  }
  if (mark.kind === 'field') {
    return now(mark.value) === status ? null : { kind: 'field', line: mark.line, value: BACKLOG[status] };
  }
  if (mark.kind === 'json') {
    return now(mark.value) === status ? null : { kind: 'json', index: Number(mark.path[0]), value: TASK_MASTER[status] };
  }
  return null;
}

const FIELD = /^(status:\s*)(['"]?)(.*?)\2(\s*)$/;

export function applyEdits(text: string, edits: Edit[]): string {
  const boxes = new Map(edits.filter((e) => e.kind === 'checkbox').map((e) => [e.line, (e as { char: string }).char]));
  let out = patchBoxes(text, boxes);
  const fields = edits.filter((e): e is Extract<Edit, { kind: 'field' }> => e.kind === 'field');
  if (fields.length > 0) {
    const parts = out.split('\n');
    for (const f of fields) {
      const raw = parts[f.line - 1];
      const cr = raw?.endsWith('\r') ? '\r' : '';
      const m = FIELD.exec(cr ? raw.slice(0, -1) : raw ?? '');
      if (!m) continue;
      const q = m[2] || (/^[\w -]*$/.test(f.value) ? '' : "'");
      const v = q === "'" ? f.value.replace(/'/g, "''") : f.value;
      parts[f.line - 1] = `${m[1]}${q}${v}${q}${m[4]}${cr}`;
    }
    out = parts.join('\n');
  }
  const json = edits.filter((e): e is Extract<Edit, { kind: 'json' }> => e.kind === 'json');
  if (json.length > 0) out = patchJsonStatuses(out, new Map(json.map((e) => [e.index, e.value])));
  return out;
}

/** `"status": "…"` keys in document order (a key inside a string is escaped, so never matches). */
export const STATUS_KEY = /(?<!\\)"status"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

export function patchJsonStatuses(text: string, values: ReadonlyMap<number, string>): string {
  let i = 0;
  return text.replace(STATUS_KEY, (all, value: string) => {
    const want = values.get(i++);
    return want === undefined ? all : all.slice(0, all.length - value.length - 1) + JSON.stringify(want).slice(1);
  });
}

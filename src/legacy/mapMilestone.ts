/**
 * A legacy milestone → what its operations carry, pure. Model fields are taken from the document
 * when the model can hold the value (docs/import-export.md has the table); everything else stays
 * verbatim in `extra` (progress, created_at, timeline leftovers, kiro_configuration, execution,
 * blockers, requirements, unknown fields). `extra.legacy` holds the bookkeeping an export needs:
 * the source file, the mapped paths, an original status spelling, and the attached sessions,
 * approvals, event log and completion files.
 */
import type { MilestoneCreatePayload } from '../domain/ops/constructors';
import { PRIORITIES } from '../domain/types';
import { isDateValue, isIsoDate, isIsoDateTime, isStringArray } from '../domain/values';
import { mapTasks, type MappedTask } from './mapTasks';
import { importedProgress } from './progress';
import { isObject, LEGACY_KEY, Residue } from './residue';
import { milestoneStatus } from './status';
import type { Json, JsonObject, LegacyMilestone } from './types';

type CreateFields = NonNullable<MilestoneCreatePayload['fields']>;

export interface MappedMilestone {
  legacyId: string;
  file: string;
  title: string;
  /** milestone.create `fields`. */
  fields: CreateFields;
  extra: JsonObject;
  tasks: MappedTask[];
  /** Legacy ids (or ids) of the milestones this one requires, when `dependencies.requires` mapped. */
  requires: string[];
  /** Time of the creating operations: created_at, else execution.started_at, else the start date, else the file's mtime. */
  time: string;
  warnings: string[];
}

const text = (v: Json): boolean => typeof v === 'string';
const hours = (v: Json): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function mapMilestone(m: LegacyMilestone, isKnown: (id: string) => boolean): MappedMilestone {
  const warnings: string[] = [];
  const r = new Residue(m.doc);
  const book: JsonObject = { file: m.file };
  r.take('id', (v) => String(v) === m.legacyId);
  const title = (r.take('title', (v) => typeof v === 'string' && v.trim() !== '') as string | undefined) ?? m.legacyId;
  const fields: CreateFields = {};
  const put = (key: keyof CreateFields, v: Json | undefined): void => {
    if (v !== undefined) fields[key] = v;
  };
  put('description', r.take('description', text));
  const original = r.peek('status');
  const status = original === undefined ? null : milestoneStatus(original);
  if (status !== null) {
    r.take('status', () => true);
    fields.status = status;
    if (original !== status) book.status = original as string;
  } else if (original !== undefined) warnings.push(`status ${JSON.stringify(original)} is unknown; kept as written, the milestone is planned`);
  put('priority', r.take('priority', (v) => (PRIORITIES as readonly Json[]).includes(v)));
  put('category', r.take('category', text));
  put('startDate', r.takeFirst(['timeline.estimated_start', 'timeline.start_date'], isDateValue));
  put('dueDate', r.takeFirst(['timeline.estimated_end', 'timeline.due_date'], isDateValue));
  put('estimatedHours', r.take('timeline.estimated_hours', hours));
  put('successCriteria', r.take('success_criteria', isStringArray));
  put('deliverables', r.take('deliverables', Array.isArray));
  put('risks', r.take('risks', Array.isArray));
  put('resources', r.take('resources', isObject));
  const requires = r.take('dependencies.requires', (v) => Array.isArray(v)
    && v.every((d) => (typeof d === 'string' || typeof d === 'number') && String(d) !== m.legacyId && isKnown(String(d)))
    && new Set(v.map(String)).size === v.length) as Json[] | undefined;
  if (requires === undefined && r.peek('dependencies.requires') !== undefined) {
    warnings.push('dependencies.requires names milestones that are not imported; kept as written');
  }
  let tasks: MappedTask[] = [];
  if (r.peek('tasks') !== undefined) {
    const phases = { configuration: r.peek('kiro_configuration'), approvals: m.attachments.approvals };
    const mapped = mapTasks(r.peek('tasks') as Json, (w) => warnings.push(w), phases);
    if (mapped) {
      r.take('tasks', () => true);
      tasks = mapped;
    } else warnings.push('tasks is not a list of tasks; kept as written, no task imported');
  }
  const time = creationTime(r, fields.startDate, m.mtime);
  if (r.peek('progress') !== undefined) book.progress = importedProgress(fields.status, r.rest, tasks);
  const legacy: JsonObject = { ...book, mapped: r.mapped, ...(r.ownLegacy !== undefined ? { ownLegacy: r.ownLegacy } : {}), ...(m.attachments as JsonObject) };
  return {
    legacyId: m.legacyId, file: m.file, title, fields, tasks, time, warnings,
    extra: { ...r.rest, [LEGACY_KEY]: legacy },
    requires: (requires ?? []).map(String),
  };
}

function creationTime(r: Residue, startDate: unknown, mtime: string): string {
  const execution = r.peek('execution');
  const candidates = [r.peek('created_at'), isObject(execution) ? execution.started_at : undefined, startDate];
  for (const c of candidates) {
    if (isIsoDateTime(c)) return /(Z|[+-]\d{2}:\d{2})$/.test(c) ? c : `${c}Z`;
    if (isIsoDate(c)) return `${c}T00:00:00Z`;
  }
  return mtime;
}

/**
 * How a plan task is kept in a task: title (cut at the model's limit; the whole one stays in
 * extra), details as the description, status, and in `extra` the source (format, id, file), the
 * parent link, the parallel, optional, requirement and user-story marks and every field the model
 * has no slot for. `sourceState` is what the source said at the last import, per task, so a
 * re-import can tell an edit made in the source from one made here.
 */
import { createHash } from 'node:crypto';
import { MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS } from '../../../domain/limits';
import type { TaskAddPayload } from '../../../domain/ops/constructors';
import type { MilestoneState, TaskState } from '../../../domain/types';
import type { PhaseTargets } from '../../../import/phaseSteps';
import type { PlanMilestone, PlanTask, SourceFormat } from '../../../import/plan';

export const SPEC_TASK_ID = 'spec';
export const SOURCE_STATE = 'sourceState';
/** Per source id, a short hash of the title and details the source had at the last import. */
export const SOURCE_TEXT = 'sourceText';

export function sourceIdOf(t: TaskState): string | null {
  const s = t.extra.source;
  return typeof s === 'object' && s !== null && typeof (s as Record<string, unknown>).id === 'string' ? (s as { id: string }).id : null;
}

/** Live tasks of a milestone by their source id. */
export function tasksBySource(m: MilestoneState): Map<string, TaskState> {
  const out = new Map<string, TaskState>();
  for (const t of m.tasks) {
    const id = t.deleted ? null : sourceIdOf(t);
    if (id !== null && !out.has(id)) out.set(id, t);
  }
  return out;
}

export function recordedStates(m: MilestoneState): Record<string, string> {
  const v = m.extra[SOURCE_STATE];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, string>) : {};
}

export function stateRecord(pm: PlanMilestone): Record<string, string> {
  return Object.fromEntries(pm.tasks.map((t) => [t.sourceId, t.status]));
}

/** The task's title and description as the model keeps them (cut at the limits). */
export function keptText(t: PlanTask): { title: string; description: string } {
  return { title: (t.title.trim() || t.sourceId).slice(0, MAX_TITLE_CHARS), description: t.details.slice(0, MAX_DESCRIPTION_CHARS) };
}

const digest = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** `title-hash/description-hash` per source id: what the source said, to tell its edits from ours. */
export function textRecord(pm: PlanMilestone): Record<string, string> {
  return Object.fromEntries(pm.tasks.map((t) => {
    const k = keptText(t);
    return [t.sourceId, `${digest(k.title)}/${digest(k.description)}`];
  }));
}

/** The title a plan milestone is created with. */
export function milestoneTitle(pm: PlanMilestone): string {
  return (pm.title.trim() || pm.key).slice(0, MAX_TITLE_CHARS);
}

/** The milestone's own title and description as the source had them (hashes, like sourceText). */
export const SOURCE_HEAD = 'sourceHead';

export function headRecord(title: string, description: string): string {
  return `${digest(title)}/${digest(description)}`;
}

/** Per document file, the git blob id it had at the last import (documents are phase deliverables). */
export const SOURCE_DOCUMENTS = 'sourceDocuments';

export function documentRecord(targets: PhaseTargets | null): Record<string, string> {
  return Object.fromEntries(Object.values(targets ?? {}).flatMap((t) => t.deliverables.map((d) => [d.path, d.blob])));
}

export function recordedTexts(m: MilestoneState): Record<string, string> | null {
  const v = m.extra[SOURCE_TEXT];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, string>) : null;
}

export function taskPayload(
  format: SourceFormat, t: PlanTask, nonce: string, parentId: string | undefined, dependsOn: string[] | undefined,
): Omit<TaskAddPayload, 'nonce'> & { nonce: string } {
  const { title } = keptText(t);
  const extra: Record<string, unknown> = {
    source: { format, id: t.sourceId, file: t.mark.file, ...(t.parent ? { parent: t.parent } : {}) },
    ...(parentId ? { parent: parentId } : {}),
    ...(t.parallel ? { parallel: true } : {}),
    ...(t.optional ? { optional: true } : {}),
    ...(t.requirements.length ? { requirements: t.requirements } : {}),
    ...(t.stories.length ? { stories: t.stories } : {}),
    ...(title !== t.title.trim() && t.title.trim() ? { sourceTitle: t.title } : {}),
    ...(Object.keys(t.fields).length ? { fields: t.fields } : {}),
  };
  return {
    title, nonce, status: t.status, extra,
    ...(t.details ? { description: t.details.slice(0, MAX_DESCRIPTION_CHARS) } : {}),
    ...(dependsOn && dependsOn.length ? { dependsOn } : {}),
  };
}

/**
 * A plan milestone not imported before → the operations of a new entity, stamped here (one time,
 * Lamport times from 1) so task ids are known and a dependency on a later task is one more
 * `task.depend`: milestone.create (the source alias' nonce), milestone.alias, task.add per task in
 * source order, task.depend, the specification task with its workflow and phases (documents as
 * deliverables, approvals as reviews), and milestone.archive for archived specs.
 */
import { createHash } from 'node:crypto';
import {
  milestoneAliasOp, milestoneArchiveOp, milestoneCreateOp, taskAddOp, taskDependOp, taskWorkflowOp, type MilestoneOpDraft,
} from '../../../domain/ops/constructors';
import { getHandler } from '../../../domain/ops/registry';
import type { Author, MilestoneState } from '../../../domain/types';
import { KIRO_WORKFLOW } from '../../../domain/workflow/builtin';
import { nextPhaseStep, type PhaseTargets } from '../../../import/phaseSteps';
import type { PlanMilestone, SourceFormat } from '../../../import/plan';
import { encodeOp, type EncodedOp } from '../../../legacy/toOps';
import {
  documentRecord, headRecord, milestoneTitle, SOURCE_HEAD, SOURCE_DOCUMENTS, SOURCE_STATE, SOURCE_TEXT, SPEC_TASK_ID, stateRecord, taskPayload, textRecord,
} from './taskPayload';

export interface NewEntityOps {
  create: EncodedOp;
  rest: EncodedOp[];
  notes: string[];
}

export const SPEC_OUTLINE = {
  name: KIRO_WORKFLOW.name,
  phases: KIRO_WORKFLOW.phases.map((p) => ({ name: p.name, weight: p.weight, needsApproval: p.needsApproval })),
};

export function specTaskTitle(pm: PlanMilestone): string {
  return `Specification: ${pm.title}`.slice(0, 1000);
}

export function createOps(
  format: SourceFormat, alias: string, pm: PlanMilestone, author: Author, time: string, targets: PhaseTargets | null,
): NewEntityOps {
  const nonce = createHash('sha256').update(`git-milestone ${format} import\n${alias}`).digest('hex').slice(0, 32);
  const create = encodeOp({
    ...milestoneCreateOp({
      title: milestoneTitle(pm), nonce,
      ...(pm.description ? { fields: { description: pm.description } } : {}),
      extra: { source: { format, key: pm.key }, ...pm.fields, [SOURCE_STATE]: stateRecord(pm), [SOURCE_TEXT]: textRecord(pm),
        [SOURCE_HEAD]: headRecord(milestoneTitle(pm), pm.description),
        ...(targets ? { [SOURCE_DOCUMENTS]: documentRecord(targets) } : {}) },
    }),
    author, time, lamport: 1,
  });
  let state: MilestoneState = getHandler(create.op.type).apply(null, create.op, create.hash);
  const rest: EncodedOp[] = [];
  const push = (d: MilestoneOpDraft): string => {
    const e = encodeOp({ ...d, author, time, lamport: rest.length + 2 });
    state = getHandler(e.op.type).apply(state, e.op, e.hash);
    rest.push(e);
    return e.hash;
  };
  push(milestoneAliasOp({ add: [alias] }));
  const ids = new Map<string, string>();
  const notes: string[] = [];
  const later: Array<{ task: string; deps: string[] }> = [];
  const known = new Set(pm.tasks.map((t) => t.sourceId));
  pm.tasks.forEach((t, i) => {
    const missing = t.deps.filter((d) => !known.has(d));
    if (missing.length) notes.push(`task ${t.sourceId}: dependencies not in this milestone kept in extra: ${missing.join(', ')}`);
    const deps = t.deps.filter((d) => known.has(d));
    const now = deps.filter((d) => ids.has(d)).map((d) => ids.get(d) as string);
    const parent = t.parent ? ids.get(t.parent) : undefined;
    const payload = taskPayload(format, t, `${nonce}-${i}`, parent, now);
    if (missing.length) (payload.extra as Record<string, unknown>).unresolvedDeps = missing;
    const id = push(taskAddOp(payload));
    ids.set(t.sourceId, id);
    const after = deps.filter((d) => !now.includes(ids.get(d) ?? ''));
    if (after.length) later.push({ task: id, deps: after });
  });
  for (const l of later) {
    const add = l.deps.map((d) => ids.get(d) as string).filter((d) => d !== l.task);
    if (add.length) push(taskDependOp({ task: l.task, add }));
  }
  if (pm.documents.length > 0 && targets) {
    const spec = push(taskAddOp({
      title: specTaskTitle(pm), nonce: `${nonce}-spec`, status: 'in_progress',
      extra: { source: { format, id: SPEC_TASK_ID, files: pm.documents.map((d) => d.file) } },
    }));
    push(taskWorkflowOp({ task: spec, workflow: SPEC_OUTLINE }));
    for (let step = 0; step < 12; step++) {
      const d = nextPhaseStep(state.tasks.find((t) => t.id === spec)!, targets);
      if (!d) break;
      push(d);
    }
  }
  if (pm.archived) push(milestoneArchiveOp({ archived: true }));
  return { create, rest, notes };
}

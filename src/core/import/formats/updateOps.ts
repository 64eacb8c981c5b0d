/**
 * A plan milestone imported before (its alias names a milestone) → what changed in the source
 * since: tasks that are new there (added, in source order, their dependencies in a second write
 * once their ids are known), tasks whose state changed there since the last import (the
 * recorded `sourceState` differs) and differs from ours, and titles or details edited there (the
 * hashes in `sourceText` differ) and not already the same here. An edit made only here is kept (the
 * export writes it back); an edit on both sides is one more status write, merged like any
 * concurrent edit. Phases advance from approvals that are new. Nothing changed: no write at all.
 */
import {
  milestoneSetExtraOp, milestoneSetOp, taskAddOp, taskDependOp, taskSetOp, taskStatusOp, type MilestoneOpDraft,
} from '../../../domain/ops/constructors';
import type { MilestoneState, TaskStatus } from '../../../domain/types';
import { nextPhaseStep, type PhaseTargets } from '../../../import/phaseSteps';
import type { PlanMilestone, PlanTask, SourceFormat } from '../../../import/plan';
import type { Context } from '../../context';
import { writeMilestone } from '../../milestoneAccess';
import {
  documentRecord, headRecord, keptText, milestoneTitle, recordedStates, recordedTexts, SOURCE_DOCUMENTS, SOURCE_HEAD, SOURCE_STATE,
  SOURCE_TEXT, SPEC_TASK_ID, stateRecord, taskPayload, tasksBySource, textRecord,
} from './taskPayload';

export interface UpdateDiff {
  added: PlanTask[];
  statuses: Array<{ task: string; status: TaskStatus }>;
  /** Titles and details edited in the source since the last import (and not the same here). */
  texts: Array<{ task: string; fields: { title?: string; description?: string } }>;
  /** The milestone's title or description edited in the source (a spec-kit spec.md heading…). */
  head: { title?: string; description?: string };
  /** Documents whose content changed since the last import (recorded; the phases stay as they are). */
  documents: string[];
  record: boolean;
  phases: boolean;
}

export function diffMilestone(s: MilestoneState, pm: PlanMilestone, targets: PhaseTargets | null): UpdateDiff {
  const mine = tasksBySource(s);
  const recorded = recordedStates(s);
  const added = pm.tasks.filter((t) => !mine.has(t.sourceId));
  const statuses: UpdateDiff['statuses'] = [];
  const texts: UpdateDiff['texts'] = [];
  const wasText = recordedTexts(s);
  const nowText = textRecord(pm);
  let record = added.length > 0 || wasText === null;
  for (const t of pm.tasks) {
    const have = mine.get(t.sourceId);
    if (!have) continue;
    const was = wasText?.[t.sourceId];
    if (wasText !== null && was !== nowText[t.sourceId]) {
      record = true;
      const [wt, wd] = (was ?? '/').split('/');
      const [nt, nd] = nowText[t.sourceId].split('/');
      const k = keptText(t);
      const fields = {
        ...(was !== undefined && wt !== nt && have.title !== k.title ? { title: k.title } : {}),
        ...(was !== undefined && wd !== nd && have.description !== k.description ? { description: k.description } : {}),
      };
      if (Object.keys(fields).length) texts.push({ task: have.id, fields });
    }
    if (recorded[t.sourceId] === t.status) continue;
    record = true;
    if (have.status !== t.status) statuses.push({ task: have.id, status: t.status });
  }
  const title = milestoneTitle(pm);
  const was = typeof s.extra[SOURCE_HEAD] === 'string' ? (s.extra[SOURCE_HEAD] as string) : undefined;
  const now = headRecord(title, pm.description);
  const [wt, wd] = (was ?? '/').split('/');
  const [nt, nd] = now.split('/');
  const head = {
    ...(was !== undefined && wt !== nt && s.title !== title ? { title } : {}),
    ...(was !== undefined && wd !== nd && s.description !== pm.description ? { description: pm.description } : {}),
  };
  if (was !== now) record = true;
  const docsWere = s.extra[SOURCE_DOCUMENTS] as Record<string, string> | undefined;
  const docs = documentRecord(targets);
  const documents = Object.keys(docs).filter((f) => docsWere !== undefined && docsWere[f] !== undefined && docsWere[f] !== docs[f]);
  const same = docsWere !== undefined && Object.keys(docsWere).length === Object.keys(docs).length
    && Object.keys(docs).every((f) => docsWere[f] === docs[f]);
  if (targets && !same) record = true;
  const spec = mine.get(SPEC_TASK_ID);
  const phases = Boolean(spec && targets && nextPhaseStep(spec, targets));
  return { added, statuses, texts, head, documents, record, phases };
}

export function hasChanges(d: UpdateDiff): boolean {
  return d.added.length > 0 || d.statuses.length > 0 || d.texts.length > 0 || d.record || d.phases;
}

export async function applyUpdate(
  ctx: Context, id: string, format: SourceFormat, pm: PlanMilestone, d: UpdateDiff, targets: PhaseTargets | null,
): Promise<MilestoneState> {
  let state: MilestoneState | null = null;
  if (d.added.length > 0 || d.statuses.length > 0 || d.texts.length > 0 || d.record) {
    const nonce = `${ctx.env.nonce()}`;
    const w = await writeMilestone(ctx, id, (s) => {
      const mine = tasksBySource(s);
      const out: MilestoneOpDraft[] = [...d.statuses.map((x) => taskStatusOp(x)), ...d.texts.map((x) => taskSetOp(x))];
      if (Object.keys(d.head).length) out.push(milestoneSetOp({ fields: d.head }));
      d.added.forEach((t, i) => {
        const deps = t.deps.map((dep) => mine.get(dep)?.id).filter((x): x is string => x !== undefined);
        out.push(taskAddOp(taskPayload(format, t, `${nonce}-${i}`, t.parent ? mine.get(t.parent)?.id : undefined, deps)));
      });
      const docs = targets ? { [SOURCE_DOCUMENTS]: documentRecord(targets) } : {};
      const head = { [SOURCE_HEAD]: headRecord(milestoneTitle(pm), pm.description) };
      out.push(milestoneSetExtraOp({ fields: { [SOURCE_STATE]: stateRecord(pm), [SOURCE_TEXT]: textRecord(pm), ...head, ...docs } }));
      return out;
    });
    state = w.state;
    const later = d.added.filter((t) => t.deps.some((dep) => d.added.some((a) => a.sourceId === dep)));
    if (later.length > 0) {
      state = (await writeMilestone(ctx, id, (s) => {
        const mine = tasksBySource(s);
        return later.flatMap((t) => {
          const me = mine.get(t.sourceId)?.id;
          const add = t.deps.map((dep) => mine.get(dep)?.id).filter((x): x is string => x !== undefined && x !== me);
          const have = new Set(s.tasks.find((x) => x.id === me)?.dependsOn ?? []);
          const fresh = add.filter((x) => !have.has(x));
          return me && fresh.length ? [taskDependOp({ task: me, add: fresh })] : [];
        });
      })).state;
    }
  }
  for (let step = 0; targets && step < 12; step++) {
    const w = await writeMilestone(ctx, id, (s) => {
      const spec = tasksBySource(s).get(SPEC_TASK_ID);
      const next = spec ? nextPhaseStep(spec, targets) : null;
      return next ? [next] : [];
    });
    state = w.state;
    if (w.hashes.length === 0) break;
  }
  return state as MilestoneState;
}

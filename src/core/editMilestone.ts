/**
 * `git milestone edit`: writes only what actually changes — one milestone.set for the scalar
 * fields, one milestone.label for labels — in a single operation pack. A field in conflict (two
 * clones wrote it concurrently) counts as changed even when given its shown value, so the edit
 * resolves the conflict. When nothing differs (a label already there, `--unlabel` of a missing
 * one), nothing is written and the result says `changed: false`. A dependency that would close
 * a cycle of milestones is refused with the cycle shown (DEPENDENCY_CYCLE), and nothing is written.
 * `workflow` (a known workflow's name, or `none`) is its own operation, milestone.workflow.
 */
import { hasConflict } from '../domain/conflicts';
import { findCycle } from '../domain/graph';
import { milestoneCycleError } from '../domain/milestoneCycle';
import {
  milestoneDependOp, milestoneLabelOp, milestoneSetOp, milestoneWorkflowOp, type MilestoneOpDraft,
} from '../domain/ops/constructors';
import { workflowOf } from '../domain/ops/milestoneWorkflow';
import { actorOf, milestoneStatusEvent } from '../domain/notify/events';
import { milestoneView, type MilestoneView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import type { Context } from './context';
import { milestoneGraph, type MilestoneGraph } from './milestoneGraph';
import { writeMilestone, type Changed } from './milestoneAccess';
import { emitEvents } from './notify/emit';
import { resolveMilestone } from './resolveMilestone';
import { findWorkflow } from './workflow/findWorkflow';

export interface EditMilestoneOptions {
  id: string;
  fields: Record<string, unknown>;
  addLabels?: string[];
  removeLabels?: string[];
  /** Other milestones this one depends on (ids, prefixes or aliases). */
  addDependsOn?: string[];
  removeDependsOn?: string[];
  /** The workflow its tasks follow by default, or `none`. */
  workflow?: string;
}

export async function editMilestone(ctx: Context, o: EditMilestoneOptions): Promise<Changed<MilestoneView>> {
  const id = await resolveMilestone(ctx, o.id);
  const given = Object.entries(o.fields).filter(([, v]) => v !== undefined);
  const addDeps = await Promise.all((o.addDependsOn ?? []).map((d) => resolveMilestone(ctx, d)));
  const removeDeps = await Promise.all((o.removeDependsOn ?? []).map((d) => resolveMilestone(ctx, d)));
  const lists = [o.addLabels, o.removeLabels, addDeps, removeDeps];
  if (given.length === 0 && lists.every((l) => !l?.length) && o.workflow === undefined) {
    throw new MilestoneError('USAGE', 'nothing to change', {
      hint: 'Give at least one of --title, --status, --label, --unlabel, --workflow, ... (see --help).',
    });
  }
  const workflow = o.workflow === undefined || o.workflow === 'none'
    ? o.workflow : findWorkflow(ctx, o.workflow).name;
  const graph = addDeps.length > 0 ? await milestoneGraph(ctx, addDeps) : null;
  let before: string | undefined;
  const { state, hashes } = await writeMilestone(ctx, id, (s) => {
    before = s.status;
    const drafts: MilestoneOpDraft[] = [];
    const current = s as unknown as Record<string, unknown>;
    const changed = Object.fromEntries(given.filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v) || hasConflict(s, k)));
    if (Object.keys(changed).length > 0) drafts.push(milestoneSetOp({ fields: changed }));
    const add = (o.addLabels ?? []).filter((l) => !s.labels.includes(l));
    const remove = (o.removeLabels ?? []).filter((l) => s.labels.includes(l));
    if (add.length > 0 || remove.length > 0) drafts.push(milestoneLabelOp({ add, remove }));
    const dAdd = addDeps.filter((d) => !s.dependsOn.includes(d));
    const dRemove = removeDeps.filter((d) => s.dependsOn.includes(d));
    if (graph && dAdd.length > 0) refuseCycle(graph, s.id, dAdd, s.title);
    if (dAdd.length > 0 || dRemove.length > 0) drafts.push(milestoneDependOp({ add: dAdd, remove: dRemove }));
    const named = workflow === 'none' ? null : workflow;
    if (named !== undefined && (named !== workflowOf(s) || hasConflict(s, 'workflow'))) {
      drafts.push(milestoneWorkflowOp({ workflow: named }));
    }
    return drafts;
  });
  if (before !== undefined && state.status !== before) {
    const m = { id: state.id, title: state.title, status: state.status };
    await emitEvents(ctx, [milestoneStatusEvent(m, before, actorOf(ctx.who().author))]);
  }
  return { ...milestoneView(state), changed: hashes.length > 0 };
}

/** Refuses new edges `id → add` when one of them closes a cycle (only new cycles: each uses one). */
function refuseCycle(graph: MilestoneGraph, id: string, add: string[], title: string): void {
  const edges = new Map(graph.edges);
  edges.set(id, add);
  const cycle = findCycle(edges, id);
  if (cycle) throw milestoneCycleError(cycle, (m) => (m === id ? title : graph.titles.get(m) ?? ''));
}

/**
 * The workflow policies every write of a milestone records (core/milestoneAccess.ts; the rules are
 * domain/workflow/policy.ts). Before the write, the milestone's current state says whether any
 * phase could be touched; only then are the settings read (and, for reapprove_on_change, the
 * approved deliverables hashed), so a write to a milestone without such phases pays one snapshot
 * read. `settle` records the due policy operations alone, for the use cases that decide on the
 * state after them (phase and review commands).
 */
import type { MilestoneOpDraft } from '../../domain/ops/constructors';
import type { MilestoneState } from '../../domain/types';
import {
  approvedDeliverablePaths, policyCandidate, policyDrafts, type PolicyInput,
} from '../../domain/workflow/policy';
import type { Context } from '../context';
import { currentBlobs } from './deliverables';
import { workflowSettings } from './workflowSettings';

export type WritePolicy = (state: MilestoneState) => MilestoneOpDraft[];

const NONE: WritePolicy = () => [];

async function currentState(ctx: Context, id: string): Promise<MilestoneState | null> {
  try {
    return (await ctx.milestones.read(id)).state;
  } catch {
    return null; // the write reports it (unknown, deleted, written by a newer release)
  }
}

export async function loadWritePolicy(ctx: Context, id: string): Promise<WritePolicy> {
  const state = await currentState(ctx, id);
  if (state === null || !policyCandidate(state)) return NONE;
  const settings = await workflowSettings(ctx);
  const input: PolicyInput = {
    now: ctx.env.clock(), autoApproveMs: settings.autoApproveMs, approvers: settings.approvers,
  };
  if (settings.reapproveOnChange && ctx.repo.workTree) {
    input.current = await currentBlobs(ctx, approvedDeliverablePaths(state));
  }
  return (s) => policyDrafts(s, input);
}

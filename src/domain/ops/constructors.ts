/**
 * The operation constructors use cases build drafts with (git-bug's `NewSetTitleOp`), one per
 * handler file, and `MilestoneOpDraft`, the union of what they return: a use case cannot hand the
 * engine a string-typed literal of an unknown type or with a misspelt member.
 */
import { milestoneAliasOp } from './milestoneAlias';
import { milestoneArchiveOp } from './milestoneArchive';
import { milestoneCreateOp } from './milestoneCreate';
import { milestoneDeleteOp } from './milestoneDelete';
import { milestoneDependOp } from './milestoneDepend';
import { milestoneLabelOp } from './milestoneLabel';
import { milestoneSetOp } from './milestoneSet';
import { milestoneSetExtraOp } from './milestoneSetExtra';
import { milestoneWorkflowOp } from './milestoneWorkflow';
import { phaseSetOp } from './phaseSet';
import { reviewAddOp } from './reviewAdd';
import { taskAddOp } from './taskAdd';
import { taskDependOp } from './taskDepend';
import { taskRemoveOp } from './taskRemove';
import { taskSetOp } from './taskSet';
import { taskStatusOp } from './taskStatus';
import { taskWorkflowOp } from './taskWorkflow';

export {
  milestoneAliasOp, milestoneArchiveOp, milestoneCreateOp, milestoneDeleteOp, milestoneDependOp, milestoneLabelOp,
  milestoneSetOp, milestoneSetExtraOp, taskAddOp, taskDependOp, taskRemoveOp, taskSetOp, taskStatusOp,
  taskWorkflowOp, phaseSetOp, reviewAddOp, milestoneWorkflowOp,
};
export type { MilestoneCreatePayload } from './milestoneCreate';
export type { TaskAddPayload } from './taskAdd';
export type { PhaseSetPayload } from './phaseSet';
export type { ReviewAddPayload } from './reviewAdd';
export type { TaskWorkflowPayload } from './taskWorkflow';

/** Any operation draft of a milestone log, as built by the constructors above. */
export type MilestoneOpDraft =
  | ReturnType<typeof milestoneCreateOp>
  | ReturnType<typeof milestoneSetOp>
  | ReturnType<typeof milestoneSetExtraOp>
  | ReturnType<typeof milestoneLabelOp>
  | ReturnType<typeof milestoneDependOp>
  | ReturnType<typeof milestoneAliasOp>
  | ReturnType<typeof milestoneArchiveOp>
  | ReturnType<typeof milestoneDeleteOp>
  | ReturnType<typeof taskAddOp>
  | ReturnType<typeof taskSetOp>
  | ReturnType<typeof taskStatusOp>
  | ReturnType<typeof taskDependOp>
  | ReturnType<typeof taskRemoveOp>
  | ReturnType<typeof taskWorkflowOp>
  | ReturnType<typeof phaseSetOp>
  | ReturnType<typeof reviewAddOp>
  | ReturnType<typeof milestoneWorkflowOp>;

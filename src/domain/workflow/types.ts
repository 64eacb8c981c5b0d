/**
 * A workflow: the phases a task goes through, in order, with their weights (summing to 100), whether
 * each needs approval and by whom, and the deliverables each phase produces. Pure data: the built-in
 * `kiro` workflow is defined in builtin.ts; custom ones are read from `.milestones/workflows/<name>.yaml`
 * by core/workflow and validated against schemas/workflow.schema.json.
 */

export interface DeliverableDef {
  /**
   * Work-tree path, may use {{milestone}}, {{task}} and {{phase}} (slugs); relative, inside the
   * work tree.
   */
  path: string;
  /** `phase submit` refuses a missing or empty required deliverable. */
  required: boolean;
  /** Text a missing deliverable is created from by `phase start` ({{variables}} filled in). */
  template?: string;
}

export interface PhaseDef {
  name: string;
  /** Percentage of the task's progress this phase carries; a workflow's weights sum to 100. */
  weight: number;
  /** Default gate; a milestone's gate or a task's setting overrides it. */
  needsApproval: boolean;
  /** Roles (settings `approval_workflow.roles.<role>`) that must each approve; empty: settings decide. */
  approvers: string[];
  deliverables: DeliverableDef[];
  /** How long the phase may stay open before it is overdue (e.g. `48h`, `3d`); none: settings decide. */
  timeout?: string;
}

export interface WorkflowDef {
  name: string;
  description?: string;
  phases: PhaseDef[];
  /** `builtin`, or the repository-relative path of the file that defined it. */
  source: string;
}

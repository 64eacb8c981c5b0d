/**
 * The settings the phased workflow reads, through the one settings loader:
 *  - approvers of a phase: `approval_workflow.<phase>_approvers` (roles, or emails directly), each
 *    role mapped to identities by `approval_workflow.roles.<role>: [email, …]`;
 *  - `approval_workflow.auto_approve_after` (e.g. `48h`; a number means hours);
 *  - `approval_workflow.reapprove_on_change`: an approved phase whose deliverable changes goes back
 *    to waiting_approval (domain/workflow/policy.ts);
 *  - `kiro_workflow.phase_timeout` (e.g. `3d`; a workflow file's phase timeout wins: phaseTimeouts.ts);
 *  - the default workflow: `workflow.default`, else `kiro` when `kiro_workflow.enabled`.
 * Read once per command (settings do not change while it runs).
 */
import type { ApproverRole } from '../../domain/workflow/phaseState';
import { parseDuration } from '../../domain/workflow/staleness';
import { isPlainObject, isStringArray } from '../../domain/values';
import { loadSettings } from '../config/loadSettings';
import type { Context } from '../context';

export interface WorkflowSettings {
  approvers(phase: string): ApproverRole[];
  autoApproveMs: number | null;
  reapproveOnChange: boolean;
  timeoutMs: number | null;
  defaultWorkflow: string | null;
}

const loaded = new WeakMap<Context, Promise<WorkflowSettings>>();

export function workflowSettings(ctx: Context): Promise<WorkflowSettings> {
  let p = loaded.get(ctx);
  if (!p) {
    p = readWorkflowSettings(ctx);
    loaded.set(ctx, p);
    p.catch(() => loaded.delete(ctx));
  }
  return p;
}

async function readWorkflowSettings(ctx: Context): Promise<WorkflowSettings> {
  const values = (await loadSettings(ctx)).values as Record<string, unknown>;
  const approval = isPlainObject(values.approval_workflow) ? values.approval_workflow : {};
  const kiro = isPlainObject(values.kiro_workflow) ? values.kiro_workflow : {};
  const workflow = isPlainObject(values.workflow) ? values.workflow : {};
  const roles = isPlainObject(approval.roles) ? approval.roles : {};
  return {
    approvers(phase) {
      const listed = approval[`${phase}_approvers`];
      if (!isStringArray(listed)) return [];
      return listed.map((role) => {
        const emails = roles[role];
        if (isStringArray(emails)) return { role, emails };
        return { role, emails: role.includes('@') ? [role] : [] };
      });
    },
    autoApproveMs: parseDuration(approval.auto_approve_after),
    reapproveOnChange: approval.reapprove_on_change === true,
    timeoutMs: parseDuration(kiro.phase_timeout),
    defaultWorkflow: typeof workflow.default === 'string' ? workflow.default
      : kiro.enabled === true ? 'kiro' : null,
  };
}

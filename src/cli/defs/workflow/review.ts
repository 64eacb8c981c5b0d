/** `git milestone review TASK --approve|--reject|--request-changes [-m TEXT]`, `review --pending|--mine`. */
import { pendingReviews, type PendingEntry } from '../../../core/workflow/pendingReviews';
import { reviewPhase } from '../../../core/workflow/reviewPhase';
import type { TaskView } from '../../../domain/views';
import type { ReviewDecision } from '../../../domain/workflow/phaseState';
import { BACKENDS } from '../../../domain/scaleDecision';
import { MilestoneError } from '../../../errors/MilestoneError';
import type { CommandDef } from '../../CommandDef';
import { oneLine, short } from '../../format';
import { phasesText } from './phaseText';

type Result = TaskView | PendingEntry[];

function decisionOf(flags: Record<string, unknown>): ReviewDecision | null {
  const given = (['approve', 'reject', 'request-changes'] as const).filter((f) => flags[f]);
  if (given.length > 1) {
    const got = given.map((g) => `--${g}`).join(' ');
    throw new MilestoneError('USAGE', `give one of --approve, --reject, --request-changes (got ${got})`);
  }
  return given.length === 0 ? null : given[0] === 'request-changes' ? 'request_changes' : given[0];
}

function pendingText(list: PendingEntry[]): string {
  if (list.length === 0) return 'No phase is waiting for a review.';
  return list.map((e) => [
    `${short(e.task)} ${e.phase.padEnd(8)} since ${e.since}  ${oneLine(e.title)}`
      + `  (milestone ${short(e.milestoneId)})`,
    ...(e.reviewers.length ? [`    waiting for ${e.reviewers.join(', ')}`] : []),
    ...(e.stale ? [`    changed since submitted: ${e.changed.join(', ')}`] : []),
  ].join('\n')).join('\n');
}

const def: CommandDef<Result> = {
  summary: 'Review a phase waiting for approval, or list the phases waiting (--pending, --mine).',
  description: `The reviewer is the git identity running the command (GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL,
else user.name/user.email); it must act for a role the phase needs (approval_workflow.roles.<role>,
approval_workflow.<phase>_approvers). Every listed role must approve; one rejection blocks the
phase; --request-changes sends it back to in_progress. An approval binds to the deliverables' blob
ids as submitted: a later edit marks it stale (and, with approval_workflow.reapprove_on_change,
sends the phase back to waiting_approval).`,
  examples: [
    'git milestone review 9c1e --approve',
    'git milestone review 9c1e --reject -m "the API section is missing"',
    'git milestone review 9c1e --request-changes --phase spec -m "split the parser part"',
    'git milestone review --pending --json',
    'git milestone review --mine',
  ],
  args: [{ name: 'task', description: 'Task id or unique prefix (not with --pending or --mine).' }],
  flags: {
    approve: { type: 'boolean', description: 'Approve the phase.' },
    reject: { type: 'boolean', description: 'Reject the phase (it stays rejected until reopened).' },
    'request-changes': {
      type: 'boolean', description: 'Ask for changes (the phase goes back to in_progress).',
    },
    message: { type: 'string', char: 'm', description: 'A comment recorded with the review.' },
    phase: { type: 'string', description: 'The phase (default: the task\'s phase waiting for review).' },
    pending: { type: 'boolean', description: 'List every phase waiting for a review.' },
    mine: { type: 'boolean', description: 'List the phases waiting for my review.' },
    backend: { type: 'string', options: BACKENDS, description: 'With --pending/--mine: read this index.' },
  },
  execute: (ctx, input) => {
    const decision = decisionOf(input.flags);
    const listing = Boolean(input.flags.pending || input.flags.mine);
    if (listing) {
      if (decision || input.args.task) {
        const message = '--pending and --mine list reviews; give no task and no decision with them';
        throw new MilestoneError('USAGE', message);
      }
      const backend = input.flags.backend as string | undefined;
      return pendingReviews(ctx, { mine: Boolean(input.flags.mine), backend });
    }
    if (!input.args.task) {
      throw new MilestoneError('USAGE', 'name the task to review, or give --pending or --mine');
    }
    if (!decision) {
      throw new MilestoneError('USAGE', 'give one of --approve, --reject, --request-changes', {
        hint: 'Or list what waits: `git milestone review --pending`.',
      });
    }
    const phase = input.flags.phase as string | undefined;
    const message = input.flags.message as string | undefined;
    return reviewPhase(ctx, { task: input.args.task, decision, phase, message });
  },
  text: (r) => (Array.isArray(r)
    ? pendingText(r)
    : `Task ${short(r.id)} ${oneLine(r.title)} (${r.progress}%)\n${phasesText(r)}`),
};
export default def;

/** `git milestone phase start|submit|complete|block|reopen TASK [PHASE]` */
import { changePhase } from '../../../core/workflow/changePhase';
import type { TaskView } from '../../../domain/views';
import type { PhaseAction } from '../../../domain/workflow/machine';
import type { CommandDef } from '../../CommandDef';
import { oneLine, short } from '../../format';
import { parseGates } from '../../../domain/workflow/outline';
import { withFencing } from '../claim/fencingFlag';
import { phasesText } from './phaseText';

const SUMMARY: Record<PhaseAction, string> = {
  start: 'Start a phase of a task (the previous one must be done); '
    + 'creates missing deliverables from the template.',
  submit: 'Submit a phase: records its deliverables\' blob ids and asks for review '
    + '(a phase without a gate completes).',
  complete: 'Complete a phase that needs no approval.',
  block: 'Mark a phase blocked.',
  reopen: 'Reopen a phase (completed, approved, rejected, blocked or waiting) to in_progress.',
};

const START_FLAGS: CommandDef<TaskView>['flags'] = {
  workflow: {
    type: 'string',
    description: 'Workflow to attach when the task follows none '
      + '(default: the milestone\'s, else settings, else kiro).',
  },
  gate: {
    type: 'string', multiple: true,
    description: 'PHASE=yes|no when attaching the workflow: whether that phase needs approval for this task.',
  },
};

function phaseDef(action: PhaseAction): CommandDef<TaskView> {
  return withFencing({
    summary: SUMMARY[action],
    description: `PHASE defaults to the task's current phase. Deliverables default to
docs/milestones/<milestone-slug>/<task-slug>/<phase>.md; --deliverable names others (paths inside
the work tree).`,
    examples: [
      `git milestone phase ${action} 9c1e`,
      `git milestone phase ${action} 9c1e spec --json`,
      ...(action === 'submit' ? ['git milestone phase submit 9c1e design --deliverable docs/design.md'] : []),
      ...(action === 'start' ? ['git milestone phase start 9c1e --workflow kiro --gate spec=no'] : []),
    ],
    args: [
      { name: 'task', description: 'Task id or unique prefix.', required: true },
      { name: 'phase', description: 'Phase name (default: the current one).' },
    ],
    flags: {
      deliverable: {
        type: 'string', multiple: true,
        description: 'A deliverable path, relative to the work tree (repeatable).',
      },
      ...(action === 'start' ? START_FLAGS : {}),
    },
    needsWorkTree: action === 'start' || action === 'submit' || action === 'complete',
    execute: (ctx, input) => changePhase(ctx, {
      task: input.args.task as string,
      phase: input.args.phase,
      action,
      deliverables: input.flags.deliverable as string[] | undefined,
      workflow: input.flags.workflow as string | undefined,
      gates: parseGates((input.flags.gate as string[] | undefined) ?? []),
    }),
    text: (t) => `Task ${short(t.id)} ${oneLine(t.title)} (${t.progress}%)\n${phasesText(t)}`,
  });
}

export const phaseStart = phaseDef('start');
export const phaseSubmit = phaseDef('submit');
export const phaseComplete = phaseDef('complete');
export const phaseBlock = phaseDef('block');
export const phaseReopen = phaseDef('reopen');
export const PHASE_DEFS = [phaseStart, phaseSubmit, phaseComplete, phaseBlock, phaseReopen];

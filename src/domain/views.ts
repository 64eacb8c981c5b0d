/**
 * JSON-ready views of a milestone and its tasks, used by `show`, `task show` and `--json` output.
 * Views are deep copies: a caller may change them without touching the state. Removed tasks are
 * left out of a milestone's view; progress is an integer 0-100. `conflicts` lists fields holding
 * concurrent values from different clones (conflicts.ts); empty unless a merge produced some.
 */
import { blockerOf, type Blocker } from './execute/blocker';
import { conflictsOf, type FieldConflict } from './conflicts';
import { phaseWeights, milestoneProgress, taskProgress } from './progress';
import { headline } from './summary';
import type { MilestoneState, TaskState } from './types';
import { workflowOf } from './ops/milestoneWorkflow';
import { copyJson, shortId } from './values';
import { phaseViews, type Lens, type PhaseView } from './workflow/phaseView';

/** A task as `task show --json` prints it: its state without the tombstone flag, plus context. */
export type TaskView = Omit<TaskState, 'deleted' | 'workflow'> & {
  shortId: string;
  milestoneId: string;
  progress: number;
  /** This task's fields holding concurrent values (conflicts.ts). */
  conflicts: Array<Omit<FieldConflict, 'task'>>;
  /** The workflow the task follows (null: none) and its phases in workflow order. */
  workflow: string | null;
  phases: PhaseView[];
  /** Why the task is blocked, when recorded (`execute`'s blockers); null otherwise. */
  blocker: Blocker | null;
};

/** A milestone as `show --json` prints it: its state without fold bookkeeping, with live tasks. */
export type MilestoneView = Omit<MilestoneState, 'tasks' | 'clock' | 'opCount' | 'heads' | 'tags' | 'workflow'> & {
  /** The workflow its tasks follow by default (null: none). */
  workflow: string | null;
  shortId: string;
  progress: number;
  /** Fields (its own and its tasks') holding concurrent values (conflicts.ts). */
  conflicts: FieldConflict[];
  tasks: TaskView[];
};

export function taskView(task: TaskState, milestone: MilestoneState, lens?: Lens): TaskView {
  return copyJson({
    id: task.id,
    shortId: shortId(task.id),
    milestoneId: milestone.id,
    title: task.title,
    description: task.description,
    status: task.status,
    assignee: task.assignee,
    estimatedHours: task.estimatedHours,
    dependsOn: task.dependsOn,
    startedAt: task.startedAt,
    completedAt: task.completedAt,
    progress: Math.round(taskProgress(task, phaseWeights(milestone))),
    created: task.created,
    updated: task.updated,
    extra: task.extra,
    conflicts: conflictsOf(milestone).filter((c) => c.task === task.id).map(({ field, values }) => ({ field, values })),
    workflow: task.workflow?.name ?? null,
    phases: phaseViews(task, lens),
    blocker: blockerOf(milestone, task.id),
  });
}

export function milestoneView(state: MilestoneState): MilestoneView {
  const view: Omit<MilestoneView, 'tasks'> = copyJson({
    ...headline(state),
    labels: state.labels,
    startDate: state.startDate,
    dueDate: state.dueDate,
    estimatedHours: state.estimatedHours,
    progress: milestoneProgress(state),
    successCriteria: state.successCriteria,
    deliverables: state.deliverables,
    risks: state.risks,
    resources: state.resources,
    dependsOn: state.dependsOn,
    aliases: state.aliases,
    archived: state.archived,
    deleted: state.deleted,
    extra: state.extra,
    workflow: workflowOf(state),
    created: state.created,
    updated: state.updated,
    conflicts: conflictsOf(state),
  });
  return { ...view, tasks: state.tasks.filter((t) => !t.deleted).map((t) => taskView(t, state)) };
}

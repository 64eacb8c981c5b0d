/**
 * JSON-ready views of a milestone and its tasks, used by `show`, `task show` and `--json` output.
 * Views are deep copies: a caller may change them without touching the state. Removed tasks are
 * left out of a milestone's view; progress is an integer 0-100.
 */
import { phaseWeights, milestoneProgress, taskProgress } from './progress';
import type { MilestoneState, MilestoneStatus, Priority, Stamp, TaskState, TaskStatus } from './types';
import { copyJson, shortId } from './values';

export interface TaskView {
  id: string;
  shortId: string;
  milestoneId: string;
  title: string;
  description: string;
  status: TaskStatus;
  assignee: string | null;
  estimatedHours: number | null;
  dependsOn: string[];
  startedAt: string | null;
  completedAt: string | null;
  progress: number;
  created: Stamp;
  updated: Stamp;
  extra: Record<string, unknown>;
}

export interface MilestoneView {
  id: string;
  shortId: string;
  title: string;
  description: string;
  status: MilestoneStatus;
  priority: Priority | null;
  category: string | null;
  labels: string[];
  startDate: string | null;
  dueDate: string | null;
  estimatedHours: number | null;
  progress: number;
  successCriteria: string[];
  deliverables: unknown[];
  risks: unknown[];
  resources: Record<string, unknown>;
  dependsOn: string[];
  aliases: string[];
  archived: boolean;
  deleted: boolean;
  extra: Record<string, unknown>;
  created: Stamp;
  updated: Stamp;
  tasks: TaskView[];
}

export function taskView(task: TaskState, milestone: MilestoneState): TaskView {
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
  });
}

export function milestoneView(state: MilestoneState): MilestoneView {
  const view: Omit<MilestoneView, 'tasks'> = copyJson({
    id: state.id,
    shortId: shortId(state.id),
    title: state.title,
    description: state.description,
    status: state.status,
    priority: state.priority,
    category: state.category,
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
    created: state.created,
    updated: state.updated,
  });
  return { ...view, tasks: state.tasks.filter((t) => !t.deleted).map((t) => taskView(t, state)) };
}

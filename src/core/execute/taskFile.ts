/**
 * The context an agent gets: environment variables MILESTONE_ID, MILESTONE_TASK_ID,
 * MILESTONE_PHASE, MILESTONE_SESSION_ID and MILESTONE_TASK_FILE, the path of a JSON file with the
 * task, its phase, its deliverables and its dependencies' results (status, branch, completion).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MilestoneState, TaskState } from '../../domain/types';
import { writeFileAtomic } from '../../env/atomicWrite';
import type { GitSettings } from '../git/gitSettings';
import { taskBranch } from './worktrees';

export interface AgentContext {
  milestone: MilestoneState;
  task: TaskState;
  phase: string | null;
  deliverables: string[];
  session: string;
  worktree: string;
  branch: string | null;
}

export function taskFileJson(c: AgentContext, settings: GitSettings): Record<string, unknown> {
  const byId = new Map(c.milestone.tasks.map((t) => [t.id, t]));
  const deps = c.task.dependsOn.map((id) => byId.get(id)).filter((d): d is TaskState => d !== undefined && !d.deleted);
  return {
    version: 1,
    session: c.session,
    milestone: { id: c.milestone.id, title: c.milestone.title, description: c.milestone.description },
    task: { id: c.task.id, title: c.task.title, description: c.task.description, status: c.task.status, estimatedHours: c.task.estimatedHours },
    phase: c.phase,
    deliverables: c.deliverables,
    worktree: c.worktree,
    branch: c.branch,
    dependencies: deps.map((d) => ({
      id: d.id, title: d.title, status: d.status, completedAt: d.completedAt, branch: taskBranch(settings, c.milestone, d),
    })),
  };
}

/** Writes the task file and returns the agent's environment. */
export function agentEnv(
  base: Readonly<Record<string, string | undefined>>, file: string, c: AgentContext, settings: GitSettings,
): Record<string, string | undefined> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(taskFileJson(c, settings), null, 2)}\n`);
  return {
    ...base,
    MILESTONE_ID: c.milestone.id,
    MILESTONE_TASK_ID: c.task.id,
    MILESTONE_PHASE: c.phase ?? '',
    MILESTONE_SESSION_ID: c.session,
    MILESTONE_TASK_FILE: file,
  };
}

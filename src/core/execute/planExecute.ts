/**
 * `execute --dry-run`: the schedule in rounds, with each task's branch, and the settings a run
 * would use (the agent command included, refused as a run would be when untrusted). Nothing runs,
 * nothing is written.
 */
import { planRounds } from '../../domain/execute/plan';
import { loadSettings } from '../config/loadSettings';
import type { Context } from '../context';
import { gitSettingsFromTree } from '../git/gitSettings';
import { readMilestone } from '../milestoneAccess';
import { resolveMilestone } from '../resolveMilestone';
import { executeSettings, type ExecuteFlags } from './executeSettings';
import { taskBranch } from './worktrees';

export interface ExecutePlanView {
  milestone: string;
  coordination: string;
  agents: number;
  command: string | null;
  verify: string | null;
  rounds: Array<{ round: number; tasks: Array<{ task: string; title: string; branch: string | null }> }>;
  waiting: string[];
}

export async function planExecute(ctx: Context, o: ExecuteFlags & { milestone: string }): Promise<ExecutePlanView> {
  const settings = await executeSettings(ctx, o);
  const git = gitSettingsFromTree((await loadSettings(ctx)).values);
  const m = await readMilestone(ctx, await resolveMilestone(ctx, o.milestone));
  const live = m.tasks.filter((t) => !t.deleted);
  const plan = planRounds(live.map((t) => ({ id: t.id, dependsOn: t.dependsOn, status: t.status })), settings.coordination, settings.agents);
  const byId = new Map(live.map((t) => [t.id, t]));
  return {
    milestone: m.id,
    coordination: settings.coordination,
    agents: settings.agents,
    command: settings.command,
    verify: settings.verify,
    rounds: plan.rounds.map((r) => ({
      round: r.round,
      tasks: r.tasks.map((id) => ({
        task: id, title: byId.get(id)!.title, branch: settings.coordination === 'simple' ? null : taskBranch(git, m, byId.get(id)!),
      })),
    })),
    waiting: plan.waiting,
  };
}

/**
 * `execute --dry-run`: the schedule as it would run if every task succeeded, in rounds. Each round
 * starts what is startable (schedule.ts) with the agents free; its tasks finish and merge before
 * the next round. Tasks that can never start (a dependency blocked, or on a cycle) are `waiting`.
 */
import { startable, type Coordination, type SchedTask } from './schedule';

export interface PlanRound {
  round: number;
  tasks: string[];
}

export interface ExecutePlan {
  rounds: PlanRound[];
  /** Open tasks no round reaches: a dependency that is blocked, or a cycle. */
  waiting: string[];
}

export function planRounds(tasks: readonly SchedTask[], mode: Coordination, agents: number): ExecutePlan {
  const state = new Map(tasks.map((t) => [t.id, { ...t }]));
  const rounds: PlanRound[] = [];
  const empty = new Set<string>();
  const resumable = new Set(tasks.filter((t) => t.status === 'in_progress').map((t) => t.id));
  for (;;) {
    const list = [...state.values()];
    const next = startable(list, { running: empty, unmerged: empty, skip: empty, resumable }, mode, agents);
    if (next.length === 0) break;
    rounds.push({ round: rounds.length + 1, tasks: next });
    for (const id of next) (state.get(id) as SchedTask).status = 'completed';
  }
  const waiting = [...state.values()].filter((t) => t.status === 'pending' || t.status === 'in_progress').map((t) => t.id);
  return { rounds, waiting };
}

/**
 * The executor's scheduler, pure: which tasks may start now, which finished ones may merge, and
 * what a failure leads to. It sees the milestone's tasks (id, dependencies, status) and what this
 * run is doing with them; the use case (core/execute/runExecute.ts) does the I/O.
 *
 *  - parallel:   up to `agents` tasks at once, each in its own worktree on its own branch;
 *  - sequential: one task at a time, in dependency order, still in its own worktree;
 *  - simple:     one task at a time in the user's own work tree, on its current branch (no merge).
 *
 * A task is startable when it is pending (or in progress and being resumed by this run), every
 * dependency is completed or cancelled, and no dependency finished in this run still waits to be
 * merged back: a dependent's worktree starts from a HEAD that holds its dependencies' results.
 */
export const COORDINATIONS = ['parallel', 'sequential', 'simple'] as const;
export type Coordination = (typeof COORDINATIONS)[number];

export interface SchedTask {
  id: string;
  dependsOn: string[];
  status: string;
}

export interface RunState {
  /** Tasks an agent works on now. */
  running: ReadonlySet<string>;
  /** Finished here, waiting to be merged back (dependents wait for the merge). */
  unmerged: ReadonlySet<string>;
  /** Not to be started by this run: held by another claim, blocked here, given up. */
  skip: ReadonlySet<string>;
  /** In progress from an interrupted run of this session: they may start again. */
  resumable: ReadonlySet<string>;
}

const DONE = new Set(['completed', 'cancelled']);

export function capacity(mode: Coordination, agents: number): number {
  return mode === 'parallel' ? Math.max(1, agents) : 1;
}

/** Whether every dependency is done and merged (dependencies on unknown tasks are ignored). */
export function depsSatisfied(task: SchedTask, byId: ReadonlyMap<string, SchedTask>, unmerged: ReadonlySet<string>): boolean {
  return task.dependsOn.every((d) => {
    const dep = byId.get(d);
    return dep === undefined || (DONE.has(dep.status) && !unmerged.has(d));
  });
}

/** The tasks to start now, in creation order, at most the free agents. */
export function startable(tasks: readonly SchedTask[], run: RunState, mode: Coordination, agents: number): string[] {
  const free = capacity(mode, agents) - run.running.size;
  if (free <= 0) return [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const out: string[] = [];
  for (const t of tasks) {
    if (out.length >= free) break;
    if (run.running.has(t.id) || run.skip.has(t.id)) continue;
    const open = t.status === 'pending' || (t.status === 'in_progress' && run.resumable.has(t.id));
    if (open && depsSatisfied(t, byId, run.unmerged)) out.push(t.id);
  }
  return out;
}

/** The finished tasks that may merge now, dependencies first (creation order among equals). */
export function mergeOrder(tasks: readonly SchedTask[], unmerged: ReadonlySet<string>): string[] {
  const pending = new Set(unmerged);
  const out: string[] = [];
  for (let moved = true; moved; ) {
    moved = false;
    for (const t of tasks) {
      if (!pending.has(t.id) || t.dependsOn.some((d) => pending.has(d))) continue;
      pending.delete(t.id);
      out.push(t.id);
      moved = true;
    }
  }
  return out;
}

/** After a failed attempt (`attempts` made so far): try again, or block the task. */
export function afterFailure(attempts: number, maxRetries: number): 'retry' | 'block' {
  return attempts <= maxRetries ? 'retry' : 'block';
}

/** Whether the run is over: nothing runs and nothing more can start. */
export function finished(tasks: readonly SchedTask[], run: RunState, mode: Coordination, agents: number): boolean {
  return run.running.size === 0 && startable(tasks, run, mode, agents).length === 0;
}

/**
 * Dependency cycles between milestones (`edit --depends-on`). Unlike task dependencies, which
 * stay inside one milestone's log, these span several logs: the use case gathers the graph and
 * this file names the cycle. The error has the shape of the task one (ops/taskDepend.ts):
 * DEPENDENCY_CYCLE, `dependency cycle: 1a2b3c4d → 5e6f7a8b → 1a2b3c4d`, full ids in `data.cycle`,
 * titles in `data.titles`. Merged histories may still hold a cycle (two clones each adding one
 * edge); `show` and `doctor` report it, and nothing else depends on the graph being acyclic.
 */
import { MilestoneError } from '../errors/MilestoneError';
import { findCycle, nodesOnCycles, type Edges } from './graph';
import { shortId } from './values';

/** The DEPENDENCY_CYCLE error for a closed path of milestone ids. */
export function milestoneCycleError(cycle: string[], titleOf: (id: string) => string): MilestoneError {
  const drop = cycle.length > 2
    ? `git milestone edit ${shortId(cycle[1])} --no-depends-on ${shortId(cycle[2])}` : '';
  return new MilestoneError('DEPENDENCY_CYCLE', `dependency cycle: ${cycle.map(shortId).join(' → ')}`, {
    hint: drop
      ? `Remove one of the dependencies on this path first (e.g. \`${drop}\`), or leave this one out.`
      : 'A milestone cannot depend on itself.',
    data: { cycle, titles: cycle.map(titleOf) },
  });
}

/** One cycle per group of milestones that lie on cycles, each as a closed path; [] when acyclic. */
export function milestoneCycles(edges: Edges): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const node of nodesOnCycles(edges)) {
    if (seen.has(node)) continue;
    const cycle = findCycle(edges, node) as string[];
    cycle.forEach((n) => seen.add(n));
    out.push(cycle);
  }
  return out;
}

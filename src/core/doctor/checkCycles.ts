/**
 * Doctor's look for dependency cycles. Writes refuse them, but two clones can each add one edge
 * and the merge closes a cycle; nothing breaks (`next` says which tasks are `in a dependency
 * cycle`, `show` names a milestone's), so each cycle is a warning with the edit that breaks it.
 * Fed one milestone at a time by checkEntities, so it keeps only ids, titles and edges.
 */
import { findCycle } from '../../domain/graph';
import { milestoneCycles } from '../../domain/milestoneCycle';
import type { MilestoneState } from '../../domain/types';
import { shortId } from '../../domain/values';
import type { DoctorProblem } from './types';

const path = (cycle: string[]): string => cycle.map(shortId).join(' → ');

export class CycleCheck {
  private readonly deps = new Map<string, string[]>();
  private readonly byAlias = new Map<string, string[]>();
  private readonly problems: DoctorProblem[] = [];

  add(state: MilestoneState, ref: string): void {
    if (state.deleted) return;
    this.deps.set(state.id, state.dependsOn);
    for (const a of state.aliases) this.byAlias.set(a, [...(this.byAlias.get(a) ?? []), state.id]);
    const live = state.tasks.filter((t) => !t.deleted);
    const ids = new Set(live.map((t) => t.id));
    const cycle = findCycle(new Map(live.map((t) => [t.id, t.dependsOn.filter((d) => ids.has(d))])));
    if (!cycle) return;
    this.problems.push({
      check: 'entities', severity: 'warning', ref, fixable: false,
      message: `milestone ${shortId(state.id)}: task dependency cycle ${path(cycle)} (concurrent edits merged)`,
      hint: `These tasks wait for each other: \`git milestone dep rm ${shortId(cycle[0])} ${shortId(cycle[1])}\``
        + ' breaks it.',
    });
  }

  finish(): DoctorProblem[] {
    const resolve = (d: string): string | undefined => {
      if (this.deps.has(d)) return d;
      const ids = this.byAlias.get(d);
      return ids?.length === 1 ? ids[0] : undefined;
    };
    const known = (d: string | undefined): d is string => d !== undefined;
    const edges = new Map([...this.deps].map(([id, deps]) => [id, deps.map(resolve).filter(known)]));
    for (const cycle of milestoneCycles(edges)) {
      this.problems.push({
        check: 'entities', severity: 'warning', fixable: false,
        message: `milestone dependency cycle ${path(cycle)} (concurrent edits merged)`,
        hint: `Break it with \`git milestone edit ${shortId(cycle[0])} --no-depends-on ${shortId(cycle[1])}\`;`
          + ` \`git milestone show ${shortId(cycle[0])}\` shows it.`,
      });
    }
    return this.problems;
  }
}

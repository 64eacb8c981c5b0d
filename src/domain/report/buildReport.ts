/** A whole report from the milestones' histories: each figure by its own function beside this file. */
import type { FoldOptions } from '../types';
import { burndownOf } from './burndown';
import { completionsOf } from './completions';
import { cycleTimeOf } from './cycleTime';
import { leadTimeOf } from './leadTime';
import { progressOf } from './progress';
import { throughputOf } from './throughput';
import type { Report, ReportSource } from './types';
import { velocityOf } from './velocity';

export function buildReport(sources: readonly ReportSource[], now: number, options: FoldOptions = {}): Report {
  const live = sources.filter((s) => !s.state.deleted);
  const completions = completionsOf(live);
  let from = now;
  for (const s of live) for (const o of s.ops) from = Math.min(from, Date.parse(o.op.time) || from);
  return {
    milestones: live.map((s) => ({ id: s.id, title: s.state.title, dueDate: s.state.dueDate })),
    generatedAt: new Date(now).toISOString(),
    progress: progressOf(live.map((s) => s.state)),
    burndown: burndownOf(live, from, now, options),
    velocity: velocityOf(completions, from, now),
    cycleTime: cycleTimeOf(completions),
    leadTime: leadTimeOf(completions),
    throughput: throughputOf(completions, from, now),
  };
}

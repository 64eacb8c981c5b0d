import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PHASE_WEIGHTS, milestoneProgress, phaseCredit, phasedProgress, phaseWeights, taskPhases, taskProgress,
} from '../../../src/domain/progress';
import type { TaskState } from '../../../src/domain/types';
import { Log } from './build';

function withTasks(statuses: string[], milestoneStatus?: string): Log {
  const log = new Log();
  log.create('M', milestoneStatus ? { fields: { status: milestoneStatus } } : {});
  for (const status of statuses) log.task(`t-${status}`, { status });
  return log;
}

describe('task progress outside the workflow', () => {
  it('is 100 completed, 50 in_progress, 0 otherwise', () => {
    const log = withTasks(['completed', 'in_progress', 'pending', 'blocked', 'cancelled']);
    expect(log.s.tasks.map((t) => taskProgress(t))).toEqual([100, 50, 0, 0, 0]);
  });
});

describe('milestone progress', () => {
  it('is the rounded mean of live, non-cancelled tasks', () => {
    expect(milestoneProgress(withTasks(['completed', 'in_progress', 'pending']).s)).toBe(50);
    expect(milestoneProgress(withTasks(['completed', 'pending', 'pending']).s)).toBe(33);
    expect(milestoneProgress(withTasks(['completed', 'completed', 'pending']).s)).toBe(67);
    expect(milestoneProgress(withTasks(['completed', 'cancelled']).s)).toBe(100);
    expect(milestoneProgress(withTasks(['in_progress', 'pending', 'pending', 'pending']).s)).toBe(13); // 12.5 rounds up
  });

  it('leaves removed tasks out', () => {
    const log = withTasks(['completed', 'pending']);
    log.write('task.remove', { task: log.s.tasks[1].id });
    expect(milestoneProgress(log.s)).toBe(100);
  });

  it('with no counted task: 0, or 100 when the milestone is completed', () => {
    expect(milestoneProgress(withTasks([]).s)).toBe(0);
    expect(milestoneProgress(withTasks(['cancelled']).s)).toBe(0);
    expect(milestoneProgress(withTasks([], 'completed').s)).toBe(100);
    expect(milestoneProgress(withTasks(['pending'], 'completed').s)).toBe(0);
  });
});

describe('phased ("Kiro") workflow', () => {
  it('credits each phase status as the legacy system did', () => {
    const credits = ['completed', 'approved', 'waiting_approval', 'in_progress', 'blocked', 'pending', 'rejected', 'changes_requested', 'nonsense']
      .map(phaseCredit);
    expect(credits).toEqual([100, 100, 90, 60, 30, 0, 0, 0, 0]);
    expect(phaseCredit({ status: 'approved', approved_by: 'x' })).toBe(100);
    expect(phaseCredit(undefined)).toBe(0);
  });

  it('is Σ credit × weight / 100 with the default weights 15/25/20/40', () => {
    expect(DEFAULT_PHASE_WEIGHTS).toEqual({ design: 15, spec: 25, task: 20, execute: 40 });
    // design done (15) + spec waiting approval (0.9 × 25) + task in progress (0.6 × 20) + execute pending.
    expect(phasedProgress({ design: 'completed', spec: 'waiting_approval', task: 'in_progress', execute: 'pending' })).toBeCloseTo(49.5, 10);
    expect(phasedProgress({ design: { status: 'approved' }, spec: { status: 'blocked' } })).toBeCloseTo(22.5, 10);
    expect(phasedProgress({ design: 'completed', spec: 'approved', task: 'completed', execute: 'completed' })).toBe(100);
    expect(phasedProgress({})).toBe(0);
  });

  it('accepts overriding weights (normalised by their sum)', () => {
    expect(phasedProgress({ design: 'completed', spec: 'in_progress' }, { design: 25, spec: 25, task: 25, execute: 25 })).toBe(40);
    expect(phasedProgress({ design: 'completed' }, { design: 1, execute: 1 })).toBe(50);
    expect(phasedProgress({ design: 'completed' }, { design: 0 })).toBe(0);
  });

  it('reads phases from extra.phases or an enabled legacy kiro_workflow', () => {
    const log = new Log();
    log.create('M', { extra: { kiro_configuration: { phase_weights: { design: 50, spec: 50 } } } });
    log.task('A', { extra: { phases: { design: 'completed', spec: 'in_progress' } } });
    log.task('B', { extra: { kiro_workflow: { enabled: true, current_phase: 'spec', phases: { design: { status: 'approved' } } } } });
    log.task('C', { extra: { kiro_workflow: { enabled: false, phases: { design: { status: 'approved' } } } } });
    log.task('D', { status: 'completed', extra: { phases: { design: 'pending' } } });
    const [a, b, c, d] = log.s.tasks;
    expect(taskPhases(c)).toBeNull();
    expect(taskProgress(a)).toBeCloseTo(0.15 * 100 + 0.25 * 60, 10);
    expect(taskProgress(b)).toBe(15);
    expect(taskProgress(d)).toBe(100);
    expect(phaseWeights(log.s)).toEqual({ design: 50, spec: 50 });
    // Milestone weights: A = 80, B = 50, C = 0 (outside the workflow, pending), D = 100 → 57.5 → 58.
    expect(milestoneProgress(log.s)).toBe(58);
  });

  it('falls back to the default weights when the override is invalid', () => {
    const log = new Log();
    log.create('M', { extra: { phaseWeights: { design: -1 } } });
    expect(phaseWeights(log.s)).toBe(DEFAULT_PHASE_WEIGHTS);
    const task = { status: 'pending', extra: { phases: { execute: 'completed' } } } as unknown as TaskState;
    expect(taskProgress(task, phaseWeights(log.s))).toBe(40);
  });
});

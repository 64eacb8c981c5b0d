/** Every status spelling the legacy format lists, for milestones and tasks, and the phased status. */
import { describe, expect, it } from 'vitest';
import { milestoneStatus, phasedStatus, taskStatus } from '../../../src/legacy/status';

describe('legacy statuses', () => {
  it('normalises the nine milestone spellings and refuses others', () => {
    const seen = ['planned', 'planning', 'in_progress', 'active', 'blocked', 'paused', 'completed', 'cancelled', 'archived'];
    expect(seen.map(milestoneStatus)).toEqual(['planned', 'planned', 'in_progress', 'in_progress', 'blocked', 'paused', 'completed', 'cancelled', 'archived']);
    for (const other of ['done', 'Planned', '', 3, null]) expect(milestoneStatus(other as never)).toBeNull();
  });

  it('takes the five task statuses as they are and reads kiro_managed from the phases', () => {
    expect(['pending', 'in_progress', 'completed', 'blocked', 'cancelled'].map((s) => taskStatus(s, undefined)))
      .toEqual(['pending', 'in_progress', 'completed', 'blocked', 'cancelled']);
    const phases = (design: string, spec = 'pending', task = 'pending', execute = 'pending') => ({
      enabled: true, phases: { design: { status: design }, spec: { status: spec }, task, execute: { status: execute } },
    });
    expect(taskStatus('kiro_managed', phases('pending'))).toBe('pending');
    expect(taskStatus('kiro_managed', phases('approved'))).toBe('in_progress');
    expect(taskStatus('kiro_managed', phases('waiting_approval'))).toBe('in_progress');
    expect(taskStatus('kiro_managed', phases('approved', 'completed', 'completed', 'completed'))).toBe('completed');
    expect(phasedStatus(undefined)).toBe('pending');
    expect(taskStatus('todo', undefined)).toBeNull();
  });
});

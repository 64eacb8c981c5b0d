/** Flags shared by `new` and `edit` for the milestone's scalar fields, and their mapping. */
import { MILESTONE_STATUSES, PRIORITIES } from '../../domain/types';
import { MilestoneError } from '../../errors/MilestoneError';
import type { FlagDef } from '../CommandDef';

export const milestoneFieldFlags: Record<string, FlagDef> = {
  description: { type: 'string', char: 'd', description: 'Longer description.' },
  status: { type: 'string', options: MILESTONE_STATUSES, description: 'Status.' },
  priority: { type: 'string', options: PRIORITIES, description: 'Priority.' },
  category: { type: 'string', description: 'Free-form category.' },
  start: { type: 'string', description: 'Start date (YYYY-MM-DD).' },
  due: { type: 'string', description: 'Due date (YYYY-MM-DD).' },
  estimate: { type: 'string', description: 'Estimated hours (a number).' },
  criterion: { type: 'string', multiple: true, description: 'Success criterion (repeatable; replaces the list).' },
};

export function hours(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || String(value).trim() === '') {
    throw new MilestoneError('INVALID_INPUT', `--estimate must be a non-negative number of hours, got "${String(value)}"`);
  }
  return n;
}

export function milestoneFieldsFrom(flags: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    description: flags.description,
    status: flags.status,
    priority: flags.priority,
    category: flags.category,
    startDate: flags.start,
    dueDate: flags.due,
    estimatedHours: hours(flags.estimate),
    successCriteria: flags.criterion,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

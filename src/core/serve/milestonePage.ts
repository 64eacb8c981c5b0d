/**
 * One page of `list` for the web board: the same summaries `list --json` prints (the same index,
 * filters and query language, core/listMilestones.ts), sliced to `offset..offset+limit`, with the
 * count of all that match, so a board of 10,000 milestones sends one page at a time.
 */
import type { MilestoneSummary } from '../../domain/summary';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { listMilestones } from '../listMilestones';

export const MAX_PAGE = 500;

export interface PageRequest {
  /** Words of the query language, as `list` takes them. */
  query: string[];
  /** Include archived milestones. */
  all: boolean;
  offset: number;
  limit: number;
}

export interface MilestonePage {
  /** How many milestones match in all. */
  total: number;
  offset: number;
  items: MilestoneSummary[];
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (Number.isInteger(value) && value >= min && value <= max) return;
  const message = `${name} must be a whole number from ${min} to ${max} (got ${value})`;
  throw new MilestoneError('INVALID_INPUT', message);
}

export async function milestonePage(ctx: Context, o: PageRequest): Promise<MilestonePage> {
  checkRange('offset', o.offset, 0, Number.MAX_SAFE_INTEGER);
  checkRange('limit', o.limit, 1, MAX_PAGE);
  const list = await listMilestones(ctx, { query: o.query, all: o.all });
  const items = list.items;
  return { total: items.length, offset: o.offset, items: items.slice(o.offset, o.offset + o.limit) };
}

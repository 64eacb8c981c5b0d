/**
 * What the board may change when it runs with `--write`: a task's status (core/updateTask.ts, as
 * `task edit --status`), a phase move (core/workflow/changePhase.ts, as `phase start|submit|…`) and
 * a review (core/workflow/reviewPhase.ts, as `review`). The same core calls as the CLI, so the same
 * checks, policies, notifications and errors; each answers the task as `task show --json` does.
 */
import { updateTask } from '../core/updateTask';
import { changePhase } from '../core/workflow/changePhase';
import { reviewPhase } from '../core/workflow/reviewPhase';
import { PHASE_ACTIONS, type PhaseAction } from '../domain/workflow/machine';
import { REVIEW_DECISIONS, type ReviewDecision } from '../domain/workflow/phaseState';
import { MilestoneError } from '../errors/MilestoneError';
import type { Route } from './readRoutes';

function text(body: Record<string, unknown>, key: string, required: true): string;
function text(body: Record<string, unknown>, key: string, required?: false): string | undefined;
function text(body: Record<string, unknown>, key: string, required = false): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) throw new MilestoneError('INVALID_INPUT', `the request body needs "${key}"`);
    return undefined;
  }
  if (typeof v !== 'string') throw new MilestoneError('INVALID_INPUT', `"${key}" must be a string`);
  return v;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new MilestoneError('INVALID_INPUT', `unknown ${what} "${value}" (one of ${allowed.join(', ')})`);
}

const TASK = '/api/tasks/([^/]+)';
const ACTIONS = Object.keys(PHASE_ACTIONS) as PhaseAction[];

export const WRITE_ROUTES: Route[] = [
  {
    method: 'POST', path: new RegExp(`^${TASK}/status$`), writes: true,
    async run(ctx, m, _url, body) {
      const b = await body();
      const status = text(b, 'status', true);
      return { json: await updateTask(ctx, { task: decodeURIComponent(m[1]), status }) };
    },
  },
  {
    method: 'POST', path: new RegExp(`^${TASK}/phase$`), writes: true,
    async run(ctx, m, _url, body) {
      const b = await body();
      const action = oneOf(text(b, 'action', true), ACTIONS, 'phase action');
      const phase = text(b, 'phase');
      return { json: await changePhase(ctx, { task: decodeURIComponent(m[1]), action, phase }) };
    },
  },
  {
    method: 'POST', path: new RegExp(`^${TASK}/review$`), writes: true,
    async run(ctx, m, _url, body) {
      const b = await body();
      const decision: ReviewDecision = oneOf(text(b, 'decision', true), REVIEW_DECISIONS, 'review decision');
      const task = decodeURIComponent(m[1]);
      const o = { task, decision, phase: text(b, 'phase'), message: text(b, 'message') };
      return { json: await reviewPhase(ctx, o) };
    },
  },
];

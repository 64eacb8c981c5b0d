/**
 * The one place where errors become output and an exit status. Expected failures
 * (MilestoneError) print one line and a hint; anything else is a bug and says so, with the stack
 * only under --verbose. Nothing here exits: the status goes to process.exitCode via the caller.
 */
import { asMilestoneError } from '../errors/MilestoneError';
import { jsonText, type Env } from '../env/Env';
import { block } from './format';

export interface HandleErrorOptions {
  env: Pick<Env, 'out' | 'err' | 'log'> & Partial<Pick<Env, 'prettyJson'>>;
  error: unknown;
  json: boolean;
  verbose?: boolean;
}

export function handleError(o: HandleErrorOptions): number {
  const e = asMilestoneError(o.error);
  try {
    o.env.log.error(e.message, { code: e.code });
  } catch {
    // logging must never hide the error itself
  }
  if (o.json) {
    o.env.out(jsonText(e.toJSON(), o.env.prettyJson ?? false));
  } else {
    // Messages quote what the user typed and what a repository holds: escaped like any user text.
    o.env.err(`error: ${block(e.message)}\n`);
    if (e.hint) o.env.err(`hint: ${block(e.hint)}\n`);
  }
  if (o.verbose && e.code === 'INTERNAL' && e.cause instanceof Error && e.cause.stack) o.env.err(`${e.cause.stack}\n`);
  return e.exitCode;
}

/**
 * The session settings a use case needs: `session_timeout`, how long an active session may go
 * without a heartbeat before it counts as crashed (default 15 min). Settings are loaded only by
 * the use cases that judge liveness (list, show, heartbeat, cleanup); an unreadable layer falls
 * back to the default with a warning, as the conflict policy does.
 */
import { parseDuration } from '../../domain/workflow/staleness';
import type { Context } from '../context';
import { loadSettings } from '../config/loadSettings';
import { DEFAULT_SESSION_TIMEOUT_MS } from './sessionAccess';

export async function sessionTimeoutMs(ctx: Context): Promise<number> {
  try {
    const value = (await loadSettings(ctx)).values.session_timeout;
    // The schema's durations: a number is seconds, a string carries its unit ("90s", "15m").
    const ms = typeof value === 'number' ? value * 1000 : parseDuration(value);
    return ms !== null && ms > 0 ? ms : DEFAULT_SESSION_TIMEOUT_MS;
  } catch (e) {
    ctx.env.err(`warning: cannot read session_timeout (${(e as Error).message}); using 15 min\n`);
    return DEFAULT_SESSION_TIMEOUT_MS;
  }
}

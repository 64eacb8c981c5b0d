/**
 * A one-line progress bar on stderr, only when stderr is a terminal (env.interactive); otherwise
 * every call is a no-op, so pipes and logs stay clean. Redraws at most once per percent.
 */
import type { Env } from '../../env/Env';

export interface Progress {
  /** Starts (or restarts) a phase of `total` steps. */
  phase(label: string, total: number): void;
  tick(done: number): void;
  /** Clears the line. */
  end(): void;
}

const WIDTH = 30;
const silent: Progress = { phase() {}, tick() {}, end() {} };

export function progressBar(env: Env): Progress {
  if (!env.interactive) return silent;
  let label = '';
  let total = 0;
  let shown = -1;
  let drawn = false;
  const draw = (done: number): void => {
    const pct = total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 100;
    if (pct === shown) return;
    shown = pct;
    drawn = true;
    const full = Math.round((WIDTH * pct) / 100);
    env.err(`\r${label} [${'#'.repeat(full)}${'.'.repeat(WIDTH - full)}] ${done}/${total} ${pct}%\x1b[K`);
  };
  return {
    phase(l, t) {
      label = l;
      total = t;
      shown = -1;
      draw(0);
    },
    tick: draw,
    end() {
      if (drawn) env.err('\r\x1b[K');
      drawn = false;
    },
  };
}

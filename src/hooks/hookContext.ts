/**
 * A full use-case Context for the hooks that read or write milestones (post-merge, post-checkout),
 * with an Env whose log is silent: pino is never loaded on the hook path (≈27 ms), and what a hook
 * has to say goes to stderr as one `git-milestone: …` line each. Settings come from the lean reader
 * (the one settings loader, lean: yaml only when the file names a git-integration key).
 */
import { randomBytes } from 'node:crypto';
import type { Context } from '../core/context';
import { openContext } from '../core/openContext';
import { readLeanSettings } from '../core/git/leanSettings';
import type { GitSettings } from '../core/git/gitSettings';
import { silentLogger, type Env } from '../env/Env';
import type { Hook } from './runHook';

export async function withHookContext<T>(h: Hook, body: (ctx: Context, settings: GitSettings) => Promise<T>, known?: GitSettings): Promise<T> {
  const env: Env = {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    log: silentLogger,
    clock: () => new Date(),
    nonce: () => randomBytes(8).toString('hex'),
    cwd: h.repo.workTree ?? h.cwd,
    vars: h.vars,
    interactive: false,
    prettyJson: false,
  };
  const ctx = await openContext({ env, needsRepo: true, needsWorkTree: true });
  try {
    if (known) return await body(ctx, known);
    const lean = readLeanSettings({ repo: ctx.repo, cwd: env.cwd, vars: env.vars, git: ctx.git });
    for (const w of lean.warnings) h.warn(w);
    return await body(ctx, lean.settings);
  } finally {
    await ctx.close();
  }
}

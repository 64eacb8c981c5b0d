/**
 * A fresh clone has no milestones until they are fetched: `git clone` does not bring
 * refs/milestones/*. So when `list` finds none at all (no local milestone refs), it looks at the
 * remotes instead of just saying "No milestones":
 *   - a remote whose fetch refspecs `init` (or `remote setup`) added, never fetched by this clone:
 *     its milestones are fetched and merged now, once (recorded in `<data dir>/first-fetch.json`),
 *     with git's terminal prompts off so a script's `list --json` never hangs on credentials;
 *   - any other remote: a note on stderr says that `git milestone pull` fetches its milestones.
 * Costs nothing while the clone has milestones.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../env/atomicWrite';
import type { Context } from './context';
import { trackingTips } from './sync/absorbIncoming';
import { pullRemote } from './sync/pullRemote';
import { fetchRefspecs } from './sync/remoteLayout';
import { remoteNames } from './sync/setupRemote';

const FILE = 'first-fetch.json';

function fetchedBefore(ctx: Context): string[] {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(ctx.dataDir, FILE), 'utf8')) as { remotes?: string[] };
    return saved.remotes ?? [];
  } catch {
    return [];
  }
}

function remember(ctx: Context, remotes: string[]): void {
  try {
    writeFileAtomic(path.join(ctx.dataDir, FILE), JSON.stringify({ remotes }), { mkdir: true });
  } catch {
    // derived: at worst the next empty list fetches again
  }
}

/** True when milestones were fetched and merged (the caller lists again). */
export async function fetchOnFirstUse(ctx: Context): Promise<boolean> {
  if ((await ctx.milestones.list()).size > 0) return false;
  const remotes = remoteNames(ctx);
  if (remotes.length === 0) return false;
  const done = fetchedBefore(ctx);
  const tracked = await trackingTips(ctx);
  const wired = remotes.filter((r) => ctx.git.configGetAll(`remote.${r}.fetch`).includes(fetchRefspecs(r)[0]));
  const due = wired.filter((r) => !done.includes(r) && !tracked.has(r));
  let fetched = 0;
  for (const remote of due) {
    ctx.env.err(`Fetching milestones from ${remote} (first use in this clone)...\n`);
    try {
      const vars = { ...ctx.env.vars, GIT_TERMINAL_PROMPT: '0' };
      const quiet: Context = { ...ctx, env: { ...ctx.env, vars }, git: ctx.git.withEnv({ GIT_TERMINAL_PROMPT: '0' }) };
      const r = await pullRemote(quiet, { remote });
      fetched += r.created;
      done.push(remote);
      remember(ctx, done);
    } catch (e) {
      const why = (e as Error).message;
      ctx.env.err(`warning: could not fetch milestones from ${remote}: ${why}; \`git milestone pull ${remote}\` retries\n`);
    }
  }
  const unwired = remotes.filter((r) => !wired.includes(r));
  if (fetched === 0 && unwired.length > 0) {
    const r = unwired.includes('origin') ? 'origin' : unwired[0];
    const pull = `git milestone pull${r === 'origin' ? '' : ` ${r}`}`;
    ctx.env.err(`note: no milestones in this clone yet; if ${r} has some, \`${pull}\` fetches them`
      + ` (\`git milestone init\` makes a plain \`git fetch\` bring them too)\n`);
  }
  return fetched > 0;
}

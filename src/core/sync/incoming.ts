/**
 * The pre-read merge step. After a plain `git fetch` has moved remote-tracking milestone refs or
 * notes, the next git-milestone command merges them into the local refs before it reads. So `list`
 * and `show` show remote changes merged, without a `pull`.
 *
 * It must cost next to nothing when nothing was fetched. The check is a fingerprint of the
 * remote-tracking directories: the mtimes of `refs/remotes/<remote>/milestones/**` and
 * `refs/notes/remotes/**`, plus the stat of packed-refs (the same freshness rule as the index,
 * refFingerprint.ts). It is compared with the one stored in `<common-dir>/milestones/incoming.json`.
 * Only a change loads the merge code, the settings and the refs. A fingerprint taken within the
 * filesystem's timestamp granularity ("racy") is not stored, so the next command checks again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changeToken } from '../../domain/changeToken';
import type { Context } from '../context';
import { writeFileAtomic } from '../../env/atomicWrite';

const FILE = 'incoming.json';

/** The fingerprint of every remote-tracking milestone ref and notes ref. */
export async function incomingToken(ctx: Context): Promise<{ token: string; racy: boolean }> {
  let remotes: string[] = [];
  try {
    remotes = fs.readdirSync(path.join(ctx.repo.commonDir, 'refs', 'remotes')).sort();
  } catch {
    // no remote-tracking refs at all
  }
  const parts: string[] = [];
  let racy = false;
  for (const prefix of [...remotes.map((r) => `refs/remotes/${r}/milestones/`), 'refs/notes/remotes/']) {
    let fp: { token: string; racy: boolean };
    try {
      fp = await ctx.storage.refs.fingerprint(prefix);
    } catch {
      continue; // a directory name that is no valid ref component
    }
    parts.push(`${prefix} ${fp.token}`);
    racy ||= fp.racy;
  }
  return { token: changeToken(parts.join('\n')), racy };
}

function stored(ctx: Context): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ctx.dataDir, FILE), 'utf8')) as { token?: string }).token ?? null;
  } catch {
    return null;
  }
}

/** Merges fetched milestone refs and notes if the remote-tracking refs moved since last time. */
export async function absorbIfMoved(ctx: Context): Promise<void> {
  const now = await incomingToken(ctx);
  if (stored(ctx) === now.token) return;
  const { absorbIncoming } = await import('./absorbIncoming'); // the merge code loads only when something moved
  try {
    const report = await absorbIncoming(ctx);
    if (report.errors.length > 0) {
      ctx.env.err(`warning: ${report.errors.length} fetched milestone${report.errors.length === 1 ? '' : 's'} could not be merged (${report.errors[0].message}); \`git milestone doctor\` has details\n`);
    }
    // A damaged (or newer-format) remote entity stays so: remember it and warn once. Anything else (a ref locked
    // by a concurrent writer) may pass: do not remember, so the next command tries again.
    const lasting = ['CORRUPT_ENTITY', 'UNSUPPORTED_FORMAT', 'FORMAT_TOO_NEW'];
    if (report.errors.some((e) => !lasting.includes(e.code ?? ''))) return;
  } catch (e) {
    ctx.env.err(`warning: could not merge fetched milestones: ${(e as Error).message}; run \`git milestone pull\` to retry\n`);
    return;
  }
  remember(ctx, now);
}

/** After a merge of everything fetched (pull): records the current fingerprint as merged. */
export async function rememberIncoming(ctx: Context): Promise<void> {
  remember(ctx, await incomingToken(ctx));
}

function remember(ctx: Context, now: { token: string; racy: boolean }): void {
  if (now.racy || !fs.existsSync(ctx.dataDir)) return; // never create the data dir: `init` does
  try {
    writeFileAtomic(path.join(ctx.dataDir, FILE), JSON.stringify({ token: now.token }));
  } catch {
    // derived: the next command checks again
  }
}

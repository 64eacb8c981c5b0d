/**
 * The commits linked to a task, for `task show`: read from the commit-link notes on
 * `refs/notes/milestones` through a derived index file, `<git-common-dir>/milestones/commits.json`
 * ({tip, commits: {commit: {blob, links}}}). While the notes ref's tip is the one recorded, the
 * file answers alone (one ref read, one file read); when it moved (every commit on a milestone
 * branch moves it) the notes tree is listed again and only note blobs not seen before are read.
 * Deleting the file loses nothing: the next lookup rebuilds it.
 *
 * git copies notes to the commits that replace amended or rebased ones (notes.rewriteRef, set by
 * `hooks install`), so one link event can sit on an old and a new commit: each event is shown once,
 * on the newest commit carrying it (by committer time), and each commit once. Committer times have
 * one-second resolution and a quick rebase keeps the second, so a tie goes to the commit a local
 * branch contains (one `git for-each-ref --contains` per tied commit; ties are rare outside tests).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOTES_REF, parseNote } from '../../domain/commitLink';
import type { Context } from '../context';
import { writeFileAtomic } from '../../env/atomicWrite';

export interface TaskCommit {
  commit: string;
  /** When the commit was linked (the hook's clock). */
  at: string;
  branch: string | null;
  /** First line of the commit message; null when the commit object is gone (amended, gc'd). */
  subject: string | null;
}

interface Cached {
  version: 2;
  tip: string | null;
  commits: Record<string, { blob: string; links: Array<{ id: string; milestone: string; task: string | null; at: string; branch: string | null }> }>;
}

export async function taskCommits(ctx: Context, taskId: string): Promise<TaskCommit[]> {
  const index = await commitIndex(ctx);
  const found: Array<Omit<TaskCommit, 'subject'> & { id: string }> = [];
  for (const [commit, entry] of Object.entries(index.commits)) {
    for (const link of entry.links) if (link.task === taskId) found.push({ commit, at: link.at, branch: link.branch, id: link.id });
  }
  const objects = found.length > 0 ? await ctx.storage.objects.readMany(found.map((f) => f.commit)) : new Map();
  const when = (commit: string) => {
    const o = objects.get(commit);
    return o?.type === 'commit' ? o.commit.committer.timestamp : -1;
  };
  const onBranch = new Map<string, boolean>();
  const reachable = (commit: string): boolean => {
    if (!onBranch.has(commit)) {
      onBranch.set(commit, ctx.git.branchContains(commit));
    }
    return onBranch.get(commit) as boolean;
  };
  const newest = new Map<string, (typeof found)[number]>();
  for (const f of found) {
    const seen = newest.get(f.id);
    const d = seen ? when(f.commit) - when(seen.commit) : 1;
    if (d > 0 || (d === 0 && f.commit !== seen?.commit && reachable(f.commit) && !reachable((seen as (typeof found)[number]).commit))) newest.set(f.id, f);
  }
  const byCommit = new Map<string, (typeof found)[number]>();
  for (const f of newest.values()) if (!byCommit.has(f.commit) || f.at < (byCommit.get(f.commit) as (typeof found)[number]).at) byCommit.set(f.commit, f);
  const out = [...byCommit.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.commit < b.commit ? -1 : 1));
  return out.map(({ commit, at, branch }) => {
    const o = objects.get(commit);
    return { commit, at, branch, subject: o?.type === 'commit' ? o.commit.message.split('\n')[0] : null };
  });
}

async function commitIndex(ctx: Context): Promise<Cached> {
  const file = path.join(ctx.dataDir, 'commits.json');
  const notes = ctx.notes;
  const tip = await notes.tip(NOTES_REF);
  let cached: Cached = { version: 2, tip: null, commits: {} };
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as Cached;
    if (c.version === 2 && c.commits) cached = c;
  } catch {
    // absent or unreadable: rebuilt below
  }
  if (cached.tip === tip) return cached;
  const listed = tip ? await notes.list(NOTES_REF) : new Map<string, string>();
  const fresh: Cached = { version: 2, tip, commits: {} };
  const toRead: string[] = [];
  for (const [commit, blob] of listed) {
    const old = cached.commits[commit];
    if (old && old.blob === blob) fresh.commits[commit] = old;
    else toRead.push(blob);
  }
  const blobs = toRead.length > 0 ? await ctx.storage.objects.readMany(toRead) : new Map();
  for (const [commit, blob] of listed) {
    if (fresh.commits[commit]) continue;
    const o = blobs.get(blob);
    const text = o?.type === 'blob' ? o.data.toString('utf8') : '';
    const links = parseNote(text).map((e) => ({ id: e.id, milestone: e.milestone, task: e.task, at: e.at, branch: e.branch }));
    fresh.commits[commit] = { blob, links };
  }
  try {
    writeFileAtomic(file, JSON.stringify(fresh), { mkdir: true });
  } catch {
    // a derived file: the next lookup builds it again
  }
  return fresh;
}

/**
 * The commits linked to a task, for `task show`: read from the commit-link notes on
 * `refs/notes/milestones` through a derived index file, `<git-common-dir>/milestones/commits.json`
 * ({tip, commits: {commit: {blob, links}}}). While the notes ref's tip is the one recorded, the
 * file answers alone (one ref read, one file read); when it moved (every commit on a milestone
 * branch moves it) the notes tree is listed again and only note blobs not seen before are read.
 * Deleting the file loses nothing: the next lookup rebuilds it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOTES_REF, parseNote } from '../../domain/commitLink';
import { GitNotesStore } from '../../storage/git/GitNotesStore';
import type { Context } from '../context';

export interface TaskCommit {
  commit: string;
  /** When the commit was linked (the hook's clock). */
  at: string;
  branch: string | null;
  /** First line of the commit message; null when the commit object is gone (amended, gc'd). */
  subject: string | null;
}

interface Cached {
  version: 1;
  tip: string | null;
  commits: Record<string, { blob: string; links: Array<{ milestone: string; task: string | null; at: string; branch: string | null }> }>;
}

export async function taskCommits(ctx: Context, taskId: string): Promise<TaskCommit[]> {
  const index = await commitIndex(ctx);
  const found: Omit<TaskCommit, 'subject'>[] = [];
  for (const [commit, entry] of Object.entries(index.commits)) {
    const link = entry.links.find((l) => l.task === taskId);
    if (link) found.push({ commit, at: link.at, branch: link.branch });
  }
  found.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.commit < b.commit ? -1 : 1));
  const objects = found.length > 0 ? await ctx.storage.objects.readMany(found.map((f) => f.commit)) : new Map();
  return found.map((f) => {
    const o = objects.get(f.commit);
    return { ...f, subject: o?.type === 'commit' ? o.commit.message.split('\n')[0] : null };
  });
}

async function commitIndex(ctx: Context): Promise<Cached> {
  const file = path.join(ctx.dataDir, 'commits.json');
  const notes = new GitNotesStore({ objects: ctx.storage.objects, refs: ctx.storage.refs, cwd: ctx.repo.workTree ?? ctx.repo.gitDir, vars: ctx.env.vars });
  const tip = await notes.tip(NOTES_REF);
  let cached: Cached = { version: 1, tip: null, commits: {} };
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as Cached;
    if (c.version === 1 && c.commits) cached = c;
  } catch {
    // absent or unreadable: rebuilt below
  }
  if (cached.tip === tip) return cached;
  const listed = tip ? await notes.list(NOTES_REF) : new Map<string, string>();
  const fresh: Cached = { version: 1, tip, commits: {} };
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
    const links = parseNote(text).map((e) => ({ milestone: e.milestone, task: e.task, at: e.at, branch: e.branch }));
    fresh.commits[commit] = { blob, links };
  }
  try {
    fs.mkdirSync(ctx.dataDir, { recursive: true });
    fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(fresh));
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // a derived file: the next lookup builds it again
  }
  return fresh;
}

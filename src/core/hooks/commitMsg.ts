/**
 * The commit-msg hook's work (the shim runs it only when the checked-out branch has a link file):
 * formats a plain message as `commit_format` with `Milestone:` / `Task:` trailers, adds only the
 * trailers to a conventional one, leaves merges, fixups, reverts and amends alone (the source comes
 * from prepare-commit-msg, which git does not pass to commit-msg), and leaves the commit-link note
 * line for post-commit to attach once the commit exists. Settings come from the lean reader: a bad
 * setting is skipped with a warning, never a refused commit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitLinkEvent, eventLine } from '../../domain/commitLink';
import { formatCommitMessage, type MessageKind } from '../../domain/commitMessage';
import { shortId } from '../../domain/values';
import type { RepoInfo } from '../../storage/ports';
import type { GitPorcelain } from '../../storage/ports';
import { currentBranch, readLink } from '../git/branchLinks';
import { readLeanSettings } from '../git/leanSettings';

export const SOURCE_FILE = 'GIT_MILESTONE_SOURCE';
export const NOTE_FILE = 'GIT_MILESTONE_NOTE';

export interface CommitMsgInput {
  repo: RepoInfo;
  cwd: string;
  vars: Readonly<Record<string, string | undefined>>;
  git: GitPorcelain;
  /** The message file git passed. */
  file: string;
  now: Date;
  warn(message: string): void;
}

export interface CommitMsgResult {
  kind: MessageKind | null;
  changed: boolean;
  noted: boolean;
}

export function commitMsg(o: CommitMsgInput): CommitMsgResult {
  const branch = currentBranch(o.repo.gitDir);
  const link = branch ? readLink(o.repo.commonDir, branch) : null;
  if (!branch || !link) return { kind: null, changed: false, noted: false };
  const lean = readLeanSettings({ repo: o.repo, cwd: o.cwd, vars: o.vars, git: o.git });
  for (const w of lean.warnings) o.warn(w);
  const source = readFirstLine(path.join(o.repo.gitDir, SOURCE_FILE));
  const text = fs.readFileSync(o.file, 'utf8');
  const result = formatCommitMessage(text, {
    ...commentSyntax(lean.gitConfig, o.vars),
    format: lean.settings.commitFormat,
    values: { id: shortId(link.milestone), task: link.task ? shortId(link.task) : '', type: link.type || 'feat' },
    trailers: [['Milestone', link.milestone], ...(link.task ? [['Task', link.task] as [string, string]] : [])],
    source,
  });
  if (result.text !== null) fs.writeFileSync(o.file, result.text);
  if (result.kind === 'empty') return { kind: result.kind, changed: false, noted: false };
  const event = commitLinkEvent({ milestone: link.milestone, task: link.task, branch, at: o.now.toISOString() });
  fs.writeFileSync(path.join(o.repo.gitDir, NOTE_FILE), `${eventLine(event)}\n`);
  return { kind: result.kind, changed: result.text !== null, noted: true };
}

/**
 * Whether git will strip comment lines from this message: commit.cleanup, or by default only when
 * an editor was used (git sets GIT_EDITOR=: for hooks when none is).
 */
export function commentSyntax(gitConfig: Record<string, string>, vars: Readonly<Record<string, string | undefined>>) {
  const raw = gitConfig['core.commentchar'];
  const char = !raw || raw === 'auto' ? '#' : raw;
  const cleanup = (gitConfig['commit.cleanup'] ?? 'default').toLowerCase();
  const editor = vars.GIT_EDITOR !== ':';
  const strips = cleanup === 'strip' || (cleanup === 'default' && editor);
  return { commentChar: strips ? char : null, scissorsChar: strips || (cleanup === 'scissors' && editor) ? char : null };
}

function readFirstLine(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n')[0].trim();
  } catch {
    return '';
  }
}

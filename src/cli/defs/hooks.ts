/** `git milestone hooks install|uninstall|status` */
import { hooksStatus, type HooksStatus } from '../../core/hooks/hooksStatus';
import { installHooks, type HooksResult } from '../../core/hooks/installHooks';
import { uninstallHooks } from '../../core/hooks/uninstallHooks';
import type { CommandDef } from '../CommandDef';
import { table } from '../format';

const HOOKS_DESCRIPTION =
  'Hooks: pre-commit (refuses an invalid staged .milestones/{config,workflows,templates}/*.yaml, nothing else), prepare-commit-msg and commit-msg ' +
  '(on a milestone branch, a plain message becomes commit_format with Milestone:/Task: trailers), post-commit (a note on ' +
  'refs/notes/milestones links the commit to its task), post-merge (a merged branch completes its task; cleanup per ' +
  'git_integration.*), post-checkout (links branches made elsewhere). The hooks directory is the one git uses ' +
  '(core.hooksPath, linked worktrees share it). A hook already there is kept as <hook>.git-milestone-chained and runs first; ' +
  'uninstall puts it back byte for byte. Where husky or lefthook manages the hooks, install adds a marked line to .husky/<hook> ' +
  'or a git-milestone entry to lefthook\'s config instead (commit them; they do nothing in a clone that has not run install), ' +
  'so the manager\'s own reinstall keeps them; uninstall removes only those. ' +
  'Hooks stand aside during rebase, cherry-pick, revert and bisect; --no-verify skips them.';

const changes = (r: Omit<HooksResult, 'package' | 'node'>) =>
  `${table(r.hooks.map((h) => [h.hook, h.action, h.note ?? (h.chained ? `runs ${h.chained} first` : '')]))}\n` +
  `(hooks directory: ${r.dir}${r.manager ? `; through ${r.manager}` : ''})${r.notes.map((n) => `\n${n}`).join('')}`;

export const hooksInstall: CommandDef<HooksResult> = {
  summary: 'Install the git hooks (an existing hook is chained, never overwritten).',
  description: HOOKS_DESCRIPTION,
  examples: ['git milestone hooks install', 'git milestone hooks install --json'],
  execute: (ctx) => installHooks(ctx),
  text: changes,
};

export const hooksUninstall: CommandDef<Omit<HooksResult, 'package' | 'node'>> = {
  summary: 'Remove the git hooks and restore any hook they chained.',
  description: HOOKS_DESCRIPTION,
  examples: ['git milestone hooks uninstall'],
  execute: (ctx) => uninstallHooks(ctx),
  text: changes,
};

export const hooksStatusDef: CommandDef<HooksStatus> = {
  summary: 'Show each hook: installed, chained (runs an earlier hook first), managed (by husky/lefthook), displaced, foreign or absent.',
  description: HOOKS_DESCRIPTION,
  examples: ['git milestone hooks status', 'git milestone hooks status --json'],
  execute: (ctx) => hooksStatus(ctx),
  text: (r) =>
    `${table(r.hooks.map((h) => [h.hook, h.state, h.note ?? (h.chained ? `runs ${h.chained} first` : ''), h.packagePresent === false ? `package missing: ${h.package}` : '']))}\n` +
    `(hooks directory: ${r.dir}${r.manager ? `; managed by ${r.manager}` : ''})`,
};

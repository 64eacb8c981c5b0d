/** `git milestone init` */
import { initRepo, type InitResult } from '../../core/initRepo';
import type { CommandDef } from '../CommandDef';

const def: CommandDef<InitResult> = {
  id: 'init',
  summary: 'Prepare this repository for git-milestone (safe to run again).',
  description: 'Creates the derived cache directory in the git common dir and indexes any milestone refs already present (for example after a clone). Works in a fresh repository with no commits, and in a bare one.',
  examples: ['git milestone init', 'git milestone init --json'],
  execute: (ctx) => initRepo(ctx),
  text: (r) => `${r.alreadyInitialized ? 'Already initialized' : 'Initialized'} git-milestone in ${r.dataDir} (${r.milestones} milestone${r.milestones === 1 ? '' : 's'} found${r.bare ? ', bare repository' : ''}).`,
};
export default def;

/** `git milestone init` */
import { initRepo, type InitResult } from '../../core/initRepo';
import { installHooks, type HooksResult } from '../../core/hooks/installHooks';
import type { CommandDef } from '../CommandDef';

const def: CommandDef<InitResult & { hooks?: HooksResult }> = {
  id: 'init',
  summary: 'Prepare this repository for git-milestone (safe to run again).',
  description: 'Creates the derived cache directory in the git common dir and indexes any milestone refs already present (for example after a clone). Works in a fresh repository with no commits, and in a bare one.',
  examples: ['git milestone init', 'git milestone init --hooks', 'git milestone init --json'],
  flags: { hooks: { type: 'boolean', description: 'Also install the git hooks (see `git milestone hooks install --help`).' } },
  execute: async (ctx, input) => {
    const r = await initRepo(ctx);
    return input.flags.hooks ? { ...r, hooks: await installHooks(ctx) } : r;
  },
  text: (r) => `${r.alreadyInitialized ? 'Already initialized' : 'Initialized'} git-milestone in ${r.dataDir} (${r.milestones} milestone${r.milestones === 1 ? '' : 's'} found${r.bare ? ', bare repository' : ''}).${r.hooks ? `\nHooks installed in ${r.hooks.dir} (${r.hooks.hooks.map((h) => `${h.hook}: ${h.action}`).join(', ')}).` : ''}`,
};
export default def;

/** `git milestone init` */
import { initRepo, type InitResult } from '../../core/initRepo';
import { installHooks, type HooksResult } from '../../core/hooks/installHooks';
import { writeAgentFiles, type AgentFilesResult } from '../../core/init/writeAgentFiles';
import { AGENTS, type Agent } from '../../domain/init/agentBlock';
import type { CommandDef } from '../CommandDef';

const def: CommandDef<InitResult & { hooks?: HooksResult; agent?: AgentFilesResult }> = {
  summary: 'Prepare this repository for git-milestone (safe to run again).',
  description: 'Creates the derived cache directory in the git common dir and indexes any milestone refs already present (for example after a clone). Works in a fresh repository with no commits, and in a bare one.',
  examples: ['git milestone init', 'git milestone init --hooks', 'git milestone init --json', 'git milestone init --agent claude --mcp', 'git milestone init --agent codex'],
  flags: {
    hooks: { type: 'boolean', description: 'Also install the git hooks (see `git milestone hooks install --help`).' },
    agent: { type: 'string', options: AGENTS, description: 'Teach an agent the commands: a marked block in CLAUDE.md (claude) or AGENTS.md (codex, generic), replaced when run again.' },
    mcp: { type: 'boolean', description: 'Add the MCP server (`git milestone mcp`) to .mcp.json, keeping the servers already there.' },
  },
  execute: async (ctx, input) => {
    const r: InitResult & { hooks?: HooksResult; agent?: AgentFilesResult } = await initRepo(ctx);
    if (input.flags.hooks) r.hooks = await installHooks(ctx);
    if (input.flags.agent || input.flags.mcp) r.agent = writeAgentFiles(ctx, { agent: input.flags.agent as Agent | undefined, mcp: Boolean(input.flags.mcp) });
    return r;
  },
  text: (r) => {
    const lines = [`${r.alreadyInitialized ? 'Already initialized' : 'Initialized'} git-milestone in ${r.dataDir} (${r.milestones} milestone${r.milestones === 1 ? '' : 's'} found${r.bare ? ', bare repository' : ''}).`];
    if (r.remote) {
      const added = r.remote.fetch.added.length;
      lines.push(`Remote ${r.remote.remote}: ${added > 0 ? `added ${added} fetch refspec${added === 1 ? '' : 's'}` : 'fetch refspecs already set'}, so \`git fetch\` brings milestones and notes (pushed by \`git milestone push\`; \`git milestone remote setup --with-push\` makes a plain \`git push\` send them too).`);
    } else {
      lines.push('No remote named origin: after adding one, run `git milestone remote setup` so `git fetch` brings milestones.');
    }
    if (r.agent?.file) lines.push(`${r.agent.file}: ${r.agent.action === 'unchanged' ? 'the git-milestone block is up to date' : `git-milestone block ${r.agent.action === 'created' ? 'written' : 'updated'}`}.`);
    if (r.agent?.mcp) lines.push(`${r.agent.mcp.file}: ${r.agent.mcp.action === 'unchanged' ? 'the git-milestone server is already there' : 'the git-milestone server added'}.`);
    if (r.hooks) lines.push(`Hooks installed in ${r.hooks.dir} (${r.hooks.hooks.map((h) => `${h.hook}: ${h.action}`).join(', ')}).`);
    return lines.join('\n');
  },
};
export default def;

/**
 * The block `init --agent` keeps in an agent's instruction file (CLAUDE.md, AGENTS.md): short,
 * between two marker lines, so running init again replaces it in place and leaves the rest of the
 * file as it was. Also the `.mcp.json` entry that starts the server, merged into what is there.
 */

export const AGENTS = ['claude', 'codex', 'generic'] as const;
export type Agent = (typeof AGENTS)[number];

/** The instruction file each agent reads, relative to the work tree. */
export const AGENT_FILE: Record<Agent, string> = { claude: 'CLAUDE.md', codex: 'AGENTS.md', generic: 'AGENTS.md' };

export const BLOCK_START = '<!-- git-milestone:start (written by `git milestone init --agent`; replaced when run again) -->';
export const BLOCK_END = '<!-- git-milestone:end -->';

export function agentBlock(o: { mcp: boolean }): string {
  return [
    BLOCK_START,
    '## Plan: milestones and tasks (git-milestone)',
    '',
    'The plan lives in git refs; read and change it with `git milestone` (add `--json` for output to parse).',
    '- `git milestone next` — tasks ready to start, and why the others wait',
    '- `git milestone list [query]`, `show ID`, `task show TASK` — e.g. `list status:in_progress label:api`',
    '- `git milestone task start TASK`, `task done TASK`, `task block TASK`, `task edit TASK --assignee me`',
    '- `git milestone task add MILESTONE "title" --depends-on TASK` — record follow-up work',
    '- `git milestone phase submit TASK`, `review TASK --approve` — phases that need a review',
    '- `git milestone log [ID]` — who changed what, and when',
    'Ids may be given as unique prefixes. A failure prints a code and a hint; `-h` shows examples.',
    ...(o.mcp ? ['The `git-milestone` MCP server (.mcp.json) offers the same as tools (list, next, task_start, …).'] : []),
    BLOCK_END,
  ].join('\n');
}

/** `text` with `block` in place of the marked block it holds, or appended (after a blank line). */
export function withBlock(text: string, block: string): string {
  const start = text.indexOf(BLOCK_START);
  const end = start < 0 ? -1 : text.indexOf(BLOCK_END, start);
  if (end >= 0) return `${text.slice(0, start)}${block}${text.slice(end + BLOCK_END.length)}`;
  if (text.trim() === '') return `${block}\n`;
  return `${text.replace(/\n*$/, '')}\n\n${block}\n`;
}

export const MCP_SERVER_NAME = 'git-milestone';
export const MCP_SERVER = { command: 'git', args: ['milestone', 'mcp'] } as const;

/** A `.mcp.json` document with our server added to (or set in) its `mcpServers`, all else kept. */
export function withMcpServer(doc: Record<string, unknown>): Record<string, unknown> {
  const servers = (doc.mcpServers ?? {}) as Record<string, unknown>;
  return { ...doc, mcpServers: { ...servers, [MCP_SERVER_NAME]: { ...MCP_SERVER, args: [...MCP_SERVER.args] } } };
}

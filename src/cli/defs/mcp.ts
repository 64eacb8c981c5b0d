/** `git milestone mcp [--tools]` */
import { MilestoneError } from '../../errors/MilestoneError';
import type { ToolDefinition } from '../../mcp/toolSchemas';
import type { CommandDef } from '../CommandDef';
import { table } from '../format';

type Result = { tools: ToolDefinition[] } | { calls: number };

const def: CommandDef<Result> = {
  summary: 'Serve the plan to agents over MCP (stdio), or list the tools (--tools).',
  description: `Speaks the Model Context Protocol on stdin/stdout until stdin closes; an agent starts it
(\`git milestone init --agent claude --mcp\` adds it to .mcp.json). Each tool runs the command of the
same name (list, show, task_show, next, task_add, task_edit, task_start, task_done, task_block,
phase_submit, review, session_checkpoint, claim, heartbeat, release, next_claim = next --claim, log) with
the same arguments; its structured result is the command's --json output,
and an error carries the command's code and hint. The server keeps the repository open and sees changes
made meanwhile by other processes and by \`git fetch\`.`,
  examples: ['git milestone mcp', 'git milestone mcp --tools', 'git milestone mcp --tools --json'],
  flags: { tools: { type: 'boolean', description: 'Print the tools with their input and output schemas instead of serving.' } },
  async execute(ctx, input) {
    if (input.flags.tools) return { tools: (require('../../mcp/server') as typeof import('../../mcp/server')).toolDefinitions() };
    if (input.flags.json) {
      throw new MilestoneError('USAGE', '`mcp --json` prints the tools only with --tools', {
        hint: 'Serving, stdout carries the protocol: run `git milestone mcp` alone.',
      });
    }
    return (require('../../mcp/server') as typeof import('../../mcp/server')).serveMcp(ctx);
  },
  text: (r, _input, style) => {
    if (!('tools' in r)) return '';
    const hint = (t: ToolDefinition) => (t.annotations.readOnlyHint ? 'read' : t.annotations.destructiveHint ? 'overwrite' : 'write');
    return table(r.tools.map((t) => [t.name, hint(t), t.title]), ['TOOL', 'KIND', 'WHAT'], style);
  },
};
export default def;

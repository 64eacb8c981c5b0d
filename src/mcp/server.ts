/**
 * `git milestone mcp`: the MCP server on stdio, on the SDK's low-level Server (the tools come with
 * their own JSON schemas, so the SDK's zod-based helpers are not needed). The SDK is required here
 * only, and this module only by the `mcp` command, so no other command loads it. Stdout carries
 * the protocol alone: warnings and logs go to stderr. The server stops when stdin closes, after
 * the call in progress.
 */
import type { Context } from '../core/context';
import type { MilestoneIndex } from '../index/MilestoneIndex';
import { PACKAGE_VERSION } from '../domain/formatLevels';
import { ToolSession } from './toolSession';
import { toolDefinition } from './toolSchemas';
import { TOOL_ROWS } from './toolTable';

type Sdk = typeof import('@modelcontextprotocol/sdk/server/index.js');
type Stdio = typeof import('@modelcontextprotocol/sdk/server/stdio.js');
type Types = typeof import('@modelcontextprotocol/sdk/types.js');

export const INSTRUCTIONS = `git-milestone keeps this repository's milestones and tasks in git refs.
Start with \`next\` (ready tasks, and why the others wait) or \`list\` (query words such as
status:in_progress label:backend). Ids may be given as unique prefixes. Errors carry the CLI's code and a hint.`;

export const toolDefinitions = () => TOOL_ROWS.map(toolDefinition);

/** Serves until stdin closes; returns how many tool calls were answered. */
export async function serveMcp(ctx: Context): Promise<{ calls: number }> {
  const { Server } = require('@modelcontextprotocol/sdk/server/index.js') as Sdk;
  const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js') as Stdio;
  const { CallToolRequestSchema, ListToolsRequestSchema } = require('@modelcontextprotocol/sdk/types.js') as Types;
  ctx.milestones.keepReads(); // next reads every milestone: only moved tips are read again
  // Nothing but the protocol may reach stdout.
  // Backend indexes (SQLite at scale) stay open across calls; each read still checks the refs fingerprint.
  const keptIndexes = new Map<string, MilestoneIndex>();
  const session = new ToolSession({ ...ctx, keptIndexes, env: { ...ctx.env, out: (t) => ctx.env.err(t.toString()) } });
  const tools = toolDefinitions();
  const server = new Server(
    { name: 'git-milestone', version: PACKAGE_VERSION },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (req) => session.call(req.params.name, req.params.arguments));
  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  server.onerror = (e) => ctx.env.log.warn('mcp transport error', { message: e.message });
  await server.connect(new StdioServerTransport());
  process.stdin.once('end', () => void server.close());
  await closed;
  await session.idle();
  for (const index of keptIndexes.values()) await index.close?.();
  return { calls: session.calls };
}

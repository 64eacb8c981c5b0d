/**
 * `init --agent claude|codex|generic [--mcp]`: writes the marked block into the agent's instruction
 * file at the top of the work tree (created, updated in place, or left as it was), and with `mcp`
 * adds the server to `.mcp.json`, keeping every other server and key. A `.mcp.json` that is not a
 * JSON object is refused before anything is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AGENT_FILE, agentBlock, withBlock, withMcpServer, type Agent } from '../../domain/init/agentBlock';
import { writeFileAtomic } from '../../env/atomicWrite';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { requireWorkTree } from '../openContext';

export type FileAction = 'created' | 'updated' | 'unchanged';

export interface AgentFilesResult {
  agent: Agent | null;
  /** The instruction file (relative to the work tree), or null without --agent. */
  file: string | null;
  action: FileAction | null;
  /** `.mcp.json`, with --mcp. */
  mcp: { file: string; action: FileAction } | null;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function put(file: string, before: string | null, after: string): FileAction {
  if (before === after) return 'unchanged';
  writeFileAtomic(file, after);
  return before === null ? 'created' : 'updated';
}

function mcpDocument(file: string, text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const doc = JSON.parse(text) as unknown;
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) return doc as Record<string, unknown>;
  } catch {
    // refused below
  }
  throw new MilestoneError('INVALID_INPUT', `${file} is not a JSON object`, {
    hint: 'Fix or remove it, then run `git milestone init --mcp` again; nothing was written.',
  });
}

export function writeAgentFiles(ctx: Context, o: { agent?: Agent; mcp: boolean }): AgentFilesResult {
  requireWorkTree(ctx.repo);
  const root = ctx.repo.workTree as string;
  let mcp: AgentFilesResult['mcp'] = null;
  let mcpWrite: (() => FileAction) | null = null;
  if (o.mcp) {
    const file = path.join(root, '.mcp.json');
    const before = readText(file);
    const after = `${JSON.stringify(withMcpServer(mcpDocument('.mcp.json', before)), null, 2)}\n`;
    mcpWrite = () => put(file, before, after);
  }
  let result: Pick<AgentFilesResult, 'file' | 'action'> = { file: null, action: null };
  if (o.agent) {
    const name = AGENT_FILE[o.agent];
    const file = path.join(root, name);
    const before = readText(file);
    result = { file: name, action: put(file, before, withBlock(before ?? '', agentBlock({ mcp: o.mcp }))) };
  }
  if (mcpWrite) mcp = { file: '.mcp.json', action: mcpWrite() };
  return { agent: o.agent ?? null, ...result, mcp };
}

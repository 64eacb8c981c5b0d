/** The marked block init --agent keeps in CLAUDE.md / AGENTS.md, and the .mcp.json merge. */
import { describe, expect, it } from 'vitest';
import { agentBlock, BLOCK_END, BLOCK_START, withBlock, withMcpServer } from '../../../src/domain/init/agentBlock';

describe('agent block', () => {
  const block = agentBlock({ mcp: false });

  it('is short, marked, and mentions the server only with mcp', () => {
    expect(block.startsWith(BLOCK_START) && block.endsWith(BLOCK_END)).toBe(true);
    expect(block.split('\n').length).toBeLessThanOrEqual(16);
    expect(block).toContain('git milestone next');
    expect(block).not.toContain('MCP');
    expect(agentBlock({ mcp: true })).toContain('MCP server');
  });

  it('is appended after what the file holds, once: a second run changes nothing', () => {
    const once = withBlock('# Project\n\nBuild with make.\n', block);
    expect(once).toBe(`# Project\n\nBuild with make.\n\n${block}\n`);
    expect(withBlock(once, block)).toBe(once);
    expect(withBlock('', block)).toBe(`${block}\n`);
  });

  it('replaces an older block in place, keeping the text around it', () => {
    const old = `# A\n\n${BLOCK_START}\nold words\n${BLOCK_END}\n\n## After\n`;
    expect(withBlock(old, block)).toBe(`# A\n\n${block}\n\n## After\n`);
  });

  it('adds the server to .mcp.json, keeping the other servers and keys', () => {
    const doc = { mcpServers: { other: { command: 'x' } }, extra: 1 };
    expect(withMcpServer(doc)).toEqual({
      mcpServers: { other: { command: 'x' }, 'git-milestone': { command: 'git', args: ['milestone', 'mcp'] } }, extra: 1,
    });
    expect(withMcpServer({})).toEqual({ mcpServers: { 'git-milestone': { command: 'git', args: ['milestone', 'mcp'] } } });
  });
});

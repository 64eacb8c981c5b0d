/**
 * `git milestone mcp` through the SDK's own client, which spawns the built CLI as a stdio server
 * (one server shared by every case) and checks each structured result against the tool's output
 * schema. Tools are listed with input and output schemas and annotations; every tool is called
 * and answers as the command of the same name does with --json; errors carry the CLI's codes and
 * hints; a change made by the CLI, and one brought by a plain `git fetch`, are seen by the next call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv } from '../../helpers/cli';
import { problems } from '../../helpers/schemas';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const TOOLS = ['list', 'show', 'task_show', 'next', 'task_add', 'task_edit', 'task_start', 'task_done', 'task_block',
  'phase_submit', 'review', 'session_checkpoint', 'claim', 'heartbeat', 'release', 'next_claim', 'log'];

let repo: TmpRepo;
let other: TmpRepo;
let client: Client;
let m: string;
let t1: string;
const json = (args: string[]) => {
  const r = cli(repo.dir, [...args, '--json']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.json();
};

async function call(name: string, args: Record<string, unknown> = {}): Promise<any> {
  const r = await client.callTool({ name, arguments: args });
  const text = (r.content as Array<{ text: string }>)[0].text;
  expect(r.isError, `${name}: ${text}`).toBeFalsy();
  return r.structuredContent;
}

async function failure(name: string, args: Record<string, unknown> = {}): Promise<{ code: string; message: string; hint?: string }> {
  const r = await client.callTool({ name, arguments: args });
  expect(r.isError).toBe(true);
  expect(r.structuredContent).toBeUndefined();
  return JSON.parse((r.content as Array<{ text: string }>)[0].text).error;
}

beforeAll(async () => {
  repo = makeTmpRepo();
  other = makeTmpRepo();
  m = json(['new', 'Parser']).id;
  t1 = json(['task', 'add', m, 'Tokenizer']).id;
  const env = cliEnv() as Record<string, string>;
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: repo.dir, env, stderr: 'pipe' });
  client = new Client({ name: 'test', version: '1' });
  await client.connect(transport);
});
afterAll(async () => {
  await client?.close();
  repo?.cleanup();
  other?.cleanup();
});

describe('git milestone mcp', () => {
  it('lists every tool with an input schema, an output schema (self-contained) and annotations', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const t of tools) {
      expect(t.inputSchema.type, t.name).toBe('object');
      expect(t.outputSchema?.type, t.name).toBe('object');
      expect(JSON.stringify(t.outputSchema).match(/"\$ref":"[^#]/), t.name).toBeNull();
      expect(t.description, t.name).toBeTruthy();
      expect(t.annotations).toMatchObject({ readOnlyHint: expect.any(Boolean), destructiveHint: expect.any(Boolean), idempotentHint: expect.any(Boolean) });
    }
    const tool = (n: string) => tools.find((t) => t.name === n)!;
    expect(tool('show').inputSchema).toMatchObject({ required: ['id'], properties: { id: { type: 'string' } } });
    expect(tool('list').inputSchema.properties).toMatchObject({ query: { type: 'string' }, limit: { type: 'integer', default: 50 } });
    expect(tool('task_add').inputSchema).toMatchObject({
      required: ['milestone', 'title'],
      properties: { milestone: { type: 'string' }, title: { type: 'string' }, dependsOn: { type: 'array', items: { type: 'string' } } },
    });
    expect(tool('review').inputSchema.properties).not.toHaveProperty('pending');
    expect(tool('list').annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(tool('task_add').annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
    expect(tool('task_edit').annotations).toMatchObject({ destructiveHint: true });
    expect(tool('log').outputSchema).toMatchObject({ required: ['entries'] });
    expect(tool('next').inputSchema.properties).not.toHaveProperty('claim');
    expect(tool('next_claim').inputSchema.properties).toEqual({
      milestone: expect.anything(), ttl: expect.anything(), as: expect.anything(), remote: expect.anything(),
    });
    expect(tool('next_claim').annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
    expect(tool('claim').annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
    expect(tool('release').annotations).toMatchObject({ destructiveHint: true, idempotentHint: true });
    // The same definitions from the CLI; serving, stdout belongs to the protocol.
    expect(json(['mcp', '--tools']).tools.map((t: { name: string }) => t.name)).toEqual(TOOLS);
    expect(cli(repo.dir, ['mcp', '--json']).code).toBe(2);
  });

  it('every tool answers as its command does with --json (checked by the client against the output schema)', async () => {
    expect((await call('list')).milestones.map((s: any) => s.id)).toEqual([m]);
    expect((await call('list', { query: 'status:planned Parser', limit: 5 })).milestones).toHaveLength(1);
    expect((await call('list', { query: 'nomatch' })).milestones).toEqual([]);
    const shown = await client.callTool({ name: 'show', arguments: { id: m.slice(0, 8) } });
    expect(shown.structuredContent).toEqual(json(['show', m]));
    expect(JSON.parse((shown.content as Array<{ text: string }>)[0].text)).toEqual(shown.structuredContent);
    const t2 = (await call('task_add', { milestone: m, title: 'Parser', dependsOn: [t1.slice(0, 8)] })).id;
    const next = await call('next', { milestone: m });
    expect(next.ready.map((t: any) => t.id)).toEqual([t1]);
    expect(next.waiting).toEqual([{ task: expect.objectContaining({ id: t2 }), reasons: [expect.stringMatching(/^waits for/)] }]);
    expect(await call('task_show', { task: t2 })).toEqual(json(['task', 'show', t2]));
    expect((await call('task_start', { task: t1 })).status).toBe('in_progress');
    expect((await call('task_done', { task: t1 })).status).toBe('completed');
    expect((await call('task_done', { task: t1 })).status).toBe('completed');
    expect(await call('task_edit', { task: t2, assignee: 'ann', estimate: '3' })).toMatchObject({ assignee: 'ann', estimatedHours: 3 });
    expect((await call('task_block', { task: t2 })).status).toBe('blocked');
    const t3 = (await call('task_add', { milestone: m, title: 'Design', workflow: 'kiro' })).id;
    json(['phase', 'start', t3]);
    fs.writeFileSync(path.join(repo.dir, 'design.md'), 'The design.\n');
    const submitted = await call('phase_submit', { task: t3, deliverable: ['design.md'] });
    expect(submitted.phases[0]).toMatchObject({ status: 'waiting_approval', deliverables: [{ path: 'design.md' }] });
    const reviewed = await call('review', { task: t3, approve: true, message: 'fine' });
    expect(reviewed.phases[0].reviews[0]).toMatchObject({ decision: 'approve', message: 'fine' });
    const session = json(['session', 'start', m, '--pid', String(process.pid)]).id;
    const checkpoint = await call('session_checkpoint', { session: session.slice(0, 8), message: 'half way' });
    expect(checkpoint).toMatchObject({ message: 'half way' });
    expect(json(['session', 'show', session]).checkpoints).toBe(1);
    const log = await call('log', { id: m, limit: 3 });
    expect(log.entries).toEqual(json(['log', m, '--limit', '3']));
  });

  it('claims: claim (seen in task_show), heartbeat, release, next_claim; another holder\'s claim is CLAIMED', async () => {
    const mc = json(['new', 'Claims']).id;
    expect(await call('next_claim', { milestone: mc })).toEqual({ claim: null });
    const a = json(['task', 'add', mc, 'First']).id;
    const b = json(['task', 'add', mc, 'Second']).id;
    const claimed = await call('claim', { task: a.slice(0, 8), as: 'agent-1', ttl: '10m' });
    expect(claimed).toMatchObject({ task: a, milestone: mc, agent: 'agent-1', fencing: 1 });
    expect((await call('task_show', { task: a })).claim).toEqual(claimed);
    const beat = await call('heartbeat', { as: 'agent-1' });
    expect(beat.claims).toEqual([expect.objectContaining({ task: a, agent: 'agent-1', fencing: 1 })]);
    const held = await failure('claim', { task: a, as: 'agent-2' });
    expect(held).toEqual(JSON.parse(cli(repo.dir, ['claim', a, '--as', 'agent-2', '--json']).stdout).error);
    expect(held).toMatchObject({ code: 'CLAIMED', hint: expect.stringContaining('next --claim') });
    expect((await failure('release', { task: a, as: 'agent-2' })).code).toBe('NOT_HOLDER');
    // A stale fencing number is refused, and it does not stay with the session for the next call.
    expect((await failure('task_start', { task: a, fencing: 7 })).code).toBe('STALE_FENCING');
    expect((await call('task_edit', { task: b, assignee: 'bo' })).assignee).toBe('bo');
    expect((await call('task_start', { task: a, fencing: 1 })).status).toBe('in_progress');
    const next = await call('next_claim', { milestone: mc.slice(0, 8), as: 'agent-2' });
    expect(next.claim).toMatchObject({ task: b, agent: 'agent-2', fencing: 1 });
    expect(await call('release', { task: a, as: 'agent-1' })).toMatchObject({ task: a, fencing: 1 });
    expect(await call('task_show', { task: a })).not.toHaveProperty('claim');
    expect(await call('release', { task: a, as: 'agent-1' })).toMatchObject({ task: a });
    expect(await call('next_claim', { milestone: mc, as: 'agent-3' })).toEqual({ claim: null });
  });

  it('errors carry the CLI\'s code and hint', async () => {
    const notFound = await failure('show', { id: 'nosuch' });
    expect(notFound).toEqual(JSON.parse(cli(repo.dir, ['show', 'nosuch', '--json']).stdout).error);
    expect(notFound).toMatchObject({ code: 'NOT_FOUND', hint: expect.any(String) });
    expect(await failure('task_add', { milestone: m })).toMatchObject({ code: 'USAGE', message: 'missing argument title' });
    expect((await failure('list', { quer: 'x' })).message).toBe('unknown argument quer of list (did you mean query?)');
    expect((await failure('list', { limit: -1 })).message).toMatch(/limit takes a non-negative integer/);
    expect((await failure('task_edit', { task: t1, status: 'nope' })).code).toBe('USAGE');
    expect(await failure('nope')).toMatchObject({ code: 'USAGE', hint: expect.stringContaining('task_add') });
    expect((await failure('review', { task: t1 })).code).toBe('USAGE');
    expect((await failure('task_add', { milestone: m, title: 'Loop', dependsOn: ['ffffffff'] })).code).toBe('NOT_FOUND');
  });

  it('sees a change made by the CLI, and milestones a plain git fetch brought, on the next call', async () => {
    const before = (await call('show', { id: m })).tasks.length;
    json(['task', 'add', m, 'Added by the CLI']);
    const after = (await call('show', { id: m })).tasks;
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1).title).toBe('Added by the CLI');
    expect(cli(other.dir, ['new', 'Made in the other clone']).code).toBe(0);
    repo.git(['remote', 'add', 'origin', other.dir]);
    json(['remote', 'setup']);
    repo.git(['fetch', '-q', 'origin']);
    const listed = (await call('list', { query: 'other clone' })).milestones;
    expect(listed.map((s: any) => s.title)).toEqual(['Made in the other clone']);
  });

  it('init --agent claude --mcp writes a marked block and the server entry, idempotently, merging .mcp.json', () => {
    fs.writeFileSync(path.join(repo.dir, 'CLAUDE.md'), '# Notes\n\nRun make.\n');
    fs.writeFileSync(path.join(repo.dir, '.mcp.json'), '{"mcpServers":{"db":{"command":"db-mcp"}}}');
    const first = json(['init', '--agent', 'claude', '--mcp']);
    expect(problems('init.schema.json', first)).toBeNull();
    expect(first.agent).toEqual({ agent: 'claude', file: 'CLAUDE.md', action: 'updated', mcp: { file: '.mcp.json', action: 'updated' } });
    const text = fs.readFileSync(path.join(repo.dir, 'CLAUDE.md'), 'utf8');
    expect(text.startsWith('# Notes\n\nRun make.\n\n<!-- git-milestone:start')).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(repo.dir, '.mcp.json'), 'utf8')).mcpServers).toEqual({
      db: { command: 'db-mcp' }, 'git-milestone': { command: 'git', args: ['milestone', 'mcp'] },
    });
    const again = json(['init', '--agent', 'claude', '--mcp']);
    expect(again.agent).toMatchObject({ action: 'unchanged', mcp: { action: 'unchanged' } });
    expect(fs.readFileSync(path.join(repo.dir, 'CLAUDE.md'), 'utf8')).toBe(text);
    expect(json(['init', '--agent', 'codex']).agent).toEqual({ agent: 'codex', file: 'AGENTS.md', action: 'created', mcp: null });
    fs.writeFileSync(path.join(repo.dir, '.mcp.json'), '[1]');
    const bad = cli(repo.dir, ['init', '--mcp', '--json']);
    expect(bad.code).toBe(5);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_INPUT', hint: expect.stringContaining('nothing was written') });
  });
});

// npm run bench, issue 12: MCP `list` and `next` calls to a warm `git milestone mcp` server (the
// SDK's own client over stdio, round trip), in the repository of BIG milestones the main bench made,
// beside the same answer from a CLI process in the same run (`list --json --limit 50`,
// `next --json --explain --limit 20`: the tools' default limits). Warm: the first call of each is
// not counted (it loads the SDK's handlers and, for next, reads every milestone once).
// Run alone against an existing repository: node scripts/bench-mcp.mjs DIR
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeCalls(client, name, args, runs) {
  const first = await client.callTool({ name, arguments: args });
  if (first.isError) throw new Error(`${name}: ${first.content[0].text}`);
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await client.callTool({ name, arguments: args });
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return med(xs);
}

function cliTime(BIN, dir, args, runs) {
  const once = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(String(r.stderr));
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  once();
  return med(Array.from({ length: runs }, once));
}

export async function benchMcp({ dir, BIG, BIN, row, runs = 9 }) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: dir, env: { ...process.env }, stderr: 'inherit' });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  await client.listTools();
  try {
    const calls = Math.max(runs, 21);
    const list = await timeCalls(client, 'list', {}, calls);
    row(`MCP list {} (default limit 50), ${BIG} milestones, warm server`, list, 'CLI list --json --limit 50 (process)', cliTime(BIN, dir, ['list', '--json', '--limit', '50'], runs), 'median < 10 ms');
    const next = await timeCalls(client, 'next', {}, calls);
    row(`MCP next {} (default limit 20), ${BIG} milestones, warm server`, next, 'CLI next --json --explain --limit 20 (process)', cliTime(BIN, dir, ['next', '--json', '--explain', '--limit', '20'], runs), 'median < 10 ms');
  } finally {
    await client.close();
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = path.resolve(process.argv[2]);
  const row = (what, ours, baseName, base, target) => console.log(`${what}: ${ours.toFixed(1)} ms vs ${baseName} ${base.toFixed(1)} ms (target ${target})`);
  await benchMcp({ dir, BIG: '?', BIN: path.join(root, 'bin', 'git-milestone'), row, runs: Number(process.env.BENCH_RUNS ?? 5) });
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';
import { agentEvents, checkOrder, seedMilestone, writeAgent } from './fixture';

let repo: TmpRepo;
let agent: string;
const logOf = (name: string) => path.join(repo.dir, '..', `${path.basename(repo.dir)}-${name}.log`);

beforeAll(() => {
  repo = makeTmpRepo();
  repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
  agent = writeAgent(path.dirname(repo.dir) === '/' ? repo.dir : fs.mkdtempSync(path.join(path.dirname(repo.dir), 'gm-agent-')));
  expect(cli(repo.dir, ['init']).code).toBe(0);
});
afterAll(() => {
  repo.git(['fsck', '--strict']);
  fs.rmSync(path.dirname(agent), { recursive: true, force: true });
  for (const f of fs.readdirSync(path.dirname(repo.dir))) if (f.startsWith(`${path.basename(repo.dir)}-`)) fs.rmSync(path.join(path.dirname(repo.dir), f), { force: true });
  repo.cleanup();
});

describe('execute', () => {
  it('4 agents × 20 tasks: every task finished exactly once, never before its dependencies, merged back', async () => {
    const m = await seedMilestone(repo.dir, 20);
    const log = logOf('four');
    const r = cli(repo.dir, ['execute', m.id, '--agents', '4', '--agent-command', agent, '--json'], { AGENT_LOG: log });
    expect(r.code, r.stderr).toBe(0);
    const report = r.json();
    expect(report.done).toBe(20);
    const session = cli(repo.dir, ['session', 'show', report.session, '--json']).json();
    expect(session).toMatchObject({ status: 'completed', milestone: m.id });
    expect(session.checkpoints).toBeGreaterThanOrEqual(20); // after every task
    expect(checkOrder(agentEvents(log), m.tasks, m.deps)).toEqual([]);
    for (const t of m.tasks) expect(fs.existsSync(path.join(repo.dir, `out-${t.slice(0, 8)}.txt`))).toBe(true);
    expect(repo.git(['worktree', 'list']).trim().split('\n')).toHaveLength(1);
    expect(repo.git(['status', '--porcelain'])).toBe('');
    const show = cli(repo.dir, ['show', m.id, '--json']).json();
    expect(show.tasks.every((t: { status: string }) => t.status === 'completed')).toBe(true);
  });

  it('--dry-run prints the schedule in rounds and runs nothing', async () => {
    const m = await seedMilestone(repo.dir, 4);
    const log = logOf('dry');
    const r = cli(repo.dir, ['execute', m.id, '--agents', '2', '--agent-command', agent, '--dry-run', '--json'], { AGENT_LOG: log });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().rounds.map((x: { tasks: Array<{ task: string }> }) => x.tasks.map((t) => m.tasks.indexOf(t.task)))).toEqual([[0, 2], [1, 3]]);
    expect(fs.existsSync(log)).toBe(false);
  });

  it('a failing agent is retried, then the task is blocked with the reason and the log tail, shown by show and next', async () => {
    const m = await seedMilestone(repo.dir, 2);
    const fail = logOf('fail-list');
    fs.writeFileSync(fail, `${m.tasks[0]}\n`);
    const r = cli(repo.dir, ['execute', m.id, '--agent-command', agent, '--max-retries', '1', '--json'], { AGENT_LOG: logOf('fail'), AGENT_FAIL: fail });
    expect(r.code).toBe(1);
    const line = r.json().tasks.find((t: { task: string }) => t.task === m.tasks[0]);
    expect(line).toMatchObject({ outcome: 'blocked', attempts: 2 });
    expect(agentEvents(logOf('fail')).filter(([e]) => e === 'start')).toHaveLength(2);
    const task = cli(repo.dir, ['task', 'show', m.tasks[0], '--json']).json();
    expect(task.status).toBe('blocked');
    expect(task.blocker.reason).toMatch(/exited with status 4 after 2 attempts; log tail:\n[\s\S]*failing on demand/);
    expect(cli(repo.dir, ['next', m.id]).stdout).toMatch(/exited with status 4/);
    expect(fs.readFileSync(path.join(repo.dir, '.git/milestones/logs', `agent-${m.tasks[0]}.log`), 'utf8')).toMatch(/failing on demand/);
  });

  it('a failing verify command and a timeout block the task', async () => {
    const m = await seedMilestone(repo.dir, 1);
    const v = cli(repo.dir, ['execute', m.id, '--agent-command', agent, '--verify-command', 'echo bad-build; exit 9', '--max-retries', '0', '--json'], { AGENT_LOG: logOf('v') });
    expect(v.json().tasks[0].reason).toMatch(/the verify command exited with status 9/);
    const t = await seedMilestone(repo.dir, 1);
    const r = cli(repo.dir, ['execute', t.id, '--agent-command', agent, '--timeout', '1', '--json'], { AGENT_LOG: logOf('t'), AGENT_SLEEP: '30' });
    expect(r.json().tasks[0].reason).toMatch(/timed out after 1s/);
  });

  it('bad input: an agent command that does not exist, an untrusted committed command, a taken worktree path', async () => {
    const m = await seedMilestone(repo.dir, 1);
    const missing = cli(repo.dir, ['execute', m.id, '--agent-command', 'no-such-agent-xyz --go']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/agent command not found: no-such-agent-xyz/);
    fs.mkdirSync(path.join(repo.dir, '.milestones/config'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones/config/milestone-config.yaml'), `agents:\n  command: ${agent}\n`);
    repo.git(['add', '.milestones']);
    repo.git(['commit', '-q', '-m', 'shared settings']);
    try {
      const untrusted = cli(repo.dir, ['execute', m.id], { AGENT_LOG: logOf('trust') });
      expect(untrusted.code).toBe(9);
      expect(untrusted.stderr).toMatch(/agents\.command is not run: .* is not trusted/);
      expect(fs.existsSync(logOf('trust'))).toBe(false);
      expect(cli(repo.dir, ['execute', m.id, '--dry-run']).code).toBe(9);
      expect(cli(repo.dir, ['trust']).code).toBe(0);
      const taken = path.join(repo.dir, '.git/milestones/worktrees', m.tasks[0].slice(0, 8));
      fs.mkdirSync(taken, { recursive: true });
      fs.writeFileSync(path.join(taken, 'mine.txt'), 'keep');
      const t = cli(repo.dir, ['execute', m.id], { AGENT_LOG: logOf('trust') });
      expect(t.code).toBe(6);
      expect(t.stderr).toMatch(/exists and is not the worktree/);
      expect(fs.readFileSync(path.join(taken, 'mine.txt'), 'utf8')).toBe('keep');
      fs.rmSync(taken, { recursive: true });
      const trusted = cli(repo.dir, ['execute', m.id, '--json'], { AGENT_LOG: logOf('trust') });
      expect(trusted.code, trusted.stderr).toBe(0);
      expect(agentEvents(logOf('trust')).map(([e]) => e)).toEqual(['start', 'finish']);
    } finally {
      repo.git(['rm', '-rq', '.milestones']);
      repo.git(['commit', '-q', '-m', 'no shared settings']);
      try { repo.git(['config', '--unset-all', 'milestone.trusted-settings']); } catch { /* never trusted */ }
    }
  });

  it('a merge conflict blocks the task, names the file and leaves the branch; a dirty work tree is never merged into', async () => {
    const m = await seedMilestone(repo.dir, 1);
    const short = m.tasks[0].slice(0, 8);
    const clash = `echo theirs > clash-${short}.txt`;
    fs.writeFileSync(path.join(repo.dir, `clash-${short}.txt`), 'ours\n');
    const dirty = cli(repo.dir, ['execute', m.id, '--agent-command', clash, '--json']);
    expect(dirty.json().tasks[0]).toMatchObject({ outcome: 'unmerged' });
    expect(dirty.json().tasks[0].reason).toMatch(/uncommitted changes/);
    expect(fs.readFileSync(path.join(repo.dir, `clash-${short}.txt`), 'utf8')).toBe('ours\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '-m', 'ours']);
    const again = cli(repo.dir, ['execute', m.id, '--agent-command', clash, '--json']);
    expect(again.json().tasks[0].reason).toMatch(new RegExp(`merge conflict merging milestone/${short}-task-0 into main in clash-${short}.txt`));
    expect(cli(repo.dir, ['task', 'show', m.tasks[0], '--json']).json().status).toBe('blocked');
    expect(repo.git(['branch', '--list', `milestone/${short}-task-0`])).toMatch(short);
    expect(repo.git(['status', '--porcelain'])).toBe('');
  });
});

describe('execute and leases', () => {
  it('a task whose holder stopped heartbeating is blocked with the reason, shown by task show and next', async () => {
    const m = await seedMilestone(repo.dir, 3);
    const [ghost, , other] = m.tasks; // (task 1 waits for the ghost's task)
    expect(cli(repo.dir, ['task', 'start', ghost]).code).toBe(0);
    const claimed = cli(repo.dir, ['claim', ghost, '--ttl', '1s', '--as', 'ghost', '--json']);
    expect(claimed.code, claimed.stderr).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    const r = cli(repo.dir, ['execute', m.id, '--agent-command', agent, '--json'], { AGENT_LOG: logOf('lapsed') });
    expect(agentEvents(logOf('lapsed'))).toEqual([['start', other], ['finish', other]]);
    const task = cli(repo.dir, ['task', 'show', ghost, '--json']).json();
    expect(task.status).toBe('blocked');
    expect(task.blocker.reason).toMatch(/the lease of ghost \(.*\) lapsed at .*: its heartbeats stopped/);
    expect(cli(repo.dir, ['next', m.id]).stdout).toMatch(/lease of ghost .* lapsed/);
    expect(r.json().tasks.find((t: { task: string }) => t.task === other).outcome).toBe('done');
  });
});

describe('execute after kill -9', () => {
  it('5 runs killed at random moments, then resumed: every task finished exactly once, no claim or worktree left', async () => {
    const m = await seedMilestone(repo.dir, 8);
    const log = logOf('crash');
    for (let run = 0; run < 5; run++) {
      const child = spawn(process.execPath, [BIN, 'execute', m.id, '--agents', '3', '--agent-command', agent], {
        cwd: repo.dir, env: cliEnv({ AGENT_LOG: log, AGENT_SLEEP: '0.2' }), stdio: 'ignore',
      });
      const exited = new Promise((r) => child.on('exit', r)); // (a run may finish before it is killed)
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 900)));
      child.kill('SIGKILL');
      await exited;
    }
    // Every run took over the session the killed one left: at most one is open (crashed).
    const sessions = cli(repo.dir, ['session', 'list', '--all', '--json']).json().filter((s: { milestone: string }) => s.milestone === m.id);
    const open = sessions.filter((s: { status: string }) => s.status !== 'completed');
    expect(open.length).toBeLessThanOrEqual(1);
    expect(open.map((s: { status: string }) => s.status)).not.toContain('active');
    const resume = open.length > 0 ? ['--resume-session', open[0].id.slice(0, 12)] : []; // (none when a run finished first)
    const r = cli(repo.dir, ['execute', m.id, ...resume, '--agents', '3', '--agent-command', agent, '--json'], { AGENT_LOG: log, AGENT_SLEEP: '0.05' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const id: string = r.json().session;
    if (open.length > 0) expect(id).toBe(open[0].id);
    expect(checkOrder(agentEvents(log), m.tasks, m.deps)).toEqual([]);
    const left = repo.git(['worktree', 'list', '--porcelain']);
    for (const t of m.tasks) expect(left).not.toContain(t.slice(0, 8));
    expect(cli(repo.dir, ['show', m.id, '--json']).json().claims ?? []).toEqual([]);
    const shown = cli(repo.dir, ['session', 'show', id, '--json']).json();
    expect(shown.status).toBe('completed');
    const again = cli(repo.dir, ['execute', m.id, '--resume-session', id, '--agent-command', agent]);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/is completed: it cannot be resumed/);
    repo.git(['fsck', '--strict']);
  });
});

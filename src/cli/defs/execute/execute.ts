/** `git milestone execute MILESTONE` */
import type { ExecuteReport } from '../../../core/execute/executeReport';
import { planExecute, type ExecutePlanView } from '../../../core/execute/planExecute';
import { runExecute } from '../../../core/execute/runExecute';
import type { CommandDef } from '../../CommandDef';
import { oneLine, short } from '../../format';

type Result = ExecuteReport | ExecutePlanView;
const isPlan = (r: Result): r is ExecutePlanView => 'rounds' in r;

const def: CommandDef<Result> = {
  summary: 'Run agents over a milestone\'s tasks: one worktree per agent, in dependency order, resumable.',
  description: 'Schedules the ready tasks over the dependency graph, claims each, and runs the agent command in the task\'s own linked worktree (on its branch, named as `branch start` names it) with MILESTONE_ID, MILESTONE_TASK_ID, MILESTONE_PHASE, MILESTONE_SESSION_ID and MILESTONE_TASK_FILE. Exit 0 moves the task on (phase submitted or task completed); non-zero retries, then blocks it with the reason and the log\'s tail (.git/milestones/logs/agent-<task>.log). Finished branches merge back into your branch in dependency order (git_integration.merge_strategy), never while your work tree has changes. A command from the committed settings file runs only once this clone trusts the file (`git milestone trust`). After a crash, `--resume-session ID` (or execute again) takes up where it stopped. Exits 1 when a task ended blocked or unmerged.',
  examples: [
    'git milestone execute 3f2a --agents 4 --agent-command ./scripts/agent.sh',
    'git milestone execute 3f2a --dry-run --agents 2',
    'git milestone execute 3f2a --coordination sequential --timeout 30m --max-retries 1',
    'git milestone execute 3f2a --resume-session 0123456789abcdef --json',
  ],
  args: [{ name: 'milestone', description: 'The milestone (id, prefix or alias).', required: true }],
  needsWorkTree: true,
  flags: {
    agents: { type: 'integer', description: 'Agents working at once (parallel coordination). Default 1.' },
    coordination: { type: 'string', options: ['parallel', 'sequential', 'simple'], description: 'parallel: up to --agents worktrees at once; sequential: one task at a time; simple: one at a time in your own work tree, no branches.' },
    'agent-command': { type: 'string', description: 'The agent command (sh -c), instead of agents.command.' },
    'verify-command': { type: 'string', description: 'Run in the worktree after the agent; non-zero blocks the task. Instead of agents.verify_command.' },
    'dry-run': { type: 'boolean', description: 'Print the schedule; run nothing.' },
    'resume-session': { type: 'string', description: 'Resume this session after a crash.' },
    timeout: { type: 'string', description: 'Per task, e.g. 90s, 30m, 2h (a bare number is seconds); over it the task is blocked.' },
    'max-retries': { type: 'integer', description: 'Attempts after the first before blocking (session_management.max_retry_attempts, default 2).' },
  },
  execute(ctx, input) {
    const f = input.flags;
    const o = {
      milestone: input.args.milestone as string,
      agents: f.agents as number | undefined,
      coordination: f.coordination as string | undefined,
      agentCommand: f['agent-command'] as string | undefined,
      verifyCommand: f['verify-command'] as string | undefined,
      timeout: f.timeout as string | undefined,
      maxRetries: f['max-retries'] as number | undefined,
    };
    return f['dry-run'] ? planExecute(ctx, o) : runExecute(ctx, { ...o, resumeSession: f['resume-session'] as string | undefined });
  },
  text(r) {
    if (isPlan(r)) {
      const rounds = r.rounds.map((x) => `Round ${x.round}:\n${x.tasks.map((t) => `  ${short(t.task)} ${oneLine(t.title)}${t.branch ? `  (${t.branch})` : ''}`).join('\n')}`);
      const waiting = r.waiting.length ? [`Never reached (blocked dependency or cycle): ${r.waiting.map(short).join(', ')}`] : [];
      return [`Dry run: ${r.coordination}, ${r.agents} agent(s), command ${r.command ?? '(none)'}`, ...rounds, ...waiting].join('\n');
    }
    const rows = r.tasks.map((t) => `  ${short(t.task)} ${t.outcome.padEnd(16)} ${oneLine(t.title)}${t.reason ? `\n      ${oneLine(t.reason.split('\n')[0])}` : ''}`);
    return [`Session ${r.session}${r.resumed ? ' (resumed)' : ''}: ${r.done} done, ${r.blocked} blocked`, ...rows].join('\n');
  },
  exitCode(r) {
    return isPlan(r) || r.tasks.every((t) => t.outcome === 'done') ? 0 : 1;
  },
};
export default def;

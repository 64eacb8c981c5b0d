/**
 * `git milestone execute MILESTONE`: starts (or resumes) a session, then schedules the ready tasks
 * over the dependency graph (domain/execute/schedule.ts), each claimed and run by an agent in its
 * worktree (executeTask.ts). Finished branches merge back in dependency order; the session is
 * checkpointed after every task and every checkpoint_frequency. After a crash, a resumed run takes
 * up what its session had in progress: a finished agent's result is taken, not run again.
 */
import { mergeOrder, startable, type SchedTask } from '../../domain/execute/schedule';
import type { MilestoneState } from '../../domain/types';
import { currentPhaseOf } from '../../domain/workflow/machine';
import { MilestoneError } from '../../errors/MilestoneError';
import { loadSettings } from '../config/loadSettings';
import type { Context } from '../context';
import { gitSettingsFromTree, type GitSettings } from '../git/gitSettings';
import { readMilestone } from '../milestoneAccess';
import { resolveMilestone } from '../resolveMilestone';
import { blockTask } from './blockTask';
import { agentName, leaseMs, letGo } from './coordination';
import { checkpoint, endSession, heartbeat } from './executeSession';
import { endProgress, progressLine, type ExecuteReport, type TaskLine } from './executeReport';
import { executeSettings, type ExecuteFlags, type ExecuteSettings } from './executeSettings';
import { executeTask, type TaskOutcome } from './executeTask';
import { mergeBack } from './mergeBack';
import { openRun } from './openRun';
import { runFiles } from './runFiles';
import { removeWorktree, taskBranch } from './worktrees';

/** How often the session is told the executor lives (written only when due: heartbeatSession). */
const HEARTBEAT_MS = 60_000;

export async function runExecute(ctx: Context, o: ExecuteFlags & { milestone: string; resumeSession?: string }): Promise<ExecuteReport> {
  if (!ctx.repo.workTree) throw new MilestoneError('NEEDS_WORK_TREE', 'execute needs a work tree, and this is a bare repository');
  const settings = await executeSettings(ctx, o);
  if (!settings.command) {
    throw new MilestoneError('USAGE', 'no agent command: give --agent-command CMD or set agents.command', {
      hint: 'e.g. git milestone execute 3f2a --agent-command "claude -p \\"$(cat $MILESTONE_TASK_FILE)\\""',
    });
  }
  const word = settings.command.trim().split(/\s+/)[0];
  if (!word.includes('=') && !ctx.processes.commandExists(word, { cwd: ctx.repo.workTree, vars: ctx.env.vars })) {
    throw new MilestoneError('NOT_FOUND', `agent command not found: ${word}`, { hint: 'Check --agent-command (or agents.command) and PATH.' });
  }
  const git = gitSettingsFromTree((await loadSettings(ctx)).values);
  const milestoneId = await resolveMilestone(ctx, o.milestone);
  const run = await openRun(ctx, { milestone: milestoneId, resume: o.resumeSession });
  const agent = agentName(run.session);
  const ttlMs = leaseMs(ctx);
  const lines = new Map<string, TaskLine>();
  const running = new Map<string, Promise<[string, TaskOutcome | Error]>>();
  const skip = new Set<string>();
  const unmerged = new Set<string>(run.unmerged);
  let state = await readMilestone(ctx, milestoneId);
  const line = (id: string, outcome: string, extra: Partial<TaskLine> = {}) => {
    const t = state.tasks.find((x) => x.id === id);
    const base = lines.get(id) ?? { task: id, title: t?.title ?? '', outcome, attempts: 0, branch: t ? taskBranch(git, state, t) : null };
    lines.set(id, { ...base, ...extra, outcome });
  };
  const save = async () => checkpoint(ctx, {
    session: run.session, message: `${lines.size} tasks handled`,
    tasks: [...running.keys()].map((task) => inProgress(state, task)), next: startable(sched(state), runState(), settings.coordination, settings.agents),
  });
  const runState = () => ({ running: new Set(running.keys()), unmerged, skip, resumable: run.resumable });
  const timer = settings.checkpointMs ? setInterval(() => void save().catch(() => {}), settings.checkpointMs) : null;
  const beat = setInterval(() => void heartbeat(ctx, run.session).catch(() => {}), HEARTBEAT_MS);
  try {
    await mergeReady(ctx, { state, unmerged, skip, settings, git, line, agent });
    for (;;) {
      for (const id of startable(sched(state), runState(), settings.coordination, settings.agents)) {
        const r = { settings, git, session: run.session, agent, ttlMs, command: settings.command };
        running.set(id, executeTask(ctx, r, state, id).then((x) => [id, x] as [string, TaskOutcome], (e: Error) => [id, e]));
      }
      progressLine(ctx.env, { done: [...lines.values()].filter((l) => l.outcome === 'done').length, total: sched(state).length, running: [...running.keys()], blocked: [...lines.values()].filter((l) => l.outcome === 'blocked').length });
      if (running.size === 0) break;
      const [id, out] = await Promise.race(running.values());
      running.delete(id);
      if (out instanceof Error) {
        await Promise.allSettled(running.values());
        await letGo(ctx, { task: id, agent });
        throw out;
      }
      if (out.kind === 'held') { skip.add(id); line(id, 'held', { reason: out.reason }); continue; }
      if (out.kind === 'blocked') { skip.add(id); await blockTask(ctx, { milestone: milestoneId, task: id, reason: out.reason }); line(id, 'blocked', { attempts: out.attempts, reason: out.reason }); }
      if (out.kind === 'waiting') { skip.add(id); line(id, 'waiting_approval', { attempts: out.attempts, reason: `phase ${out.phase} waits for approval` }); }
      if (out.kind === 'done') { unmerged.add(id); line(id, 'unmerged', { attempts: out.attempts }); }
      state = await readMilestone(ctx, milestoneId);
      // A merge conflict blocks a task (a write): only then is the milestone read again.
      if (await mergeReady(ctx, { state, unmerged, skip, settings, git, line, session: run.session, agent })) {
        state = await readMilestone(ctx, milestoneId);
      }
      await letGo(ctx, { task: id, agent });
      await save();
    }
  } finally {
    if (timer) clearInterval(timer);
    clearInterval(beat);
    endProgress(ctx.env);
  }
  await endSession(ctx, run.session);
  for (const t of sched(state)) if (!lines.has(t.id) && t.status !== 'completed' && t.status !== 'cancelled') line(t.id, 'not_run');
  const tasks = [...lines.values()];
  return {
    session: run.session, resumed: run.resumed, milestone: milestoneId, coordination: settings.coordination, agents: settings.agents,
    done: tasks.filter((l) => l.outcome === 'done').length, blocked: tasks.filter((l) => l.outcome === 'blocked').length, tasks,
  };
}

/** A task in progress as a checkpoint records it: with its current phase. */
function inProgress(m: MilestoneState, id: string): { task: string; phase?: string } {
  const wf = m.tasks.find((t) => t.id === id)?.workflow;
  const phase = wf ? currentPhaseOf(wf)?.name : undefined;
  return phase ? { task: id, phase } : { task: id };
}

function sched(m: MilestoneState): SchedTask[] {
  return m.tasks.filter((t) => !t.deleted).map((t) => ({ id: t.id, dependsOn: t.dependsOn, status: t.status }));
}

interface MergeInput {
  state: MilestoneState;
  unmerged: Set<string>;
  skip: Set<string>;
  settings: ExecuteSettings;
  git: GitSettings;
  line: (id: string, outcome: string, extra?: Partial<TaskLine>) => void;
  session?: string;
  agent: string;
}

/** Merges back what may merge now, dependencies first; a conflict blocks the task. True when one did. */
async function mergeReady(ctx: Context, o: MergeInput): Promise<boolean> {
  let blocked = false;
  for (const id of mergeOrder(sched(o.state), o.unmerged)) {
    const t = o.state.tasks.find((x) => x.id === id)!;
    if (o.settings.coordination === 'simple') {
      o.unmerged.delete(id);
      o.line(id, 'done');
      continue;
    }
    const branch = taskBranch(o.git, o.state, t);
    const r = await mergeBack(ctx, { branch, worktree: runFiles(ctx, id).worktree, title: t.title, settings: o.settings });
    if (r.kind === 'deferred') {
      o.line(id, 'unmerged', { reason: `${r.reason}: merge ${branch} yourself` });
      continue;
    }
    o.unmerged.delete(id);
    if (r.kind === 'conflict') {
      o.skip.add(id);
      blocked = true;
      await blockTask(ctx, { milestone: o.state.id, task: id, reason: `${r.reason}; branch ${branch} left for you` });
      o.line(id, 'blocked', { reason: r.reason });
      continue;
    }
    await removeWorktree(ctx, id);
    await letGo(ctx, { task: id, agent: o.agent });
    o.line(id, 'done');
  }
  return blocked;
}

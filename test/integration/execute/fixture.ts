/**
 * Shared pieces of the execute tests: a fake agent (appends `start <task>` and `finish <task>` to a
 * log, writes a file, sleeps a little, fails on demand) and a milestone of N tasks with
 * dependencies, written in-process through the built core (one write for all tasks, one for deps).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const dist = (p: string) => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p));

export const FAKE_AGENT = `#!/bin/sh
echo "start $MILESTONE_TASK_ID" >> "$AGENT_LOG"
test -f "$MILESTONE_TASK_FILE" || { echo "no task file"; exit 3; }
echo "$MILESTONE_TASK_ID" > "out-$(echo $MILESTONE_TASK_ID | cut -c1-8).txt"
sleep "\${AGENT_SLEEP:-0.05}"
if [ -n "$AGENT_FAIL" ] && grep -q "$MILESTONE_TASK_ID" "$AGENT_FAIL" 2>/dev/null; then echo "failing on demand"; exit 4; fi
echo "finish $MILESTONE_TASK_ID" >> "$AGENT_LOG"
`;

export function writeAgent(dir: string): string {
  const file = path.join(dir, 'fake-agent.sh');
  fs.writeFileSync(file, FAKE_AGENT, { mode: 0o755 });
  return file;
}

/** Task i depends on tasks i-1 and i-3 when `i % 2 === 1` (a graph with parallel width). */
export async function seedMilestone(cwd: string, n: number): Promise<{ id: string; tasks: string[]; deps: Map<string, string[]> }> {
  const { createTestEnv } = dist('env/testEnv.js');
  const { openContext } = dist('core/openContext.js');
  const { createMilestone } = dist('core/createMilestone.js');
  const { addTasks } = dist('core/addTask.js');
  const { writeMilestone } = dist('core/milestoneAccess.js');
  const { taskDependOp } = dist('domain/ops/taskDepend.js');
  const env = createTestEnv({ cwd, vars: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', HOME: process.env.HOME }, now: new Date().toISOString() });
  const ctx = await openContext({ env, needsRepo: true, needsWorkTree: false });
  try {
    const m = await createMilestone(ctx, { title: `Execute ${n}` });
    const views = await addTasks(ctx, m.id, Array.from({ length: n }, (_, i) => ({ title: `Task ${i}` })));
    const tasks: string[] = views.map((v: { id: string }) => v.id);
    const deps = new Map<string, string[]>();
    tasks.forEach((t, i) => deps.set(t, i % 2 === 1 ? [tasks[i - 1], ...(i >= 3 ? [tasks[i - 3]] : [])] : []));
    await writeMilestone(ctx, m.id, () => tasks.filter((t) => deps.get(t)!.length > 0).map((t) => taskDependOp({ task: t, add: deps.get(t)! })));
    return { id: m.id, tasks, deps };
  } finally {
    await ctx.close();
  }
}

/** Lines of the agent log as [event, task]. */
export function agentEvents(log: string): Array<[string, string]> {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split(' ') as [string, string]);
}

/** Every task finished exactly once, and never before its dependencies finished. */
export function checkOrder(events: Array<[string, string]>, tasks: string[], deps: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const finishedAt = new Map<string, number>();
  events.forEach(([e, t], i) => {
    if (e !== 'finish') return;
    if (finishedAt.has(t)) problems.push(`${t.slice(0, 8)} finished twice`);
    finishedAt.set(t, i);
  });
  events.forEach(([e, t], i) => {
    if (e !== 'start') return;
    for (const d of deps.get(t) ?? []) if ((finishedAt.get(d) ?? Infinity) > i) problems.push(`${t.slice(0, 8)} started before ${d.slice(0, 8)} finished`);
  });
  for (const t of tasks) if (!finishedAt.has(t)) problems.push(`${t.slice(0, 8)} never finished`);
  return problems;
}

/**
 * `git milestone new --template NAME --var key=value`: a milestone with the template's tasks,
 * their dependencies (by the tasks' local keys) and its workflow. Everything is checked before the
 * first write (the template file, every variable, the workflow, the filled-in values), so a bad
 * input writes nothing. Then: the milestone (its workflow as milestone.workflow), all its
 * tasks (one write, and one attaching the workflow), their dependencies (one write, when there are any); task ids are the hashes
 * of their task.add operations, known only once written.
 */
import { taskDependOp } from '../../domain/ops/constructors';
import { fillTemplate } from '../../domain/template/fillTemplate';
import { fieldTypeProblems, fieldValueProblems, TASK_FIELD_RULES } from '../../domain/fields';
import { milestoneView, type MilestoneView } from '../../domain/views';
import { MilestoneError } from '../../errors/MilestoneError';
import { addTasks } from '../addTask';
import type { Context } from '../context';
import { createMilestone, type CreateMilestoneOptions } from '../createMilestone';
import { writeMilestone } from '../milestoneAccess';
import { findWorkflow } from '../workflow/findWorkflow';
import { loadTemplate } from './loadTemplate';
import type { MilestoneTemplate } from './checkTemplateFile';

export interface CreateFromTemplateOptions {
  template: string;
  vars: Record<string, string>;
  /** Flags given beside --template; they win over the template's values. */
  overrides: Partial<CreateMilestoneOptions>;
}

/** `key=value` words (repeatable --var) as a record; a word without `=` or a repeated key is refused. */
export function parseVars(words: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    const key = eq > 0 ? w.slice(0, eq).trim() : '';
    if (key === '') throw new MilestoneError('USAGE', `--var needs key=value, got "${w}"`);
    if (key in out) throw new MilestoneError('USAGE', `--var ${key} given twice`);
    out[key] = w.slice(eq + 1);
  }
  return out;
}

function fill(name: string, t: MilestoneTemplate, vars: Record<string, string>): MilestoneTemplate {
  const { variables, ...body } = t;
  const defaults = Object.fromEntries(Object.entries(variables ?? {}).map(([k, v]) => [k, v.default]));
  const filled = fillTemplate(body, vars, defaults);
  const declared = Object.keys(variables ?? {});
  if (filled.missing.length > 0) {
    const s = filled.missing.length > 1 ? 's' : '';
    const message = `template ${name}: missing variable${s} ${filled.missing.join(', ')}`;
    throw new MilestoneError('INVALID_INPUT', message, {
      hint: `Give ${filled.missing.map((m) => `--var ${m}=VALUE`).join(' ')}.`,
      data: { template: name, missing: filled.missing },
    });
  }
  if (filled.unknown.length > 0) {
    const used = Object.keys(vars).filter((k) => !filled.unknown.includes(k));
    const known = [...new Set([...declared, ...used])];
    const uses = known.join(', ') || 'none';
    const message = `template ${name} has no variable ${filled.unknown.join(', ')} (it uses: ${uses})`;
    throw new MilestoneError('INVALID_INPUT', message, {
      data: { template: name, unknown: filled.unknown, known },
    });
  }
  return filled.value;
}

export async function createFromTemplate(ctx: Context, o: CreateFromTemplateOptions): Promise<MilestoneView> {
  const { template: raw } = loadTemplate(ctx, o.template);
  const t = fill(o.template, raw, o.vars);
  const workflow = t.workflow === undefined ? undefined : findWorkflow(ctx, t.workflow).name;

  const tasks = t.tasks ?? [];
  const taskOptions = tasks.map((x) => ({
    title: x.title, description: x.description, assignee: x.assignee, estimatedHours: x.estimate,
  }));
  // The milestone's own values are checked by its create operation before anything is written;
  // the tasks' are checked here, by the same domain rules, since they are written after it.
  tasks.forEach((x, i) => {
    const fields = Object.fromEntries(Object.entries(taskOptions[i]).filter(([, v]) => v !== undefined));
    const problems = [
      ...fieldTypeProblems(TASK_FIELD_RULES, fields), ...fieldValueProblems(TASK_FIELD_RULES, fields),
    ];
    if (problems.length > 0) {
      const message = `template ${o.template}: task ${x.key}: ${problems.join('; ')}`;
      throw new MilestoneError('INVALID_INPUT', message, {
        data: { template: o.template, task: x.key, problems },
      });
    }
  });

  const created = await createMilestone(ctx, {
    title: t.title,
    description: t.description,
    priority: t.priority,
    category: t.category,
    ...Object.fromEntries(Object.entries(o.overrides).filter(([, x]) => x !== undefined)),
    labels: [...new Set([...(t.labels ?? []), ...(o.overrides.labels ?? [])])],
    ...(workflow !== undefined ? { workflow } : {}),
  });
  if (tasks.length === 0) return created;
  const def = workflow === undefined ? null : findWorkflow(ctx, workflow);
  const views = await addTasks(ctx, created.id, taskOptions, def);
  const idOf = new Map(tasks.map((x, i) => [x.key, views[i].id]));
  const deps = tasks.filter((x) => (x.depends_on ?? []).length > 0);
  if (deps.length === 0) return milestoneView((await ctx.milestones.read(created.id)).state);
  const { state } = await writeMilestone(ctx, created.id, () => deps.map((x) => taskDependOp({
    task: idOf.get(x.key) as string,
    add: (x.depends_on ?? []).map((k) => idOf.get(k) as string),
  })));
  return milestoneView(state);
}

/**
 * Checks the text of one milestone template (`.milestones/templates/<name>.yaml`): YAML syntax and
 * schemas/milestone-template.schema.json, then unique task keys, `depends_on` naming keys of the
 * same template, and no dependency cycle. Every issue names file, line and key, like settings.
 */
import type { ConfigIssue } from '../../config/types';
import { checkYamlFile } from '../workflow/checkYamlFile';

export const TEMPLATE_SCHEMA = 'milestone-template.schema.json';

export interface TemplateTask {
  key: string;
  title: string;
  description?: string;
  assignee?: string;
  estimate?: number;
  depends_on?: string[];
}

export interface MilestoneTemplate {
  title: string;
  description?: string;
  priority?: string;
  category?: string;
  labels?: string[];
  workflow?: string;
  variables?: Record<string, { description?: string; default?: string }>;
  tasks?: TemplateTask[];
}

export interface TemplateFileCheck {
  template?: MilestoneTemplate;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

export function checkTemplateFile(o: { file: string; text: string }): TemplateFileCheck {
  const { file } = o;
  const check = checkYamlFile({ file, text: o.text, schema: TEMPLATE_SCHEMA });
  const out: TemplateFileCheck = { errors: check.errors, warnings: check.warnings };
  if (check.value === undefined || out.errors.length > 0) return out;
  const err = (segments: Array<string | number>, message: string) => out.errors.push({
    file, line: check.lineOf(segments), path: segments.join('.'), message, severity: 'error',
  });

  const template = check.value as MilestoneTemplate;
  const tasks = template.tasks ?? [];
  const index = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (index.has(t.key)) err(['tasks', i, 'key'], `task key "${t.key}" appears twice`);
    else index.set(t.key, i);
  });
  tasks.forEach((t, i) => (t.depends_on ?? []).forEach((d, j) => {
    if (!index.has(d)) err(['tasks', i, 'depends_on', j], `no task with key "${d}" in this template`);
    else if (d === t.key) err(['tasks', i, 'depends_on', j], `task "${d}" cannot depend on itself`);
  }));
  if (out.errors.length === 0) {
    const cycle = findCycle(tasks);
    const at = ['tasks', index.get(cycle?.[0] ?? '') as number, 'depends_on'];
    if (cycle) err(at, `dependency cycle: ${cycle.join(' -> ')}`);
  }
  if (out.errors.length === 0) out.template = template;
  return out;
}

/** A cycle among the tasks' depends_on, as keys (first repeated at the end), or null. */
function findCycle(tasks: TemplateTask[]): string[] | null {
  const deps = new Map(tasks.map((t) => [t.key, t.depends_on ?? []]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (k: string): string[] | null => {
    if (state.get(k) === 'done') return null;
    if (state.get(k) === 'open') return [...stack.slice(stack.indexOf(k)), k];
    state.set(k, 'open');
    stack.push(k);
    for (const d of deps.get(k) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(k, 'done');
    return null;
  };
  for (const t of tasks) {
    const c = visit(t.key);
    if (c) return c;
  }
  return null;
}

/**
 * The one way a use case looks a workflow up by name: built in (answered without reading any file,
 * since a file cannot redefine a built-in one) or `.milestones/workflows/<name>.yaml` (.yml), checked
 * like every workflow file (loadWorkflows.ts). An unknown name lists the known ones; a file with
 * errors is CONFIG_INVALID carrying every issue (file, line, key), never half-used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatIssue } from '../../config/formatIssue';
import { BUILTIN_WORKFLOWS } from '../../domain/workflow/builtin';
import type { WorkflowDef } from '../../domain/workflow/types';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { checkWorkflowPath, loadWorkflows, workflowsDir } from './loadWorkflows';

export function findWorkflow(ctx: Context, name: string): WorkflowDef {
  const builtin = BUILTIN_WORKFLOWS.find((w) => w.name === name);
  if (builtin) return builtin;
  const where = workflowsDir(ctx);
  const abs = where === null || !/^[a-z][a-z0-9_-]{0,39}$/.test(name)
    ? undefined
    : [`${name}.yaml`, `${name}.yml`].map((n) => path.join(where.dir, n)).find((p) => fs.existsSync(p));
  if (where !== null && abs !== undefined) {
    const { workflow, errors, file } = checkWorkflowPath(abs, where.display(abs), where.dir);
    if (workflow) return workflow;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    const message = `invalid workflow file: ${formatIssue(errors[0])}${more}`;
    throw new MilestoneError('CONFIG_INVALID', message, {
      hint: `Fix ${file}, then check it with \`git milestone workflow validate\`.`,
      data: { issues: errors },
    });
  }
  const known = loadWorkflows(ctx).workflows.map((w) => w.name);
  throw new MilestoneError('NOT_FOUND', `unknown workflow "${name}" (known: ${known.join(', ')})`, {
    hint: `Define it in .milestones/workflows/${name}.yaml; `
      + '`git milestone workflow list` shows the known ones.',
    data: { name, known },
  });
}

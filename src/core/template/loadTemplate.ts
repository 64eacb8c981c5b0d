/**
 * Finds and checks the milestone template NAME: `.milestones/templates/NAME.yaml` (or .yml). An
 * unknown name lists the known templates; a file with errors is CONFIG_INVALID with every issue.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatIssue } from '../../config/formatIssue';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { milestonesDir } from '../config/settingsFile';
import { workflowsDir } from '../workflow/loadWorkflows';
import { checkTemplateFile, type MilestoneTemplate } from './checkTemplateFile';

export function knownTemplates(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')).sort();
  } catch {
    return [];
  }
}

export function loadTemplate(ctx: Context, name: string): { file: string; template: MilestoneTemplate } {
  const base = milestonesDir(ctx);
  const dir = base === null ? null : path.join(base, 'templates');
  const abs = dir === null || !/^[A-Za-z0-9_.-]+$/.test(name) || name.startsWith('.')
    ? undefined
    : [`${name}.yaml`, `${name}.yml`].map((n) => path.join(dir, n)).find((p) => fs.existsSync(p));
  if (abs === undefined) {
    const known = dir === null ? [] : knownTemplates(dir);
    const message = `unknown template "${name}" (known: ${known.length > 0 ? known.join(', ') : 'none'})`;
    throw new MilestoneError('NOT_FOUND', message, {
      hint: 'Templates are .milestones/templates/<name>.yaml; `git milestone workflow validate` checks them.',
      data: { name, known },
    });
  }
  const file = workflowsDir(ctx)?.display(abs) ?? abs;
  const check = checkTemplateFile({ file, text: fs.readFileSync(abs, 'utf8') });
  if (!check.template) {
    const more = check.errors.length > 1 ? ` (and ${check.errors.length - 1} more)` : '';
    const message = `invalid template file: ${formatIssue(check.errors[0])}${more}`;
    throw new MilestoneError('CONFIG_INVALID', message, {
      hint: `Fix ${file}, then check it with \`git milestone workflow validate\`.`,
      data: { issues: check.errors },
    });
  }
  return { file, template: check.template };
}

/**
 * `git milestone workflow validate [FILE...]`: checks workflow files and milestone templates
 * without using them. Without FILE: every .milestones/workflows/*.yaml and
 * .milestones/templates/*.yaml. A FILE in a folder named `templates` is checked as a template,
 * any other as a workflow. Never throws for bad content: issues come back with file, line and key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigIssue } from '../../config/types';
import type { Context } from '../context';
import { milestonesDir } from '../config/settingsFile';
import { checkTemplateFile } from '../template/checkTemplateFile';
import { checkWorkflowPath, unreadable, workflowsDir } from './loadWorkflows';

export interface FileValidation {
  file: string;
  kind: 'workflow' | 'template';
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

export interface WorkflowValidateResult {
  ok: boolean;
  files: FileValidation[];
}

const yamlIn = (dir: string): string[] => {
  try {
    return fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(dir, n));
  } catch {
    return [];
  }
};

export function validateWorkflowFiles(ctx: Context, o: { files: string[] }): WorkflowValidateResult {
  const where = workflowsDir(ctx);
  const display = where?.display ?? ((abs: string) => abs);
  const base = milestonesDir(ctx);
  const targets = o.files.length > 0
    ? o.files.map((f) => path.resolve(ctx.env.cwd, f))
    : base === null ? [] : [...yamlIn(path.join(base, 'workflows')), ...yamlIn(path.join(base, 'templates'))];
  const files = targets.map((abs): FileValidation => {
    const file = display(abs);
    if (path.basename(path.dirname(abs)) === 'templates') {
      let text: string;
      try {
        text = fs.readFileSync(abs, 'utf8');
      } catch (e) {
        return { file, kind: 'template', errors: [unreadable(file, e)], warnings: [] };
      }
      const check = checkTemplateFile({ file, text });
      return { file, kind: 'template', errors: check.errors, warnings: check.warnings };
    }
    const { errors, warnings } = checkWorkflowPath(abs, file, path.dirname(abs));
    return { file, kind: 'workflow', errors, warnings };
  });
  return { ok: files.every((f) => f.errors.length === 0), files };
}

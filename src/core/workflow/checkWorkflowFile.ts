/**
 * Checks the text of one workflow file (`.milestones/workflows/<name>.yaml`) and builds its
 * WorkflowDef: YAML syntax and schemas/workflow-file.schema.json first, then what a schema cannot
 * say: weights summing to 100, unique phase names, one template source per deliverable, each
 * template_file inside .milestones/workflows/ and present. `kiro` is built in and cannot be
 * redefined: a kiro.yaml is an error (never a silent shadow). Every issue names file, line and key.
 */
import * as path from 'node:path';
import type { ConfigIssue } from '../../config/types';
import { KIRO_WORKFLOW } from '../../domain/workflow/builtin';
import type { DeliverableDef, PhaseDef, WorkflowDef } from '../../domain/workflow/types';
import { checkYamlFile } from './checkYamlFile';

export const WORKFLOW_SCHEMA = 'workflow-file.schema.json';

export interface WorkflowFileCheck {
  workflow?: WorkflowDef;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

interface RawDeliverable { path?: string; required?: boolean; template?: string; template_file?: string }
interface RawPhase {
  name: string; weight: number; timeout?: string;
  gate?: { needs_approval?: boolean; approvers?: string[] };
  deliverables?: RawDeliverable[];
}
interface RawWorkflow { description?: string; phase_timeout?: string; phases: RawPhase[] }

/** The workflow name a file defines: its base name without .yaml/.yml. */
export const workflowNameOf = (file: string): string => path.basename(file).replace(/\.ya?ml$/, '');

export function checkWorkflowFile(o: {
  /** Repository-relative path, used in issues and as the workflow's `source`. */
  file: string;
  text: string;
  /** Text of a template file by its path relative to .milestones/workflows/; null when missing or outside. */
  readTemplate: (rel: string) => string | null;
}): WorkflowFileCheck {
  const { file } = o;
  const name = workflowNameOf(file);
  const check = checkYamlFile({ file, text: o.text, schema: WORKFLOW_SCHEMA });
  const out: WorkflowFileCheck = { errors: check.errors, warnings: check.warnings };
  const err = (segments: Array<string | number>, message: string) => out.errors.push({
    file, line: check.lineOf(segments), path: segments.join('.'), message, severity: 'error',
  });
  if (name === KIRO_WORKFLOW.name) {
    err([], 'kiro is the built-in workflow and cannot be redefined; '
      + 'give this file another name (e.g. kiro-team.yaml)');
  } else if (!/^[a-z][a-z0-9_-]{0,39}$/.test(name)) {
    err([], `workflow name "${name}" (the file name) must be lowercase letters, digits, - or _, `
      + 'starting with a letter');
  }
  if (check.value === undefined || out.errors.length > 0) return out;

  const raw = check.value as RawWorkflow;
  const total = raw.phases.reduce((sum, p) => sum + p.weight, 0);
  const weights = raw.phases.map((p) => `${p.name} ${p.weight}`).join(', ');
  if (total !== 100) err(['phases'], `phase weights sum to ${total}, not 100 (${weights})`);
  const seen = new Set<string>();
  const phases: PhaseDef[] = raw.phases.map((p, i) => {
    if (seen.has(p.name)) err(['phases', i, 'name'], `phase "${p.name}" appears twice`);
    seen.add(p.name);
    const deliverables = (p.deliverables ?? []).map((d, j): DeliverableDef => {
      const at = ['phases', i, 'deliverables', j];
      let template = d.template;
      if (d.template !== undefined && d.template_file !== undefined) {
        err([...at, 'template_file'], 'give template or template_file, not both');
      }
      if (d.template_file !== undefined) {
        const rel = path.posix.normalize(d.template_file.replace(/\\/g, '/'));
        if (path.posix.isAbsolute(rel) || rel === '..' || rel.startsWith('../')) {
          err([...at, 'template_file'], `${d.template_file} is outside .milestones/workflows/`);
        } else {
          const text = o.readTemplate(rel);
          const where = `.milestones/workflows/${rel}`;
          if (text === null) err([...at, 'template_file'], `template file ${where} not found (or outside)`);
          else template = text;
        }
      }
      return {
        path: d.path ?? `docs/milestones/{{milestone}}/{{task}}/${p.name}.md`,
        required: d.required ?? true,
        ...(template !== undefined ? { template } : {}),
      };
    });
    const timeout = p.timeout ?? raw.phase_timeout;
    return {
      name: p.name,
      weight: p.weight,
      needsApproval: p.gate?.needs_approval ?? false,
      approvers: p.gate?.approvers ?? [],
      deliverables,
      ...(timeout !== undefined ? { timeout } : {}),
    };
  });
  if (out.errors.length === 0) {
    const description = raw.description !== undefined ? { description: raw.description } : {};
    out.workflow = { name, ...description, phases, source: file };
  }
  return out;
}

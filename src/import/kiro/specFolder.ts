/**
 * One Kiro or cc-sdd spec folder (`.kiro/specs/<feature>/`) → a plan milestone, pure: tasks from
 * tasks.md, requirements.md and design.md as the documents of the design and spec phases, and
 * cc-sdd's `spec.json` (approvals → approval states; every other key kept verbatim). A spec.json
 * written by hand without `approvals` is kept as fields. Without spec.json (Kiro) a document that
 * a later one follows counts as approved (Kiro moves on only after approval), the last as generated.
 */
import type { ApprovalState, PlanDocument, PlanMilestone, PlanProblem, SourceFormat } from '../plan';
import { parseKiroTasks } from './parseTasks';

export interface SpecFiles {
  /** Folder path relative to the source root (`.kiro/specs/feature`). */
  folder: string;
  /** File name → text, for the files present (tasks.md, requirements.md, design.md, spec.json). */
  texts: Record<string, string>;
  archived: boolean;
}

const ROLES: Array<[PlanDocument['role'], string]> = [['requirements', 'requirements.md'], ['design', 'design.md'], ['tasks', 'tasks.md']];

function approvalOf(v: unknown): ApprovalState | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  return o.approved === true ? 'approved' : o.generated === true ? 'generated' : 'none';
}

function fromSpecJson(spec: Record<string, unknown>): PlanMilestone['approvals'] {
  const a = spec.approvals;
  if (typeof a !== 'object' || a === null) return null;
  const out: NonNullable<PlanMilestone['approvals']> = {};
  for (const [role] of ROLES) {
    const s = approvalOf((a as Record<string, unknown>)[role]);
    if (s) out[role] = s;
  }
  return out;
}

function implied(docs: PlanDocument[]): PlanMilestone['approvals'] {
  const out: NonNullable<PlanMilestone['approvals']> = {};
  docs.forEach((d, i) => { out[d.role] = i < docs.length - 1 ? 'approved' : 'generated'; });
  return out;
}

export function readSpecFolder(format: SourceFormat, s: SpecFiles): { milestone: PlanMilestone; problems: PlanProblem[]; notes: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const notes: PlanProblem[] = [];
  const name = s.folder.split('/').pop() as string;
  const documents: PlanDocument[] = ROLES.filter(([, f]) => s.texts[f] !== undefined).map(([role, f]) => ({ role, file: `${s.folder}/${f}` }));
  let fields: Record<string, unknown> = {};
  let approvals: PlanMilestone['approvals'] = null;
  const specText = s.texts['spec.json'];
  if (specText !== undefined) {
    try {
      const spec = JSON.parse(specText) as unknown;
      if (typeof spec === 'object' && spec !== null && !Array.isArray(spec)) {
        fields = { specJson: spec };
        approvals = fromSpecJson(spec as Record<string, unknown>);
      } else problems.push({ file: `${s.folder}/spec.json`, message: 'spec.json is not a JSON object; kept aside' });
    } catch (e) {
      problems.push({ file: `${s.folder}/spec.json`, message: `not valid JSON (${(e as Error).message}); approvals not imported` });
    }
  }
  if (approvals === null && format === 'kiro') approvals = implied(documents);
  const parsed = s.texts['tasks.md'] === undefined ? { tasks: [], problems: [] } : parseKiroTasks(`${s.folder}/tasks.md`, s.texts['tasks.md']);
  notes.push(...parsed.problems);
  const spec = fields.specJson as Record<string, unknown> | undefined;
  const title = typeof spec?.feature_name === 'string' ? spec.feature_name : typeof spec?.title === 'string' ? spec.title : name;
  const description = typeof spec?.project_description === 'string' ? spec.project_description
    : typeof spec?.summary === 'string' ? spec.summary : typeof spec?.description === 'string' ? spec.description : '';
  const milestone: PlanMilestone = {
    key: s.folder, title, description, archived: s.archived,
    files: [...documents.map((d) => d.file), ...(specText !== undefined ? [`${s.folder}/spec.json`] : [])],
    tasks: parsed.tasks, documents, approvals, fields,
  };
  return { milestone, problems, notes };
}

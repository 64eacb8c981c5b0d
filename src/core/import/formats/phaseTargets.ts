/**
 * The phase targets of a spec: each document's approval state (recorded by cc-sdd, implied by the
 * order for the other formats) and its content as a deliverable (work-tree path and git blob id:
 * written to the object store on a real import, only hashed on a dry run).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PHASE_OF_ROLE, type PhaseTargets } from '../../../import/phaseSteps';
import type { PlanMilestone, SourceFormat } from '../../../import/plan';
import { hashObject } from '../../../storage/format/hashObject';
import type { Context } from '../../context';

export async function phaseTargets(ctx: Context, pm: PlanMilestone, _format: SourceFormat, dryRun: boolean): Promise<PhaseTargets | null> {
  if (pm.documents.length === 0) return null;
  const out: PhaseTargets = {};
  pm.documents.forEach((d, i) => {
    out[PHASE_OF_ROLE[d.role]] = { state: pm.approvals?.[d.role] ?? (i < pm.documents.length - 1 ? 'approved' : 'generated'), deliverables: [] };
  });
  for (const d of pm.documents) {
    const abs = path.isAbsolute(d.file) ? d.file : path.join(ctx.repo.workTree ?? '', d.file);
    let content: Buffer;
    try { content = fs.readFileSync(abs); } catch { continue; }
    const blob = dryRun ? hashObject({ type: 'blob', content, format: ctx.repo.objectFormat }) : await ctx.storage.objects.writeBlob(content);
    out[PHASE_OF_ROLE[d.role]].deliverables.push({ path: d.file, blob });
  }
  return out;
}

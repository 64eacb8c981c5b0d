/** `git milestone workflow show NAME`: one workflow, every phase with its gate, deliverables and timeout. */
import type { WorkflowDef } from '../../domain/workflow/types';
import type { Context } from '../context';
import { findWorkflow } from './findWorkflow';

export function showWorkflow(ctx: Context, o: { name: string }): WorkflowDef {
  return findWorkflow(ctx, o.name);
}

/**
 * Plugs the milestone domain (operations in src/domain/ops) into the generic entity engine.
 */
import { applyOps } from '../domain/fold';
import { CREATE_TYPE, checkOperation, validateOperation } from '../domain/ops/registry';
import type { MilestoneState, Operation } from '../domain/types';
import type { EntityDefinition } from '../storage/entity/types';

export const milestoneEntity: EntityDefinition<MilestoneState> = {
  kind: 'milestone',
  createType: CREATE_TYPE,
  check: checkOperation,
  validate: validateOperation,
  apply: applyOps,
  clock: (state) => state.clock,
  describe(ops: Operation[]): string {
    const first = ops[0];
    const title = typeof first.title === 'string' ? ` ${JSON.stringify(first.title.split('\n')[0].slice(0, 60))}` : '';
    const more = ops.length > 1 ? ` (+${ops.length - 1} more)` : '';
    return `${first.type}${title}${more}\n\nWritten by git-milestone; the operations are in ops.json.\n`;
  },
};

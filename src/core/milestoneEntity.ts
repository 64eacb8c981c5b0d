/**
 * Plugs the milestone domain (operations in src/domain/ops) into the generic entity engine.
 * `milestoneEntity` folds with the default conflict policy (`merge`); `milestoneEntityFor` binds
 * another (`coordination.conflict_resolution`). The policy only matters where concurrent writes
 * meet, that is in merges: an ordinary append has seen everything it overwrites.
 */
import { applyOps } from '../domain/fold';
import { prepareOperation } from '../domain/ops/prepare';
import { CREATE_TYPE, checkOperation, validateOperation } from '../domain/ops/registry';
import type { ConflictPolicy, MilestoneState, Operation } from '../domain/types';
import type { EntityDefinition } from '../storage/entity/types';

export function milestoneEntityFor(policy: ConflictPolicy): EntityDefinition<MilestoneState> {
  return {
    kind: 'milestone',
    createType: CREATE_TYPE,
    check: checkOperation,
    validate: validateOperation,
    apply: (state, ops) => applyOps(state, ops, { policy }),
    prepare: prepareOperation,
    clock: (state) => state.clock,
    describe(ops: Operation[]): string {
      const first = ops[0];
      const title = typeof first.title === 'string' ? ` ${JSON.stringify(first.title.split('\n')[0].slice(0, 60))}` : '';
      const more = ops.length > 1 ? ` (+${ops.length - 1} more)` : '';
      return `${first.type}${title}${more}\n\nWritten by git-milestone; the operations are in ops.json.\n`;
    },
  };
}

export const milestoneEntity: EntityDefinition<MilestoneState> = milestoneEntityFor('merge');

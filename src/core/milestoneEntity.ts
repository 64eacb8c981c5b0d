/**
 * Plugs the milestone domain (operations in src/domain/ops) into the generic entity engine.
 * `milestoneEntity` folds with the default conflict policy (`merge`); `milestoneEntityFor` binds
 * another (`coordination.conflict_resolution`). The policy only matters where concurrent writes
 * meet, that is in merges: an ordinary append has seen everything it overwrites. The registry is
 * this release's (`OPS`); a test passes a newer one to write data this release must refuse.
 */
import { applyOps } from '../domain/fold';
import { prepareOperation } from '../domain/ops/prepare';
import { CREATE_TYPE, OPS, type OpRegistry } from '../domain/ops/registry';
import type { ConflictPolicy, MilestoneState, Operation } from '../domain/types';
import type { EntityDefinition } from '../storage/entity/types';

export function milestoneEntityFor(policy: ConflictPolicy, registry: OpRegistry = OPS): EntityDefinition<MilestoneState> {
  return {
    kind: 'milestone',
    createType: CREATE_TYPE,
    check: (op) => registry.get(op.type).check(op),
    validate: (state, op) => registry.get(op.type).validate(state, op),
    apply: (state, ops) => applyOps(state, ops, { policy }, registry),
    prepare: prepareOperation,
    clock: (state) => state.clock,
    describe(ops: Operation[]): string {
      const first = ops[0];
      const title = typeof first.title === 'string' ? ` ${JSON.stringify(first.title.split('\n')[0].slice(0, 60))}` : '';
      const more = ops.length > 1 ? ` (+${ops.length - 1} more)` : '';
      return `${first.type}${title}${more}\n\nWritten by git-milestone; the operations are in ops.json.\n`;
    },
    format: { level: registry.level, release: registry.release, releaseOf: registry.releaseOf, levelOf: registry.levelOf },
  };
}

export const milestoneEntity: EntityDefinition<MilestoneState> = milestoneEntityFor('merge');

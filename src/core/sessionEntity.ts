/**
 * Plugs the session domain (src/domain/session) into the generic entity engine, beside
 * milestoneEntity.ts: sessions live at refs/milestones/session/<id>. Every session commit is
 * marked with the kind's format level (3), so a release that does not know sessions skips them
 * (or, meeting one in a read, names the release it needs). A test passes another registry.
 */
import type { OpRegistry } from '../domain/ops/registry';
import { applySessionOps, SESSION_CREATE, SESSION_OPS } from '../domain/session/registry';
import { SESSION_LEVEL, type SessionState } from '../domain/session/types';
import type { Operation } from '../domain/types';
import type { EntityDefinition } from '../storage/entity/types';

export const SESSION_KIND = 'session';

export function sessionEntityFor(registry: OpRegistry<SessionState> = SESSION_OPS): EntityDefinition<SessionState> {
  return {
    kind: SESSION_KIND,
    createType: SESSION_CREATE,
    check: (op) => registry.get(op.type).check(op),
    validate: (state, op) => registry.get(op.type).validate(state, op),
    apply: (state, ops) => applySessionOps(state, ops, registry),
    clock: (state) => state.clock,
    describe(ops: Operation[]): string {
      const first = ops[0];
      const what = typeof first.status === 'string' ? ` ${first.status}` : typeof first.message === 'string'
        ? ` ${JSON.stringify(first.message.split('\n')[0].slice(0, 60))}` : '';
      const more = ops.length > 1 ? ` (+${ops.length - 1} more)` : '';
      return `${first.type}${what}${more}\n\nWritten by git-milestone; the operations are in ops.json.\n`;
    },
    format: {
      level: registry.level, release: registry.release, releaseOf: registry.releaseOf,
      levelOf: (ops) => Math.max(SESSION_LEVEL, registry.levelOf(ops)),
    },
  };
}

export const sessionEntity: EntityDefinition<SessionState> = sessionEntityFor();

/**
 * Completes an operation draft from the state it is about to be written on: stamps `prev`, what
 * the writer has seen of the registers and set members the operation touches (registers.ts,
 * addWinsSet.ts). The fold alone can then tell an overwrite from a concurrent write.
 *
 * The engine calls this for every draft of an append, on the state the draft will be written on
 * (after the pack's earlier drafts). So a retry after a lost compare-and-swap stamps what is then
 * current. A draft that is malformed is returned unchanged, and `check` refuses it.
 */
import { removalPrev } from '../addWinsSet';
import { EXTRA_SCOPE, MILESTONE_SCOPE, registerPrev, type RegisterScope } from '../registers';
import type { MilestoneState, OpDraft, TagMap } from '../types';
import { getEntry, isPlainObject, isStringArray } from '../values';
import { findTask } from './state';

const withPrev = (draft: OpDraft, prev: Record<string, string[]>): OpDraft => ({ ...draft, prev });

function fieldNames(draft: OpDraft): string[] | null {
  return isPlainObject(draft.fields) ? Object.keys(draft.fields) : null;
}

function registers(state: MilestoneState, draft: OpDraft, scope: RegisterScope, fields: string[] | null): OpDraft {
  return fields === null ? draft : withPrev(draft, registerPrev(state, scope, fields));
}

function removal(draft: OpDraft, members: readonly string[], tags: TagMap | undefined): OpDraft {
  const remove = draft.remove;
  if (!isStringArray(remove) || remove.length === 0) return draft;
  return withPrev(draft, removalPrev(members, tags, remove));
}

function taskScope(state: MilestoneState, draft: OpDraft): RegisterScope | null {
  return typeof draft.task === 'string' && findTask(state, draft.task) ? { kind: 'task', task: draft.task } : null;
}

/** The draft with `prev` stamped for `state`; other drafts unchanged. */
export function prepareOperation(state: MilestoneState | null, draft: OpDraft): OpDraft {
  if (state === null) return draft;
  switch (draft.type) {
    case 'milestone.set':
      return registers(state, draft, MILESTONE_SCOPE, fieldNames(draft));
    case 'milestone.set-extra':
      return registers(state, draft, EXTRA_SCOPE, fieldNames(draft));
    case 'milestone.archive':
      return registers(state, draft, MILESTONE_SCOPE, ['archived']);
    case 'milestone.workflow':
      return registers(state, draft, MILESTONE_SCOPE, ['workflow']);
    case 'task.set': {
      const scope = taskScope(state, draft);
      return scope ? registers(state, draft, scope, fieldNames(draft)) : draft;
    }
    case 'task.status': {
      const scope = taskScope(state, draft);
      return scope ? registers(state, draft, scope, ['status']) : draft;
    }
    case 'milestone.label':
      return removal(draft, state.labels, state.tags?.labels);
    case 'milestone.depend':
      return removal(draft, state.dependsOn, state.tags?.dependsOn);
    case 'milestone.alias':
      return removal(draft, state.aliases, state.tags?.aliases);
    case 'task.depend': {
      const task = typeof draft.task === 'string' ? findTask(state, draft.task) : undefined;
      return task ? removal(draft, task.dependsOn, getEntry(state.tags?.tasks, task.id)) : draft;
    }
    default:
      return draft;
  }
}

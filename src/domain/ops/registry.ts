/**
 * The operation types of a milestone log and their handlers. `getHandler` is the only way from an
 * operation's `type` string to its meaning; an unknown type is an INVALID_OPERATION that names it.
 * Order of OP_TYPES: milestone operations first, then task operations (as documented).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { milestoneAlias } from './milestoneAlias';
import { milestoneArchive } from './milestoneArchive';
import { milestoneCreate } from './milestoneCreate';
import { milestoneDelete } from './milestoneDelete';
import { milestoneDepend } from './milestoneDepend';
import { milestoneLabel } from './milestoneLabel';
import { milestoneSet } from './milestoneSet';
import { milestoneSetExtra } from './milestoneSetExtra';
import type { MilestoneState, Operation } from '../types';
import type { OpHandler } from './OpHandler';
import { taskAdd } from './taskAdd';
import { taskDepend } from './taskDepend';
import { taskRemove } from './taskRemove';
import { taskSet } from './taskSet';
import { taskStatus } from './taskStatus';

const HANDLERS: readonly OpHandler[] = [
  milestoneCreate,
  milestoneSet,
  milestoneSetExtra,
  milestoneLabel,
  milestoneDepend,
  milestoneAlias,
  milestoneArchive,
  milestoneDelete,
  taskAdd,
  taskSet,
  taskStatus,
  taskDepend,
  taskRemove,
];

const BY_TYPE: ReadonlyMap<string, OpHandler> = new Map(HANDLERS.map((h) => [h.type, h]));

/** Every known operation type. */
export const OP_TYPES: readonly string[] = HANDLERS.map((h) => h.type);

/** The type of the root operation of a milestone. */
export const CREATE_TYPE = 'milestone.create';

export function isOpType(type: unknown): type is string {
  return typeof type === 'string' && BY_TYPE.has(type);
}

/** The handler of an operation type; INVALID_OPERATION naming the type when there is none. */
export function getHandler(type: string): OpHandler {
  const handler = typeof type === 'string' ? BY_TYPE.get(type) : undefined;
  if (!handler) {
    throw new MilestoneError('INVALID_OPERATION', `unknown operation type ${JSON.stringify(type)}`, {
      hint: 'It may have been written by a newer git-milestone; upgrade to read it.',
      data: { type, known: [...OP_TYPES] },
    });
  }
  return handler;
}

/** check of the operation's own handler (INVALID_OPERATION when malformed or of unknown type). */
export function checkOperation(op: Operation): void {
  getHandler(op.type).check(op);
}

/** validate of the operation's own handler: may `op` be written on top of `state`? */
export function validateOperation(state: MilestoneState | null, op: Operation): void {
  getHandler(op.type).validate(state, op);
}

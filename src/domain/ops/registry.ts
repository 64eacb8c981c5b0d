/**
 * The operation types of a milestone log and their handlers. A registry is the only way from an
 * operation's `type` string to its meaning: an unknown type is FORMAT_TOO_NEW (a newer release
 * wrote it; formatLevels.ts), a malformed operation of a known type INVALID_OPERATION.
 * `OPS` is this release's registry; `createRegistry` lets a test stand in for a newer release.
 * Order of OP_TYPES: milestone operations first, then task operations (as documented).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { BASE_LEVEL, FORMAT_LEVELS, PACKAGE_VERSION } from '../formatLevels';
import type { MilestoneState, Operation } from '../types';
import { milestoneAlias } from './milestoneAlias';
import { milestoneArchive } from './milestoneArchive';
import { milestoneCreate } from './milestoneCreate';
import { milestoneDelete } from './milestoneDelete';
import { milestoneDepend } from './milestoneDepend';
import { milestoneLabel } from './milestoneLabel';
import { milestoneSet } from './milestoneSet';
import { milestoneSetExtra } from './milestoneSetExtra';
import { milestoneWorkflow } from './milestoneWorkflow';
import type { OpHandler } from './OpHandler';
import { phaseSet } from './phaseSet';
import { reviewAdd } from './reviewAdd';
import { taskAdd } from './taskAdd';
import { taskDepend } from './taskDepend';
import { taskRemove } from './taskRemove';
import { taskSet } from './taskSet';
import { taskStatus } from './taskStatus';
import { taskWorkflow } from './taskWorkflow';

export const HANDLERS: readonly OpHandler[] = [
  milestoneCreate, milestoneSet, milestoneSetExtra, milestoneLabel, milestoneDepend, milestoneAlias, milestoneArchive,
  milestoneDelete, milestoneWorkflow, taskAdd, taskSet, taskStatus, taskDepend, taskRemove, taskWorkflow, phaseSet,
  reviewAdd,
];

/** The type of the root operation of a milestone. */
export const CREATE_TYPE = 'milestone.create';

export interface OpRegistry<S = MilestoneState> {
  readonly types: readonly string[];
  /** The highest format level this registry reads and writes. */
  readonly level: number;
  /** The release whose format this is (named in messages). */
  readonly release: string;
  /** The release that introduced a level this registry knows. */
  releaseOf(level: number): string;
  has(type: unknown): type is string;
  /** The handler; FORMAT_TOO_NEW for an unknown type, INVALID_OPERATION for a type that is not a string. */
  get(type: unknown): OpHandler<S>;
  /** The level operations need: the highest of their types' (BASE_LEVEL for none). */
  levelOf(ops: readonly Operation[]): number;
}

export function createRegistry<S = MilestoneState>(
  handlers: readonly OpHandler<S>[], levels: Readonly<Record<number, string>>, release: string,
): OpRegistry<S> {
  const byType: ReadonlyMap<string, OpHandler<S>> = new Map(handlers.map((h) => [h.type, h]));
  const types = handlers.map((h) => h.type);
  const has = (type: unknown): type is string => typeof type === 'string' && byType.has(type);
  return {
    types,
    level: Math.max(...Object.keys(levels).map(Number)),
    release,
    releaseOf: (level) => levels[level] ?? `format level ${level}`,
    has,
    get(type) {
      if (has(type)) return byType.get(type) as OpHandler<S>;
      if (typeof type !== 'string') {
        throw new MilestoneError('INVALID_OPERATION', `operation type ${JSON.stringify(type)} is not a string`, { data: { type } });
      }
      throw new MilestoneError('FORMAT_TOO_NEW', `operation type ${JSON.stringify(type)} is unknown to git-milestone ${release}: a newer release wrote it; upgrade to read it`, {
        hint: 'Upgrade git-milestone in this clone (teammates on a newer release write this type).',
        data: { type, release, known: types },
      });
    },
    levelOf: (ops) => Math.max(BASE_LEVEL, ...ops.map((op) => (has(op.type) ? (byType.get(op.type) as OpHandler<S>).level : BASE_LEVEL))),
  };
}

/** This release's operations. */
export const OPS: OpRegistry = createRegistry(HANDLERS, FORMAT_LEVELS, PACKAGE_VERSION);

/** Every known operation type. */
export const OP_TYPES: readonly string[] = OPS.types;

export function isOpType(type: unknown): type is string {
  return OPS.has(type);
}

/** The handler of an operation type (FORMAT_TOO_NEW naming the type when there is none). */
export function getHandler(type: string): OpHandler {
  return OPS.get(type);
}

/** check of the operation's own handler (INVALID_OPERATION when malformed, FORMAT_TOO_NEW when unknown). */
export function checkOperation(op: Operation): void {
  getHandler(op.type).check(op);
}

/** validate of the operation's own handler: may `op` be written on top of `state`? */
export function validateOperation(state: MilestoneState | null, op: Operation): void {
  getHandler(op.type).validate(state, op);
}

/**
 * `milestone.create` {title, nonce, fields?, labels?, extra?}: the root operation of a milestone.
 * Only valid on no state; its hash becomes the milestone id (the nonce keeps two milestones with
 * equal content distinct). `fields` may preset any scalar field but the title (given on its own);
 * `extra` keeps fields with no place in the model (for example from an import) verbatim, nulls
 * included. A second create met in a fold takes no effect.
 */
import { acceptedFields, fieldTypeProblems, fieldValueProblems, MILESTONE_FIELD_RULES } from '../fields';
import type { MilestoneScalarField, MilestoneState, Operation } from '../types';
import { compareStrings, copyJson, shortId, tokenProblem, unique } from '../values';
import { draft, type Draft, type OpHandler } from './OpHandler';
import {
  badInput, checkEnvelope, malformed, objectMember, refused, rejectUnknownKeys, requireNonce, requireString, stringList,
} from './payload';
import { ignore, stampOf } from './state';

const TYPE = 'milestone.create';

/** The payload of `milestone.create` (the envelope and `prev` are stamped by the engine). */
export type MilestoneCreatePayload = {
  title: string;
  /** Keeps two milestones of equal content distinct (their ids are the hash of this operation). */
  nonce: string;
  /** Presets of scalar fields other than the title; values are checked by validate. */
  fields?: Partial<Record<Exclude<MilestoneScalarField, 'title'>, unknown>>;
  labels?: string[];
  extra?: Record<string, unknown>;
};

export function milestoneCreateOp(p: MilestoneCreatePayload): Draft<typeof TYPE, MilestoneCreatePayload> {
  return draft(TYPE, p);
}
const KEYS = ['title', 'nonce', 'fields', 'labels', 'extra'];

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'title');
  requireNonce(op);
  const fields = objectMember(op, 'fields', false);
  if ('title' in fields) malformed(op, 'give the title as the title member, not in fields');
  const problems = fieldTypeProblems(MILESTONE_FIELD_RULES, fields);
  if (problems.length > 0) malformed(op, problems.join('; '));
  stringList(op, 'labels', false);
  objectMember(op, 'extra', false);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, KEYS);
  if (state !== null) refused(`milestone ${shortId(state.id)} already exists; milestone.create must be its first operation`);
  const problems = [
    ...fieldValueProblems(MILESTONE_FIELD_RULES, { title: op.title }),
    ...fieldValueProblems(MILESTONE_FIELD_RULES, objectMember(op, 'fields', false)),
    ...stringList(op, 'labels', false).map((l) => tokenProblem('label', l)),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) badInput(problems.join('; '));
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  if (state !== null) return ignore(state, op);
  const stamp = stampOf(op);
  const labels = unique(stringList(op, 'labels', false).filter((l) => tokenProblem('label', l) === null));
  const created: MilestoneState = {
    id: hash,
    aliases: [],
    title: op.title as string,
    description: '',
    status: 'planned',
    priority: null,
    category: null,
    labels: labels.sort(compareStrings),
    startDate: null,
    dueDate: null,
    estimatedHours: null,
    successCriteria: [],
    deliverables: [],
    risks: [],
    resources: {},
    dependsOn: [],
    extra: copyJson(objectMember(op, 'extra', false)),
    tasks: [],
    archived: false,
    deleted: false,
    created: stamp,
    updated: { at: stamp.at, by: { ...stamp.by } },
    clock: op.lamport,
    opCount: 1,
  };
  const fields = Object.entries(objectMember(op, 'fields', false)).filter(([name]) => name !== 'title');
  return { ...created, ...acceptedFields(MILESTONE_FIELD_RULES, Object.fromEntries(fields)) };
}

export const milestoneCreate: OpHandler = { type: TYPE, level: 1, check, validate, apply };

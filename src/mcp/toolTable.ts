/**
 * The MCP tools as rows over the command table (cli/defs/registry.ts): each names the command it
 * runs, the `--json` schema its structured content follows, and its annotations. Arguments, their
 * types and descriptions come from the command's own CommandDef (toolSchemas.ts), so a flag added
 * to a command reaches its tool without a second list. What a row adds is only what MCP needs and
 * the command table does not say: a name for the free words (`list {query}`), flags a tool fixes
 * or leaves out, and a property to hold an array or null answer (MCP's structured content is an object).
 */
import type { CommandDef } from '../cli/CommandDef';

export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
}

type Load = () => CommandDef<unknown>;

export interface ToolRow {
  /** The MCP tool name. */
  name: string;
  /** The command's words in the command table (`task add`). */
  command: string;
  /**
   * Its definition, loaded as the command table loads it (the literal require lets the bundler
   * follow it; importing the table itself would make a circle through the `mcp` command). A unit
   * test keeps each equal to the table's.
   */
  def: Load;
  /** The file in schemas/ describing the command's `--json` output. */
  schema: string;
  /** The output is an array or null: structured content holds it under this property. */
  wrap?: string;
  /** The name of the command's free words (a string of words). */
  rest?: string;
  /** Flags the tool always passes (not offered as arguments). */
  fixed?: Record<string, unknown>;
  /** Flags not offered (they change the output's shape). */
  omit?: string[];
  /** The tool's summary when the command's says more than the tool does. */
  summary?: string;
  /** A default `limit` the tool applies (an agent's context is small; the caller can raise it). */
  limit?: number;
  hints: ToolHints;
}

const READ: ToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true };
/** Adds to the plan; running it twice adds twice. */
const ADD: ToolHints = { readOnlyHint: false, destructiveHint: false, idempotentHint: false };
/** Sets a state; running it again changes nothing more. */
const SET: ToolHints = { readOnlyHint: false, destructiveHint: false, idempotentHint: true };
/** Overwrites values someone set (their history stays in the log). */
const OVERWRITE: ToolHints = { readOnlyHint: false, destructiveHint: true, idempotentHint: true };
/** Takes a lease: again, it renews it (a later expiry), or takes over one that lapsed. */
const CLAIM: ToolHints = { readOnlyHint: false, destructiveHint: false, idempotentHint: false };
/** Ends the caller's own lease, so another agent can take the task; releasing twice does nothing more. */
const RELEASE: ToolHints = { readOnlyHint: false, destructiveHint: true, idempotentHint: true };
/** The claim flags of `next`: `next_claim` offers them, `next` (read-only) does not. */
const CLAIM_FLAGS = ['claim', 'ttl', 'as', 'remote'];

export const TOOL_ROWS: readonly ToolRow[] = [
  { name: 'list', command: 'list', def: () => require('../cli/defs/list').default, schema: 'milestone-list.schema.json', wrap: 'milestones', rest: 'query', limit: 50, hints: READ },
  { name: 'show', command: 'show', def: () => require('../cli/defs/show').default, schema: 'milestone.schema.json', hints: READ },
  { name: 'task_show', command: 'task show', def: () => require('../cli/defs/taskShow').default, schema: 'task.schema.json', hints: READ },
  {
    name: 'next', command: 'next', def: () => require('../cli/defs/next').default, schema: 'next-explain.schema.json',
    fixed: { explain: true, json: true }, omit: CLAIM_FLAGS, limit: 20, hints: READ,
  },
  { name: 'task_add', command: 'task add', def: () => require('../cli/defs/taskAdd').default, schema: 'task.schema.json', hints: ADD },
  { name: 'task_edit', command: 'task edit', def: () => require('../cli/defs/taskUpdate').taskEdit, schema: 'task.schema.json', hints: OVERWRITE },
  { name: 'task_start', command: 'task start', def: () => require('../cli/defs/taskUpdate').taskStart, schema: 'task.schema.json', hints: SET },
  { name: 'task_done', command: 'task done', def: () => require('../cli/defs/taskUpdate').taskDone, schema: 'task.schema.json', hints: SET },
  { name: 'task_block', command: 'task block', def: () => require('../cli/defs/taskUpdate').taskBlock, schema: 'task.schema.json', hints: SET },
  { name: 'phase_submit', command: 'phase submit', def: () => require('../cli/defs/workflow/phase').phaseSubmit, schema: 'task.schema.json', hints: ADD },
  {
    name: 'review', command: 'review', def: () => require('../cli/defs/workflow/review').default, schema: 'task.schema.json', omit: ['pending', 'mine', 'backend'], hints: ADD,
    summary: 'Review a phase waiting for approval: approve, reject or request changes (one of them).',
  },
  {
    name: 'session_checkpoint', command: 'session checkpoint', def: () => require('../cli/defs/session/checkpoint').default,
    schema: 'session-checkpoint.schema.json', hints: ADD,
  },
  { name: 'claim', command: 'claim', def: () => require('../cli/defs/claim/claim').default, schema: 'claim.schema.json', hints: CLAIM },
  {
    name: 'heartbeat', command: 'heartbeat', def: () => require('../cli/defs/claim/heartbeat').default,
    schema: 'claim-list.schema.json', wrap: 'claims', hints: SET,
  },
  { name: 'release', command: 'release', def: () => require('../cli/defs/claim/release').default, schema: 'claim.schema.json', hints: RELEASE },
  {
    name: 'next_claim', command: 'next', def: () => require('../cli/defs/next').default, schema: 'next-claim.schema.json',
    wrap: 'claim', fixed: { claim: true, json: true }, omit: ['explain', 'limit'], hints: CLAIM,
    summary: 'Claim the first ready task nobody holds, atomically (claim is null when none is free).',
  },
  { name: 'log', command: 'log', def: () => require('../cli/defs/log').default, schema: 'log.schema.json', wrap: 'entries', limit: 100, hints: READ },
];

export const toolRow = (name: string): ToolRow | undefined => TOOL_ROWS.find((t) => t.name === name);

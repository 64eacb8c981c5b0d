/**
 * The MCP tools as rows over the command table (cli/defs/registry.ts): each names the command it
 * runs, the `--json` schema its structured content follows, and its annotations. Arguments, their
 * types and descriptions come from the command's own CommandDef (toolSchemas.ts), so a flag added
 * to a command reaches its tool without a second list. What a row adds is only what MCP needs and
 * the command table does not say: a name for the free words (`list {query}`), flags a tool fixes
 * or leaves out, and a property to hold an array answer (MCP's structured content is an object).
 */

export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
}

export interface ToolRow {
  /** The MCP tool name. */
  name: string;
  /** The command's words in the command table (`task add`). */
  command: string;
  /** The file in schemas/ describing the command's `--json` output. */
  schema: string;
  /** The output is an array: structured content holds it under this property. */
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

export const TOOL_ROWS: readonly ToolRow[] = [
  { name: 'list', command: 'list', schema: 'milestone-list.schema.json', wrap: 'milestones', rest: 'query', limit: 50, hints: READ },
  { name: 'show', command: 'show', schema: 'milestone.schema.json', hints: READ },
  { name: 'task_show', command: 'task show', schema: 'task.schema.json', hints: READ },
  { name: 'next', command: 'next', schema: 'next-explain.schema.json', fixed: { explain: true, json: true }, limit: 20, hints: READ },
  { name: 'task_add', command: 'task add', schema: 'task.schema.json', hints: ADD },
  { name: 'task_edit', command: 'task edit', schema: 'task.schema.json', hints: OVERWRITE },
  { name: 'task_start', command: 'task start', schema: 'task.schema.json', hints: SET },
  { name: 'task_done', command: 'task done', schema: 'task.schema.json', hints: SET },
  { name: 'task_block', command: 'task block', schema: 'task.schema.json', hints: SET },
  { name: 'phase_submit', command: 'phase submit', schema: 'task.schema.json', hints: ADD },
  {
    name: 'review', command: 'review', schema: 'task.schema.json', omit: ['pending', 'mine', 'backend'], hints: ADD,
    summary: 'Review a phase waiting for approval: approve, reject or request changes (one of them).',
  },
  { name: 'log', command: 'log', schema: 'log.schema.json', wrap: 'entries', limit: 100, hints: READ },
];

export const toolRow = (name: string): ToolRow | undefined => TOOL_ROWS.find((t) => t.name === name);

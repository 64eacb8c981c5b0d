/**
 * Runs MCP tool calls on one Context kept open for the whole session (object reader, packed-refs
 * cache, git identity), one call at a time. Each call first does what opening a Context does for a
 * CLI run, so the server sees what other processes and `git fetch` changed: fetched
 * remote-tracking refs are merged if they moved (sync/incoming.ts), and the index checks its refs
 * fingerprint on every read. Then the command's own execute (the CLI's one core call); the answer
 * is the `--json` output, as structured content and as text. Errors go through handleError, the
 * one place errors become output: the text is the CLI's `--json` error (code, message, hint).
 */
import type { Context } from '../core/context';
import { absorbIfMoved } from '../core/sync/incoming';
import { handleError } from '../cli/handleError';
import { renderJson } from '../cli/runDef';
import { requireWorkTree } from '../core/openContext';
import { MilestoneError } from '../errors/MilestoneError';
import { defOf } from './toolSchemas';
import { toInput } from './toolInput';
import { TOOL_ROWS } from './toolTable';

export interface ToolResult {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export class ToolSession {
  private queue: Promise<unknown> = Promise.resolve();
  /** Calls answered (errors included). */
  calls = 0;

  constructor(private readonly ctx: Context) {}

  /** Runs one call after the ones before it have finished. */
  call(name: string, args: unknown): Promise<ToolResult> {
    const run = this.queue.then(() => this.run(name, args));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Settles once the calls already made have finished. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async run(name: string, args: unknown): Promise<ToolResult> {
    this.calls++;
    try {
      const row = TOOL_ROWS.find((t) => t.name === name);
      if (!row) {
        throw new MilestoneError('USAGE', `unknown tool ${name}`, { hint: `Tools: ${TOOL_ROWS.map((t) => t.name).join(', ')}.` });
      }
      const def = defOf(row);
      const input = toInput(row, def, args);
      if (def.needsWorkTree) requireWorkTree(this.ctx.repo);
      await absorbIfMoved(this.ctx);
      delete this.ctx.fencing; // a fencing number is one call's (--fencing), not the session's
      const result = await def.execute(this.ctx, input);
      const text = renderJson(result, false).toString().trimEnd();
      const structured = (row.wrap ? { [row.wrap]: result } : result) as Record<string, unknown>;
      return { content: [{ type: 'text', text }], structuredContent: structured };
    } catch (error) {
      let text = '';
      const env = { out: (t: string | Uint8Array) => (text += t.toString()), err: () => undefined, log: this.ctx.env.log };
      handleError({ env, error, json: true });
      return { content: [{ type: 'text', text: text.trimEnd() }], isError: true };
    }
  }
}

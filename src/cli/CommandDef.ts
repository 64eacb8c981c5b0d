/**
 * A command as data: its flags, arguments, help and examples, the one core call it makes, and how
 * its typed result reads as text. `makeCommand` turns a definition into an oclif command;
 * `runDirect` runs the hot read commands straight from argv without loading oclif (≈90 ms).
 */
import type { Context } from '../core/context';

export interface FlagDef {
  type: 'string' | 'boolean' | 'integer';
  description: string;
  char?: string;
  multiple?: boolean;
  options?: readonly string[];
  default?: string | boolean | number;
}

export interface ArgDef {
  name: string;
  description: string;
  required?: boolean;
}

export interface Input {
  args: Record<string, string | undefined>;
  /** Extra positional words after the declared arguments (e.g. a free-text query). */
  rest: string[];
  flags: Record<string, unknown>;
}

export interface CommandDef<R = unknown> {
  /** oclif id, topics joined by ':' (e.g. `task:add`). */
  id: string;
  summary: string;
  description?: string;
  examples: string[];
  aliases?: string[];
  args?: ArgDef[];
  /** Accepts positional words beyond `args` (collected in `rest`). */
  variadic?: boolean;
  flags?: Record<string, FlagDef>;
  /** Whether the command reads only (gets `--json` and may run on the direct path). */
  readOnly?: boolean;
  /** Commands that create the store (init) or work without one set `needsRepo: false`. */
  needsRepo?: boolean;
  /** Commands that touch the work tree (not possible in a bare repository). */
  needsWorkTree?: boolean;
  execute(ctx: Context, input: Input): Promise<R>;
  text(result: R, input: Input): string;
  /** Exit status for a result that ran but answers "no" (validate, doctor). Default 0. */
  exitCode?(result: R): number;
}

/**
 * A command as data: its flags, arguments, help and examples, the one core call it makes, and how
 * its typed result reads as text. The words that invoke it live in the command table
 * (defs/registry.ts); `makeCommand` turns a definition into an oclif command (for help), and
 * main.ts runs it straight from argv through parseDirect without loading oclif (≈90 ms).
 */
import type { Context } from '../core/context';
import type { TextStyle } from './style';

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
  summary: string;
  description?: string;
  examples: string[];
  args?: ArgDef[];
  /** Accepts positional words beyond `args` (collected in `rest`). */
  variadic?: boolean;
  flags?: Record<string, FlagDef>;
  /** Commands that create the store (init) or work without one set `needsRepo: false`. */
  needsRepo?: boolean;
  /** Commands that touch the work tree (not possible in a bare repository). */
  needsWorkTree?: boolean;
  execute(ctx: Context, input: Input): Promise<R>;
  /**
   * The result as text. User text goes through format.ts's escapes; `style` says how wide the
   * terminal is and whether to colour (plain for a pipe or a file).
   */
  text(result: R, input: Input, style: TextStyle): string;
  /**
   * A command that runs until stopped and prints as it goes (`serve` prints its URL first): its
   * result is not printed again when it ends.
   */
  printsItself?: boolean;
  /** Exit status for a result that ran but answers "no" (validate, doctor). Default 0. */
  exitCode?(result: R): number;
}

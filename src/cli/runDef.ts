/**
 * Runs one command definition with parsed input: opens the repository context, makes the one core
 * call, renders the typed result as JSON or text, and turns any error into output. Returns the exit
 * status; the entry point (bin/git-milestone) hands it to process.exitCode.
 */
import { jsonText, type Env } from '../env/Env';
import type { Context } from '../core/context';
import { openContext } from '../core/openContext';
import { hasJsonText } from '../index/shared/summaryList';
import type { CommandDef, Input } from './CommandDef';
import { escapeControls } from './format';
import { handleError } from './handleError';
import { PLAIN, type TextStyle } from './style';

export interface RunDefOptions {
  def: CommandDef<unknown>;
  input: Input;
  env: Env;
  /** How text output is dressed (width, colour); default plain. */
  style?: TextStyle;
}

/** Compact JSON (pre-rendered when the result carries it), or indented on a terminal. */
export function renderJson(result: unknown, pretty: boolean): string | Buffer {
  if (!hasJsonText(result)) return jsonText(result, pretty);
  const text = result.jsonText();
  return pretty ? jsonText(JSON.parse(text.toString('utf8')), true) : text;
}

export async function runDef(o: RunDefOptions): Promise<number> {
  const json = Boolean(o.input.flags.json);
  let ctx: Context | undefined;
  try {
    ctx = await openContext({ env: o.env, needsRepo: o.def.needsRepo !== false, needsWorkTree: Boolean(o.def.needsWorkTree), verbose: Boolean(o.input.flags.verbose) });
    const result = await o.def.execute(ctx, o.input);
    if (o.def.printsItself) {
      // printed while it ran (serve)
    } else if (json) o.env.out(renderJson(result, o.env.prettyJson));
    else {
      const style = o.style ?? PLAIN;
      // The renderers escape user text; this guard catches any they missed (format.ts).
      const text = escapeControls(o.def.text(result, o.input, style), { lines: true, sgr: style.color });
      if (text) o.env.out(text.endsWith('\n') ? text : `${text}\n`);
    }
    return o.def.exitCode ? o.def.exitCode(result) : 0;
  } catch (error) {
    return handleError({ env: ctx?.env ?? o.env, error, json, verbose: Boolean(o.input.flags.verbose) });
  } finally {
    await ctx?.close();
  }
}

/**
 * Turns a CommandDef into an oclif command class: flags and args become oclif's, `--json` and
 * `--verbose` are added to every command, and `run` hands the parsed input to runDef.
 * Parse errors (unknown flag, missing argument) become USAGE errors through handleError.
 */
import { Args, Command, Flags } from '@oclif/core';
import { MilestoneError } from '../errors/MilestoneError';
import { createNodeEnv } from '../env/nodeEnv';
import type { CommandDef, FlagDef } from './CommandDef';
import { handleError } from './handleError';
import { runDef } from './runDef';

export const GLOBAL_FLAGS: Record<string, FlagDef> = {
  json: { type: 'boolean', description: 'Print the result as JSON (schemas in schemas/).' },
  verbose: { type: 'boolean', description: 'Also log to stderr, and show stack traces of internal errors.' },
};

function toOclifFlag(f: FlagDef) {
  const base = { description: f.description, char: f.char as never };
  if (f.type === 'boolean') return Flags.boolean({ ...base, default: f.default as boolean | undefined });
  if (f.type === 'integer') return Flags.integer({ ...base, default: f.default as number | undefined });
  if (f.multiple) return Flags.string({ ...base, multiple: true, options: f.options as string[] | undefined });
  return Flags.string({ ...base, options: f.options as string[] | undefined, default: f.default as string | undefined });
}

export function makeCommand(def: CommandDef<unknown>): typeof Command {
  const flags: Record<string, ReturnType<typeof toOclifFlag>> = {};
  for (const [name, f] of Object.entries({ ...GLOBAL_FLAGS, ...(def.flags ?? {}) })) flags[name] = toOclifFlag(f);
  const args: Record<string, ReturnType<typeof Args.string>> = {};
  for (const a of def.args ?? []) args[a.name] = Args.string({ description: a.description, required: a.required });

  return class extends Command {
    static override summary = def.summary;
    static override description = def.description ?? def.summary;
    static override examples = def.examples;
    static override aliases = def.aliases ?? [];
    static override flags = flags;
    static override args = args;
    static override strict = !def.variadic;

    async run(): Promise<void> {
      const parsed = await this.parse({ flags, args, strict: !def.variadic } as never);
      const p = parsed as unknown as { args: Record<string, string | undefined>; flags: Record<string, unknown>; argv: string[] };
      const rest = p.argv.slice(Object.keys(args).filter((k) => p.args[k] !== undefined).length);
      process.exitCode = await runDef({ def, input: { args: p.args, rest, flags: p.flags }, env: createNodeEnv({ verbose: Boolean(p.flags.verbose) }) });
    }

    override async catch(err: Error & { oclif?: { exit?: number } }): Promise<void> {
      if (err.oclif?.exit === 0) return;
      const usage = new MilestoneError('USAGE', err.message.split('\n')[0], { hint: `See \`git milestone ${def.id.replace(/:/g, ' ')} --help\`.` });
      process.exitCode = handleError({ env: createNodeEnv({}), error: usage, json: this.argv.includes('--json') });
    }
  };
}

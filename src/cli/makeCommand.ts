/**
 * Turns a CommandDef into an oclif command class: flags and args become oclif's, `--json` and
 * `--verbose` are added to every command. main.ts uses oclif for help only (every run goes through
 * parseDirect); `run` still works, through `oclifParse`, which test/unit/cli/parseAgreement.test.ts
 * holds to the direct parser's answers.
 */
import { Args, Command, Flags, Parser } from '@oclif/core';
import { MilestoneError } from '../errors/MilestoneError';
import { createNodeEnv } from '../env/nodeEnv';
import type { CommandDef, FlagDef, Input } from './CommandDef';
import { aliasesOf } from './defs/registry';
import { handleError } from './handleError';
import { flagsOf, prepareArgv } from './parseDirect';
import { runDef } from './runDef';
import { stdoutStyle } from './style';

function toOclifFlag(f: FlagDef) {
  const base = { description: f.description, char: f.char as never };
  if (f.type === 'boolean') return Flags.boolean({ ...base, default: f.default as boolean | undefined });
  if (f.type === 'integer') return Flags.integer({ ...base, default: f.default as number | undefined });
  const options = f.options as string[] | undefined;
  if (f.multiple) return Flags.string({ ...base, multiple: true, multipleNonGreedy: true, options });
  return Flags.string({ ...base, options, default: f.default as string | undefined });
}

function oclifSpec(def: CommandDef<unknown>) {
  const flags: Record<string, ReturnType<typeof toOclifFlag>> = {};
  for (const [name, f] of Object.entries(flagsOf(def))) flags[name] = toOclifFlag(f);
  const args: Record<string, ReturnType<typeof Args.string>> = {};
  for (const a of def.args ?? []) args[a.name] = Args.string({ description: a.description, required: a.required });
  return { flags, args, strict: !def.variadic };
}

/** argv parsed by oclif's parser, as the Input parseDirect gives. */
export async function oclifParse(def: CommandDef<unknown>, argv: string[]): Promise<Input> {
  const p = await Parser.parse(prepareArgv(def, argv), oclifSpec(def) as never) as unknown as {
    args: Record<string, string | undefined>; flags: Record<string, unknown>; argv: string[];
  };
  const given = (def.args ?? []).filter((a) => p.args[a.name] !== undefined).length;
  return { args: p.args, rest: p.argv.slice(given), flags: p.flags };
}

export function makeCommand(words: string, def: CommandDef<unknown>): typeof Command {
  const spec = oclifSpec(def);
  return class extends Command {
    static override summary = def.summary;
    static override description = def.description ?? def.summary;
    static override examples = def.examples;
    static override aliases = aliasesOf(words);
    static override flags = spec.flags;
    static override args = spec.args;
    static override strict = spec.strict;

    async run(): Promise<void> {
      const input = await oclifParse(def, this.argv);
      const env = createNodeEnv({ verbose: Boolean(input.flags.verbose) });
      process.exitCode = await runDef({ def, input, env, style: stdoutStyle(env.vars) });
    }

    override async catch(err: Error & { oclif?: { exit?: number } }): Promise<void> {
      if (err.oclif?.exit === 0) return;
      const usage = new MilestoneError('USAGE', err.message.split('\n')[0], { hint: `See \`git milestone ${words} --help\`.` });
      process.exitCode = handleError({ env: createNodeEnv({}), error: usage, json: this.argv.includes('--json') });
    }
  };
}

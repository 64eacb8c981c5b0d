/**
 * One command table, two parsers kept in step (issue 9, item 14): every command's help examples
 * and a set of flag forms for every flag (`--flag=v`, `--flag v`, `-f v`, `-fv`, `-f=v`, repeated,
 * booleans with and without a value, `--no-…` flags, `--`, bad values, missing arguments) parse to
 * the same input through the direct parser (src/cli/parseDirect.ts) and through oclif's
 * (makeCommand.ts `oclifParse`), or are refused by both. Also: the oclif table is the command
 * table, and every example is one the shell passes whole (no unquoted < > | ; &).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWords } from '../../helpers/shellWords';

const dist = (p: string) => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p));
interface FlagDef { type: 'string' | 'boolean' | 'integer'; char?: string; multiple?: boolean; options?: string[] }
interface Def { examples: string[]; args?: Array<{ name: string; required?: boolean }>; variadic?: boolean; flags?: Record<string, FlagDef> }
type Input = { args: Record<string, unknown>; rest: string[]; flags: Record<string, unknown> };

const { DEFS, ALIASES, findDef, oclifId } = dist('cli/defs/registry.js');
const { parseDirect } = dist('cli/parseDirect.js');
const { oclifParse } = dist('cli/makeCommand.js');
const { GLOBAL_FLAGS } = dist('cli/globalFlags.js');
const { COMMANDS } = dist('commands/index.js');

const clean = (i: Input) => ({
  args: Object.fromEntries(Object.entries(i.args).filter(([, v]) => v !== undefined)),
  rest: i.rest,
  flags: Object.fromEntries(Object.entries(i.flags).filter(([, v]) => v !== undefined)),
});

async function both(def: Def, argv: string[]): Promise<{ direct: unknown; oclif: unknown }> {
  const d = parseDirect(def, argv);
  const direct = d.input ? clean(d.input) : d.usage ? 'refused' : 'help';
  let oclif: unknown;
  try {
    oclif = clean(await oclifParse(def, argv));
  } catch {
    oclif = 'refused';
  }
  return { direct, oclif };
}

async function expectSame(words: string, def: Def, argv: string[], expected?: 'refused' | 'parsed'): Promise<void> {
  const r = await both(def, argv);
  const what = `git milestone ${words} ${argv.join(' ')}`;
  expect(r.direct, what).toEqual(r.oclif);
  if (expected === 'refused') expect(r.direct, what).toBe('refused');
  if (expected === 'parsed') expect(r.direct, what).not.toBe('refused');
}

const commands = Object.entries(DEFS as Record<string, () => Def>).map(([words, load]) => ({ words, def: load() }));

describe('one command table', () => {
  it('oclif\'s table holds every command of the table, under its words, with the table\'s aliases', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(Object.keys(DEFS).map(oclifId).sort());
    for (const [alias, words] of Object.entries(ALIASES as Record<string, string>)) {
      expect(COMMANDS[oclifId(words)].aliases, alias).toContain(alias);
      expect(findDef([alias]).command).toBe(words);
    }
  });

  it('no command uses -h for a flag of its own (it is help everywhere)', () => {
    for (const { words, def } of commands) for (const [n, f] of Object.entries(def.flags ?? {})) expect(f.char, `${words} --${n}`).not.toBe('h');
  });
});

describe('the direct parser and oclif read the same', () => {
  it('every help example', async () => {
    let n = 0;
    for (const { words, def } of commands) {
      for (const example of def.examples) {
        const argv = shellWords(example).words;
        expect(argv.slice(0, 2), example).toEqual(['git', 'milestone']);
        const found = findDef(argv.slice(2));
        expect(found?.command, example).toBe(words);
        await expectSame(words, def, argv.slice(2 + found.words), 'parsed');
        n++;
      }
    }
    expect(n).toBeGreaterThan(60);
  });

  it('every flag in every form', async () => {
    for (const { words, def } of commands) {
      const args = (def.args ?? []).filter((a) => a.required).map((_, i) => `arg${i}`);
      const flags = { ...GLOBAL_FLAGS, ...(def.flags ?? {}) } as Record<string, FlagDef>;
      for (const [name, f] of Object.entries(flags)) {
        const go = (argv: string[], expected?: 'refused' | 'parsed') => expectSame(words, def, [...args, ...argv], expected);
        if (f.type === 'boolean') {
          await go([`--${name}`], 'parsed');
          await go([`--${name}=yes`], 'refused');
          await go([`--no-${name}`], 'refused');
          if (f.char) await go([`-${f.char}`], 'parsed');
          continue;
        }
        const v = f.options ? f.options[0] : f.type === 'integer' ? '7' : 'some value';
        const w = f.options ? f.options[f.options.length - 1] : f.type === 'integer' ? '-3' : '-starts with a dash';
        await go([`--${name}=${v}`], 'parsed');
        await go([`--${name}`, v], 'parsed');
        await go([`--${name}`, w], 'parsed');
        await go([`--${name}=${w}`], 'parsed');
        await go([`--${name}`], 'refused');
        await go([`--${name}`, '--json'], 'refused');
        await go([`--${name}`, v, `--${name}`, w], f.multiple ? 'parsed' : 'refused');
        await go([`--${name}`, v, 'extra-word']);
        if (f.options) await go([`--${name}`, 'not-an-option'], 'refused');
        if (f.type === 'integer') for (const bad of ['x', '1.5', '1e3']) await go([`--${name}`, bad], 'refused');
        if (f.char) {
          await go([`-${f.char}`, v], 'parsed');
          await go([`-${f.char}${v}`], 'parsed');
          await go([`-${f.char}=${v}`], 'parsed');
        }
      }
      await expectSame(words, def, [...args, '--', '--json'], def.variadic || (def.args ?? []).length > args.length ? 'parsed' : 'refused');
      await expectSame(words, def, [...args, '--bogus'], 'refused');
      if (args.length) await expectSame(words, def, args.slice(1), 'refused');
      if (!def.variadic) await expectSame(words, def, [...args, 'a', 'b', 'c', 'd'], 'refused');
    }
  });

  it('query words: negated terms, dates with < and >, -- before a word that looks like a flag', async () => {
    const list = (DEFS as Record<string, () => Def>).list();
    for (const argv of [
      ['-label:later', 'status:blocked'], ['due:<2026-12-31', '--all'], ['parser', '-n', '3', '-label:x'],
      ['--limit=2', '--', '--not-a-flag'], ['-a', '-n5', 'sort:-due'],
    ]) await expectSame('list', list, argv, 'parsed');
  });
});

describe('help examples', () => {
  it('quote what the shell would read as a redirection, pipe or separator', () => {
    for (const { words, def } of commands) {
      for (const example of def.examples) expect(shellWords(example).unquoted, `${words}: ${example}`).toEqual([]);
    }
    expect(shellWords("git milestone list 'due:<2026-12-31' due:>x").unquoted).toEqual(['>']);
  });
});

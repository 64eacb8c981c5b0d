/**
 * Usage errors in the user's words: the command as typed (`task add`, never oclif's `task:add`),
 * its synopsis, and for a mistyped command the nearest ones (`lsit` → `list`).
 */
import { MilestoneError } from '../errors/MilestoneError';
import type { CommandDef } from './CommandDef';
import { ALIASES, DEFS } from './defs/registry';
import { nearest } from './nearest';

/** An argument as help names it: `dependsOn` → `DEPENDS_ON`. */
export const argName = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/** `MILESTONE TITLE [flags]`: the arguments by name, optional ones in brackets. */
export function synopsis(def: CommandDef<unknown>): string {
  const args = (def.args ?? []).map((a) => (a.required ? argName(a.name) : `[${argName(a.name)}]`));
  return [...args, ...(def.variadic ? ['[QUERY...]'] : []), '[flags]'].join(' ');
}

export function usageError(command: string, def: CommandDef<unknown>, message: string): MilestoneError {
  return new MilestoneError('USAGE', message, {
    hint: `usage: git milestone ${command} ${synopsis(def)} (see \`git milestone ${command} --help\`)`,
  });
}

/** Topics: the first word of two-word commands (`task`, `config`, …). */
export const topics = (): string[] => [
  ...new Set(Object.keys(DEFS).filter((w) => w.includes(' ')).map((w) => w.split(' ')[0])),
];

/** The error for argv that names no command, with the nearest ones. */
export function unknownCommand(argv: string[]): MilestoneError {
  const [first, second] = argv;
  if (first.startsWith('-')) {
    const hint = '`git milestone --help` lists the commands; each takes -h/--help.';
    return new MilestoneError('USAGE', `unknown option ${first}`, { hint });
  }
  const isTopic = topics().includes(first);
  const said = isTopic ? `${first} ${second}` : first;
  const pool = isTopic
    ? Object.keys(DEFS).filter((w) => w.startsWith(`${first} `)).map((w) => w.split(' ')[1])
    : [...Object.keys(DEFS).filter((w) => !w.includes(' ')), ...Object.keys(ALIASES), ...topics(), 'help'];
  const prefix = isTopic ? `${first} ` : '';
  const near = nearest(isTopic ? second : first, pool).map((w) => `\`git milestone ${prefix}${w}\``);
  return new MilestoneError('USAGE', `unknown command "${said}"`, {
    hint: `${near.length ? `did you mean ${near.join(' or ')}? ` : ''}\`git milestone --help\` lists them.`,
  });
}

/**
 * Every command definition by the words that invoke it (aliases included), loaded lazily so a
 * command pays only for its own modules. Used by the direct path; the oclif table in
 * src/commands/index.ts is built from the same definitions.
 */
import type { CommandDef } from '../CommandDef';

type Loader = () => CommandDef<unknown>;

const one = (path: string): Loader => () => require(path).default;
const named = (path: string, name: string): Loader => () => require(path)[name];
const config = (i: number): Loader => () => require('./config').default[i];

export const DEFS: Record<string, Loader> = {
  init: one('./init'),
  new: one('./newMilestone'),
  plan: one('./newMilestone'),
  list: one('./list'),
  status: one('./list'),
  show: one('./show'),
  edit: one('./edit'),
  update: one('./edit'),
  archive: one('./archive'),
  rm: one('./rm'),
  next: one('./next'),
  log: one('./log'),
  rebuild: one('./rebuild'),
  'task add': one('./taskAdd'),
  'task list': one('./taskList'),
  'task show': one('./taskShow'),
  'task edit': named('./taskUpdate', 'taskEdit'),
  'task start': named('./taskUpdate', 'taskStart'),
  'task done': named('./taskUpdate', 'taskDone'),
  'task block': named('./taskUpdate', 'taskBlock'),
  'task rm': named('./taskUpdate', 'taskRm'),
  'dep add': named('./dep', 'depAdd'),
  'dep rm': named('./dep', 'depRm'),
  'config show': config(0),
  'config get': config(1),
  'config set': config(2),
  'config validate': config(3),
};

/** The definition `argv` names, and how many words named it; null when none does. */
export function findDef(argv: string[]): { def: CommandDef<unknown>; words: number } | null {
  for (const words of [2, 1]) {
    const load = DEFS[argv.slice(0, words).join(' ')];
    if (argv.length >= words && load) return { def: load(), words };
  }
  return null;
}

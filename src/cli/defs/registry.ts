/**
 * Every command definition by the words that invoke it (aliases included), loaded lazily so a
 * command pays only for its own modules (the requires are literal so the bundler can follow them).
 * Used by the direct path; the oclif table in src/commands/index.ts uses the same definitions.
 */
import type { CommandDef } from '../CommandDef';

type Loader = () => CommandDef<unknown>;

export const DEFS: Record<string, Loader> = {
  init: () => require('./init').default,
  new: () => require('./newMilestone').default,
  plan: () => require('./newMilestone').default,
  list: () => require('./list').default,
  status: () => require('./list').default,
  show: () => require('./show').default,
  edit: () => require('./edit').default,
  update: () => require('./edit').default,
  archive: () => require('./archive').default,
  rm: () => require('./rm').default,
  next: () => require('./next').default,
  log: () => require('./log').default,
  rebuild: () => require('./rebuild').default,
  import: () => require('./importExport').importDef,
  export: () => require('./importExport').exportDef,
  scale: () => require('./scale').default,
  portfolio: () => require('./portfolio').default,
  pull: () => require('./sync').pull,
  push: () => require('./sync').push,
  sync: () => require('./sync').sync,
  'remote setup': () => require('./remote').default,
  backup: () => require('./backup').backup,
  restore: () => require('./backup').restore,
  doctor: () => require('./doctor').default,
  'task add': () => require('./taskAdd').default,
  'task list': () => require('./taskList').default,
  'task show': () => require('./taskShow').default,
  'task edit': () => require('./taskUpdate').taskEdit,
  'task start': () => require('./taskUpdate').taskStart,
  'task done': () => require('./taskUpdate').taskDone,
  'task block': () => require('./taskUpdate').taskBlock,
  'task rm': () => require('./taskUpdate').taskRm,
  'dep add': () => require('./dep').depAdd,
  'dep rm': () => require('./dep').depRm,
  'config show': () => require('./config').default[0],
  'config get': () => require('./config').default[1],
  'config set': () => require('./config').default[2],
  'config validate': () => require('./config').default[3],
  trust: () => require('./trust').default,
  'hooks install': () => require('./hooks').hooksInstall,
  'hooks uninstall': () => require('./hooks').hooksUninstall,
  'hooks status': () => require('./hooks').hooksStatusDef,
  'branch start': () => require('./branch').branchStart,
  'branch cleanup': () => require('./branch').branchCleanup,
};

/** The definition `argv` names, and how many words named it; null when none does. */
export function findDef(argv: string[]): { def: CommandDef<unknown>; words: number } | null {
  for (const words of [2, 1]) {
    const load = DEFS[argv.slice(0, words).join(' ')];
    if (argv.length >= words && load) return { def: load(), words };
  }
  return null;
}

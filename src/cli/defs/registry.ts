/**
 * The command table: the one list of commands. Each command's words (`task add`) map to a lazy
 * loader of its definition, so a command pays only for its own modules (the requires are literal so
 * the bundler can follow them); ALIASES maps other words to a command's. The direct path
 * (src/cli/main.ts), oclif's table (src/commands/index.ts), the man page and the usage errors'
 * suggestions all derive from these two.
 */
import type { CommandDef } from '../CommandDef';

type Loader = () => CommandDef<unknown>;

export const DEFS: Record<string, Loader> = {
  init: () => require('./init').default,
  new: () => require('./newMilestone').default,
  list: () => require('./list').default,
  show: () => require('./show').default,
  edit: () => require('./edit').default,
  archive: () => require('./archive').default,
  rm: () => require('./rm').default,
  next: () => require('./next').default,
  log: () => require('./log').default,
  report: () => require('./report/report').default,
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
  'notify flush': () => require('./notify/notify').notifyFlush,
  'notify log': () => require('./notify/notify').notifyLogDef,
  'notify test': () => require('./notify/notify').notifyTestDef,
  'workflow list': () => require('./workflow/list').default,
  'workflow show': () => require('./workflow/show').default,
  'workflow validate': () => require('./workflow/validate').default,
  'phase start': () => require('./workflow/phase').phaseStart,
  'phase submit': () => require('./workflow/phase').phaseSubmit,
  'phase complete': () => require('./workflow/phase').phaseComplete,
  'phase block': () => require('./workflow/phase').phaseBlock,
  'phase reopen': () => require('./workflow/phase').phaseReopen,
  review: () => require('./workflow/review').default,
  'session start': () => require('./session/start').default,
  'session list': () => require('./session/list').default,
  'session show': () => require('./session/show').default,
  'session pause': () => require('./session/status').pause,
  'session resume': () => require('./session/resume').default,
  'session end': () => require('./session/status').end,
  'session cleanup': () => require('./session/cleanup').default,
  'session checkpoint': () => require('./session/checkpoint').default,
  mcp: () => require('./mcp').default,
  claim: () => require('./claim/claim').default,
  heartbeat: () => require('./claim/heartbeat').default,
  release: () => require('./claim/release').default,
  serve: () => require('./serve').default,
  execute: () => require('./execute/execute').default,
};

/** Other words for a command: alias → the command's words. */
export const ALIASES: Record<string, string> = {
  plan: 'new',
  status: 'list',
  update: 'edit',
};

/** oclif's id of a command (`task:add`); a user never sees one. */
export const oclifId = (words: string): string => words.replace(/ /g, ':');

export const aliasesOf = (words: string): string[] =>
  Object.keys(ALIASES).filter((a) => ALIASES[a] === words);

/** The command `argv` names (aliases resolved to the command's words), and how many words named it. */
export function findDef(argv: string[]): { def: CommandDef<unknown>; command: string; words: number } | null {
  for (const words of [2, 1]) {
    if (argv.length < words) continue;
    const said = argv.slice(0, words).join(' ');
    const command = DEFS[said] ? said : ALIASES[said];
    if (command) return { def: DEFS[command](), command, words };
  }
  return null;
}

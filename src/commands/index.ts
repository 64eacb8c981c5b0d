/**
 * The oclif command table (explicit strategy: no directory scan at start-up). Each entry is a thin
 * oclif command made from its definition in src/cli/defs; the definition holds the flags, the one
 * core call and the text rendering.
 */
import { makeCommand } from '../cli/makeCommand';
import type { CommandDef } from '../cli/CommandDef';
import archive from '../cli/defs/archive';
import configDefs from '../cli/defs/config';
import { depAdd, depRm } from '../cli/defs/dep';
import edit from '../cli/defs/edit';
import init from '../cli/defs/init';
import list from '../cli/defs/list';
import log from '../cli/defs/log';
import newMilestone from '../cli/defs/newMilestone';
import next from '../cli/defs/next';
import rebuild from '../cli/defs/rebuild';
import { exportDef, importDef } from '../cli/defs/importExport';
import scale from '../cli/defs/scale';
import portfolioDef from '../cli/defs/portfolio';
import rm from '../cli/defs/rm';
import show from '../cli/defs/show';
import { pull, push, sync } from '../cli/defs/sync';
import remoteSetup from '../cli/defs/remote';
import { backup, restore } from '../cli/defs/backup';
import doctor from '../cli/defs/doctor';
import taskAdd from '../cli/defs/taskAdd';
import taskList from '../cli/defs/taskList';
import taskShow from '../cli/defs/taskShow';
import { taskBlock, taskDone, taskEdit, taskRm, taskStart } from '../cli/defs/taskUpdate';
import { hooksInstall, hooksStatusDef, hooksUninstall } from '../cli/defs/hooks';
import { branchCleanup, branchStart } from '../cli/defs/branch';

const defs: CommandDef<never>[] = [
  init, newMilestone, list, show, edit, archive, rm, next, log, rebuild,
  taskAdd, taskList, taskShow, taskEdit, taskStart, taskDone, taskBlock, taskRm,
  depAdd, depRm, ...configDefs,
  importDef, exportDef,
  scale, portfolioDef,
  pull, push, sync, remoteSetup, backup, restore, doctor,
  hooksInstall, hooksUninstall, hooksStatusDef, branchStart, branchCleanup,
  require('../cli/defs/trust').default,
] as CommandDef<never>[];

export const COMMANDS = Object.fromEntries(defs.map((d) => [d.id, makeCommand(d as CommandDef<unknown>)]));

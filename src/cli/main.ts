/**
 * Entry point of the `git-milestone` executable. Hot read commands (`list`, `show`, `next`,
 * `task list|show`) run on the direct path, which parses with node's util.parseArgs and never loads
 * oclif; everything else, and any help or unusual input, goes through oclif. The exit status is
 * set on process.exitCode; nothing here calls process.exit.
 */
import * as path from 'node:path';
import type { CommandDef } from './CommandDef';
import { createNodeEnv } from '../env/nodeEnv';
import { handleError } from './handleError';
import { MilestoneError } from '../errors/MilestoneError';

const DIRECT: Record<string, () => CommandDef<unknown>> = {
  list: () => require('./defs/list').default,
  status: () => require('./defs/list').default,
  show: () => require('./defs/show').default,
  next: () => require('./defs/next').default,
  'task list': () => require('./defs/taskList').default,
  'task show': () => require('./defs/taskShow').default,
};

export async function main(argv: string[]): Promise<void> {
  const key = DIRECT[`${argv[0]} ${argv[1]}`] ? `${argv[0]} ${argv[1]}` : argv[0];
  const load = key !== undefined ? DIRECT[key] : undefined;
  if (load) {
    const { parseDirect } = require('./parseDirect') as typeof import('./parseDirect');
    const def = load();
    const input = parseDirect(def, argv.slice(key.split(' ').length));
    if (input) {
      const { runDef } = require('./runDef') as typeof import('./runDef');
      process.exitCode = await runDef({ def, input, env: createNodeEnv({ verbose: Boolean(input.flags.verbose) }) });
      return;
    }
  }
  const oclif = require('@oclif/core') as typeof import('@oclif/core');
  try {
    await oclif.run(argv, path.join(__dirname, '..', '..'));
    await oclif.flush();
  } catch (error) {
    const e = error as Error & { oclif?: { exit?: number } };
    if (e.oclif?.exit === 0) return;
    const usage = new MilestoneError('USAGE', e.message.split('\n')[0], { hint: 'See `git milestone --help` for the commands.' });
    process.exitCode = handleError({ env: createNodeEnv({}), error: usage, json: argv.includes('--json') });
  }
}

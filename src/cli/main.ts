/**
 * Entry point of the `git-milestone` executable. A plain invocation of any command runs on the
 * direct path: node's util.parseArgs with the command's own definition, never loading oclif
 * (≈90 ms here). `--help`, unknown commands and anything the direct parser does not take plainly
 * (an unknown flag, a bad value) go through oclif, which gives its full help and usage errors.
 * The exit status is set on process.exitCode; nothing here calls process.exit.
 */
import * as path from 'node:path';
import { findDef } from './defs/registry';
import { parseDirect } from './parseDirect';
import { runDef } from './runDef';
import { createNodeEnv } from '../env/nodeEnv';
import { handleError } from './handleError';
import { MilestoneError } from '../errors/MilestoneError';

export async function main(argv: string[]): Promise<void> {
  const found = findDef(argv);
  if (found) {
    const { def } = found;
    const input = parseDirect(def, argv.slice(found.words));
    if (input) {
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

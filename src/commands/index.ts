/**
 * The oclif command table (explicit strategy: no directory scan at start-up), derived from the
 * command table in src/cli/defs/registry.ts: one thin oclif command per definition, under oclif's
 * id (`task:add`), with the aliases the table gives it. oclif serves help; see src/cli/main.ts.
 */
import { makeCommand } from '../cli/makeCommand';
import { DEFS, oclifId } from '../cli/defs/registry';

export const COMMANDS = Object.fromEntries(
  Object.entries(DEFS).map(([words, load]) => [oclifId(words), makeCommand(words, load())]),
);

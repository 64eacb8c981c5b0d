/** The flags every command takes, besides -h/--help. */
import type { FlagDef } from './CommandDef';

export const GLOBAL_FLAGS: Record<string, FlagDef> = {
  json: { type: 'boolean', description: 'Print the result as JSON (schemas in schemas/).' },
  verbose: { type: 'boolean', description: 'Also log to stderr, and show stack traces of internal errors.' },
};

/**
 * A tool call's arguments as the command's parsed Input (what parseDirect gives the CLI), checked
 * against the tool's input schema: an unknown argument (with the nearest known one), a missing one
 * or a value of the wrong type is a USAGE error worded like the CLI's. Free words (`list {query}`)
 * are split as a shell would split simple words ('quoted phrases' stay whole).
 */
import type { CommandDef, Input } from '../cli/CommandDef';
import { nearest } from '../cli/nearest';
import { MilestoneError } from '../errors/MilestoneError';
import { camel, inputSchema, offeredFlags, type JsonSchema } from './toolSchemas';
import type { ToolRow } from './toolTable';

const usage = (message: string): MilestoneError => new MilestoneError('USAGE', message);

/** Words of a query string; "double" or 'single' quotes keep a phrase in one word. */
export function splitWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function typeOk(s: JsonSchema, v: unknown): boolean {
  if (s.type === 'array') return Array.isArray(v) && v.every((x) => typeOk(s.items as JsonSchema, x));
  if (s.type === 'integer') return Number.isInteger(v) && (v as number) >= 0;
  if (typeof v !== s.type) return false;
  return !s.enum || (s.enum as unknown[]).includes(v);
}

function describe(s: JsonSchema): string {
  if (s.type === 'array') return `an array of ${describe(s.items as JsonSchema)}s`;
  if (s.enum) return `one of ${(s.enum as string[]).join(', ')}`;
  return s.type === 'integer' ? 'a non-negative integer' : `a ${String(s.type)}`;
}

/** Checks `given` against the tool's input schema; returns it as an object. */
function checked(row: ToolRow, def: CommandDef<unknown>, given: unknown): Record<string, unknown> {
  if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) {
    throw usage(`the arguments of ${row.name} are an object`);
  }
  const args = (given ?? {}) as Record<string, unknown>;
  const schema = inputSchema(row, def);
  const props = schema.properties as Record<string, JsonSchema>;
  for (const [k, v] of Object.entries(args)) {
    const s = props[k];
    if (!s) {
      const near = nearest(k, Object.keys(props));
      throw usage(`unknown argument ${k} of ${row.name}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`);
    }
    if (v !== undefined && v !== null && !typeOk(s, v)) throw usage(`${k} takes ${describe(s)}, not ${JSON.stringify(v)}`);
  }
  const missing = (schema.required as string[]).filter((k) => args[k] === undefined || args[k] === null);
  if (missing.length) throw usage(`missing argument${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}`);
  return args;
}

export function toInput(row: ToolRow, def: CommandDef<unknown>, given: unknown): Input {
  const args = checked(row, def, given);
  const present = (k: string) => args[k] !== undefined && args[k] !== null;
  const input: Input = { args: {}, rest: [], flags: { ...(row.fixed ?? {}) } };
  for (const a of def.args ?? []) input.args[a.name] = present(a.name) ? (args[a.name] as string) : undefined;
  if (row.rest && present(row.rest)) input.rest = splitWords(args[row.rest] as string);
  for (const [name, f] of offeredFlags(row, def)) {
    const k = camel(name);
    const fallback = name === 'limit' ? (row.limit ?? f.default) : f.default;
    if (present(k)) input.flags[name] = args[k];
    else if (fallback !== undefined) input.flags[name] = fallback;
  }
  return input;
}

/**
 * A tool's MCP definition from its row and its command's CommandDef: the input schema from the
 * command's arguments and flags (flag `depends-on` becomes `dependsOn`), the output schema from
 * the command's `--json` schema in schemas/ (bundled: the files it refers to are copied in, since a
 * client compiles each output schema alone), and the annotations. No SDK is loaded here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandDef, FlagDef } from '../cli/CommandDef';
import type { ToolHints, ToolRow } from './toolTable';

export type JsonSchema = Record<string, unknown>;

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema & { type: 'object' };
  outputSchema: JsonSchema & { type: 'object' };
  annotations: ToolHints & { openWorldHint: false };
}

/** schemas/ in the package: two levels above both dist/mcp/*.js and the bundle dist/cli/main.bundle.js. */
export const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schemas');

export const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export const defOf = (row: ToolRow): CommandDef<unknown> => row.def();

/** The command's flags a tool offers: its own, less the ones the row fixes or leaves out. */
export function offeredFlags(row: ToolRow, def: CommandDef<unknown>): Array<[string, FlagDef]> {
  return Object.entries(def.flags ?? {}).filter(([n]) => !row.omit?.includes(n) && !(n in (row.fixed ?? {})));
}

function flagSchema(f: FlagDef, fallback: number | undefined): JsonSchema {
  const one: JsonSchema = f.type === 'integer' ? { type: 'integer', minimum: 0 } : { type: f.type };
  if (f.options) one.enum = [...f.options];
  const s: JsonSchema = f.multiple ? { type: 'array', items: one } : one;
  const given = fallback ?? f.default;
  return { ...s, description: f.description, ...(given === undefined ? {} : { default: given }) };
}

export function inputSchema(row: ToolRow, def: CommandDef<unknown>): ToolDefinition['inputSchema'] {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const a of def.args ?? []) {
    properties[a.name] = { type: 'string', description: a.description };
    if (a.required) required.push(a.name);
  }
  if (row.rest) properties[row.rest] = { type: 'string', description: 'Words as on the command line (see the description).' };
  for (const [name, f] of offeredFlags(row, def)) {
    if (camel(name) in properties) throw new Error(`tool ${row.name}: ${camel(name)} is both an argument and a flag`);
    properties[camel(name)] = flagSchema(f, name === 'limit' ? row.limit : undefined);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

/** A copy of `node` with every `$ref` rewritten by `ref`, and no `$id`/`$schema`. */
function rewrite(node: unknown, ref: (r: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, ref));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$id' || k === '$schema') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? ref(v) : rewrite(v, ref);
  }
  return out;
}

/**
 * The schema of `file` with every file it refers to copied under `definitions["<file>"]` (refs
 * rewritten to point there); the output is wrapped in an object under `wrap` when given.
 */
export function bundledSchema(file: string, wrap?: string, dir = SCHEMA_DIR): ToolDefinition['outputSchema'] {
  const definitions: Record<string, unknown> = {};
  const queue = [file];
  const inline = (f: string) => wrap !== undefined || f !== file;
  const target = (f: string, pointer: string): string => {
    if (!inline(f)) return `#${pointer}`;
    if (!(f in definitions) && !queue.includes(f)) queue.push(f);
    return `#/definitions/${f}${pointer}`;
  };
  let root: Record<string, unknown> = {};
  while (queue.length) {
    const f = queue.shift() as string;
    const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown;
    definitions[f] = null; // taken: a circle of refs stops here
    const copy = rewrite(doc, (r) => {
      const [other, pointer = ''] = r.split('#');
      return target(other === '' ? f : other, pointer);
    }) as Record<string, unknown>;
    if (inline(f)) definitions[f] = copy;
    else {
      delete definitions[f];
      root = copy;
    }
  }
  if (wrap !== undefined) {
    const properties = { [wrap]: { $ref: `#/definitions/${file}` } };
    return { type: 'object', additionalProperties: false, required: [wrap], properties, definitions };
  }
  const own = (root.definitions ?? {}) as Record<string, unknown>;
  return { ...root, type: 'object', definitions: { ...own, ...definitions } };
}

export function toolDefinition(row: ToolRow): ToolDefinition {
  const def = defOf(row);
  const summary = row.summary ?? def.summary;
  const limit = row.limit === undefined ? '' : `\n\nReturns at most \`limit\` (default ${row.limit}) entries.`;
  return {
    name: row.name,
    title: summary.replace(/\.$/, ''),
    description: `${summary}${def.description ? `\n\n${def.description}` : ''}${limit}`,
    inputSchema: inputSchema(row, def),
    outputSchema: bundledSchema(row.schema, row.wrap),
    annotations: { ...row.hints, openWorldHint: false },
  };
}

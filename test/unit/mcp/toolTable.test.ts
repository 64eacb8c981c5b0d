/**
 * The tool rows load the same definitions as the command table, and their input schemas follow
 * the commands' arguments and flags (a flag added to a command reaches its tool). Runs on dist/.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// The rows load definitions with require(), as the command table does: the built tree (npm run build).
const load = createRequire(__filename);
const dist = (p: string) => load(path.resolve(__dirname, '../../../dist', p));
const { DEFS } = dist('cli/defs/registry.js') as typeof import('../../../src/cli/defs/registry');
const { bundledSchema, inputSchema } = dist('mcp/toolSchemas.js') as typeof import('../../../src/mcp/toolSchemas');
const { splitWords, toInput } = dist('mcp/toolInput.js') as typeof import('../../../src/mcp/toolInput');
const { TOOL_ROWS, toolRow } = dist('mcp/toolTable.js') as typeof import('../../../src/mcp/toolTable');

describe('MCP tool rows', () => {
  it('load the command table\'s definitions', () => {
    for (const row of TOOL_ROWS) expect(row.def(), row.name).toBe(DEFS[row.command]());
  });

  it('offer every flag of the command but the ones fixed or left out, camel-cased', () => {
    for (const row of TOOL_ROWS) {
      const def = row.def();
      const props = Object.keys(inputSchema(row, def).properties as object);
      const flags = Object.keys(def.flags ?? {}).filter((f) => !row.omit?.includes(f) && !(f in (row.fixed ?? {})));
      const camel = flags.map((f) => f.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
      expect(props.sort(), row.name).toEqual([...(def.args ?? []).map((a) => a.name), ...(row.rest ? [row.rest] : []), ...camel].sort());
    }
  });

  it('turn arguments into the command\'s input: words split, defaults and fixed flags applied', () => {
    const list = toolRow('list')!;
    expect(toInput(list, list.def(), { query: 'label:api "two words"', all: true })).toEqual({
      args: {}, rest: ['label:api', 'two words'], flags: { all: true, limit: 50 },
    });
    const next = toolRow('next')!;
    expect(toInput(next, next.def(), {}).flags).toEqual({ explain: true, json: true, limit: 20 });
    expect(splitWords("  a 'b c'  d ")).toEqual(['a', 'b c', 'd']);
  });

  it('bundle an output schema with the files it refers to, refs pointing inside', () => {
    const s = bundledSchema('task.schema.json');
    expect(s.type).toBe('object');
    const refs = [...JSON.stringify(s).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.startsWith('#/definitions/'), r).toBe(true);
    const wrapped = bundledSchema('log.schema.json', 'entries');
    expect(wrapped).toMatchObject({ required: ['entries'], properties: { entries: { $ref: '#/definitions/log.schema.json' } } });
    expect(Object.keys(wrapped.definitions as object)).toEqual(expect.arrayContaining(['log.schema.json', 'task.schema.json']));
  });
});

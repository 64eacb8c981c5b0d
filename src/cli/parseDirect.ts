/**
 * Parses argv for a CommandDef with node's own util.parseArgs, for the direct path that skips
 * oclif. Returns null whenever the input is anything but plain (help, an unknown flag, a bad
 * value), so oclif then parses it and gives its full help or error.
 */
import { parseArgs } from 'node:util';
import type { CommandDef, FlagDef, Input } from './CommandDef';

const NEGATED_WORD = /^-[a-z_]+:/;

const GLOBAL: Record<string, FlagDef> = {
  json: { type: 'boolean', description: '' },
  verbose: { type: 'boolean', description: '' },
};

export function parseDirect(def: CommandDef<unknown>, argv: string[]): Input | null {
  if (argv.includes('--help') || argv.includes('-h')) return null;
  const all = { ...GLOBAL, ...(def.flags ?? {}) };
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, f] of Object.entries(all)) {
    options[name] = { type: f.type === 'boolean' ? 'boolean' : 'string', ...(f.multiple ? { multiple: true } : {}), ...(f.char ? { short: f.char } : {}) };
  }
  // A negated query word (`-label:later`) is a positional, not a cluster of short flags.
  const words = def.variadic ? argv.filter((a) => NEGATED_WORD.test(a)) : [];
  const rest = argv.filter((a) => !words.includes(a));
  let parsed;
  try {
    parsed = parseArgs({ args: words.length ? [...rest, '--', ...words] : rest, options, allowPositionals: true, strict: true });
  } catch {
    return null;
  }
  const flags: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(all)) {
    const v = (parsed.values as Record<string, unknown>)[name];
    if (v === undefined) {
      if (f.default !== undefined) flags[name] = f.default;
      continue;
    }
    if (f.type === 'integer') {
      if (!/^-?\d+$/.test(String(v))) return null;
      flags[name] = Number(v);
    } else if (f.options && [v].flat().some((x) => !f.options?.includes(String(x)))) return null;
    else flags[name] = v;
  }
  const declared = def.args ?? [];
  const pos = parsed.positionals;
  if (declared.some((a, i) => a.required && pos[i] === undefined)) return null;
  if (!def.variadic && pos.length > declared.length) return null;
  const args: Record<string, string | undefined> = {};
  declared.forEach((a, i) => (args[a.name] = pos[i]));
  return { args, rest: pos.slice(declared.length), flags };
}

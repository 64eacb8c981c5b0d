/**
 * Text → JSON for the legacy files, pure: YAML documents (yaml 1.2 core schema, so `2024-07-15`
 * stays the string it was written as; fastYaml first, the yaml library when it declines) and JSON
 * Lines. A failure names the file and line; values
 * JSON cannot carry (`.nan`, `.inf`) are refused with their path, since operations are canonical
 * JSON.
 */
import { fastYaml } from './fastYaml';
import type { Json, JsonLines, JsonObject, Problem } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The path of the first value JSON cannot carry, or null. */
export function nonJsonPath(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonJsonPath(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const bad = nonJsonPath(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return null;
  }
  return path;
}

/** Parses one YAML document; any JSON value (a mapping is the caller's check). */
export function parseYaml(file: string, text: string): Parsed<Json> {
  const fast = fastYaml(text);
  if (fast !== undefined) return { ok: true, value: fast };
  const YAML = require('yaml') as typeof import('yaml');
  let value: unknown;
  try {
    value = YAML.parse(text);
  } catch (e) {
    const err = e as Error & { linePos?: Array<{ line: number }> };
    const line = err.linePos?.[0]?.line;
    const message = `not valid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
    return { ok: false, problem: line ? { file, line, message } : { file, message } };
  }
  const bad = nonJsonPath(value);
  if (bad) return { ok: false, problem: { file, message: `value at ${bad} cannot be kept (not a finite number or not plain data)` } };
  return { ok: true, value: (value ?? null) as Json };
}

/** Parses a YAML file that must hold a mapping (a milestone, a session). */
export function parseYamlObject(file: string, text: string): Parsed<JsonObject> {
  const r = parseYaml(file, text);
  if (!r.ok) return r;
  if (!isObject(r.value)) return { ok: false, problem: { file, message: `expected a YAML mapping, found ${r.value === null ? 'an empty document' : Array.isArray(r.value) ? 'a list' : 'a single value'}` } };
  return { ok: true, value: r.value };
}

/** JSON Lines: every non-blank line must be a JSON object; others are reported and kept aside. */
export function parseJsonLines(file: string, text: string): { lines: JsonLines; problems: Problem[] } {
  const lines: JsonLines = { entries: [], rejected: [] };
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ file, line: i + 1, message: `not valid JSON (${(e as Error).message}); line kept aside, not imported` });
      lines.rejected.push({ line: i + 1, text: raw });
      return;
    }
    if (!isObject(value)) {
      problems.push({ file, line: i + 1, message: 'not a JSON object; line kept aside, not imported' });
      lines.rejected.push({ line: i + 1, text: raw });
      return;
    }
    lines.entries.push(value);
  });
  return { lines, problems };
}

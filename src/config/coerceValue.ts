/**
 * Turns the string a git config entry or an environment variable holds into the type the schema
 * asks for: booleans (true/false/yes/no/on/off/1/0), integers, numbers, null, lists
 * (comma-separated or a JSON array) and objects (JSON). Keys the schema does not know stay strings.
 */
import type { SchemaNode } from './configSchema';

export type CoerceResult = { ok: true; value: unknown } | { ok: false; expected: string };

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

function allowedTypes(node: SchemaNode): string[] {
  if (node.type) return Array.isArray(node.type) ? node.type : [node.type];
  if (node.enum) {
    const kinds = new Set<string>();
    for (const v of node.enum) kinds.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    return [...kinds];
  }
  return [];
}

function describeExpected(node: SchemaNode, types: string[]): string {
  if (node.enum) return `one of ${node.enum.map((v) => (v === null ? 'null' : String(v))).join(', ')}`;
  return types.join(' or ');
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/** Coerces `raw` for a key whose schema node is `node` (undefined: unknown key, kept as is). */
export function coerceValue(raw: string, node: SchemaNode | undefined): CoerceResult {
  if (!node) return { ok: true, value: raw };
  const types = allowedTypes(node);
  if (types.length === 0) return { ok: true, value: raw };
  const text = raw.trim();
  const lower = text.toLowerCase();

  if (node.enum && node.enum.includes(raw)) return { ok: true, value: raw };
  if (types.includes('null') && (lower === 'null' || lower === '~')) return { ok: true, value: null };
  if (types.includes('boolean')) {
    if (TRUE.has(lower) && !(types.includes('integer') && lower === '1')) return { ok: true, value: true };
    if (FALSE.has(lower) && !(types.includes('integer') && lower === '0')) return { ok: true, value: false };
  }
  if (types.includes('integer') && /^[-+]?\d+$/.test(text)) return { ok: true, value: Number(text) };
  if (types.includes('number') && text !== '' && Number.isFinite(Number(text))) {
    return { ok: true, value: Number(text) };
  }
  if (types.includes('array')) {
    if (text.startsWith('[')) {
      const parsed = parseJson(text);
      if (parsed.ok && Array.isArray(parsed.value)) return parsed;
    } else {
      return { ok: true, value: text === '' ? [] : text.split(',').map((s) => s.trim()).filter(Boolean) };
    }
  }
  if (types.includes('object') && text.startsWith('{')) {
    const parsed = parseJson(text);
    if (parsed.ok && parsed.value !== null && typeof parsed.value === 'object') return parsed;
  }
  if (types.includes('string')) return { ok: true, value: raw };
  return { ok: false, expected: describeExpected(node, types) };
}

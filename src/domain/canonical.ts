/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, independent of locale), no
 * whitespace. Operations are hashed over this text, and snapshots written with it are byte-identical
 * whatever the order in which their objects were built.
 *
 * Follows JSON.stringify where JSON is defined (undefined members are dropped, undefined in an array
 * becomes null, `toJSON` is honoured); refuses what JSON cannot carry faithfully: non-finite numbers,
 * bigints, functions, symbols and cycles.
 */
import { MilestoneError } from '../errors/MilestoneError';

function refuse(message: string, path: string): never {
  throw new MilestoneError('INVALID_INPUT', `cannot write canonical JSON: ${message} at ${path}`, {
    data: { path },
  });
}

function encode(value: unknown, path: string, ancestors: Set<object>): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) refuse(`non-finite number ${String(value)}`, path);
      return JSON.stringify(value);
    case 'undefined':
      return undefined;
    case 'bigint':
    case 'function':
    case 'symbol':
      return refuse(`a ${typeof value}`, path);
    default:
      break;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (ancestors.has(obj)) refuse('a circular reference', path);
  ancestors.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((item, i) => encode(item, `${path}[${i}]`, ancestors) ?? 'null').join(',')}]`;
  } else {
    const record = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const encoded = encode(record[key], `${path}.${key}`, ancestors);
      if (encoded !== undefined) parts.push(`${JSON.stringify(key)}:${encoded}`);
    }
    out = `{${parts.join(',')}}`;
  }
  ancestors.delete(obj);
  return out;
}

/** The canonical JSON text of a JSON-like value (see the file comment for the rules). */
export function canonicalJson(value: unknown): string {
  const out = encode(value, '$', new Set());
  if (out === undefined) refuse('undefined', '$');
  return out;
}

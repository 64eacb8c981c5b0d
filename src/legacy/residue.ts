/**
 * Mapping a legacy document onto the model without losing anything: `take` moves a value the model
 * can hold (the `accept` test) out of a copy of the document and records its dotted path in
 * `mapped`; whatever is left (unknown fields, values the model cannot hold, `progress`) is the
 * residue, kept verbatim in `extra`. An export writes the residue back and puts each model field at
 * the path it was taken from, so the same document comes out.
 */
import { copyJson, setOwn } from '../domain/values';
import type { Json, JsonObject } from './types';

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The key under which git-milestone keeps its own bookkeeping in `extra`. */
export const LEGACY_KEY = 'legacy';

export class Residue {
  readonly mapped: string[] = [];
  /** A key named `legacy` in the document itself, set aside so it cannot clash. */
  readonly ownLegacy: Json | undefined;
  /** Taken paths, keys joined with NUL (a key that itself contains a dot cannot be confused). */
  private readonly taken = new Set<string>();
  /** Paths that have a taken path below them. */
  private readonly opened = new Set<string>();
  private left: JsonObject | null = null;

  /** `doc` is read, never changed; values taken from it are shared, the residue is a copy. */
  constructor(private readonly doc: JsonObject) {
    if (Object.prototype.hasOwnProperty.call(doc, LEGACY_KEY)) {
      this.ownLegacy = doc[LEGACY_KEY];
      this.taken.add(LEGACY_KEY);
    }
  }

  /** What is left: a copy of the document without the taken values (built once, after the takes). */
  get rest(): JsonObject {
    return (this.left ??= this.without(this.doc, ''));
  }

  /** The value at `path` when present and accepted (then it leaves the residue), else undefined. */
  take(path: string, accept: (v: Json) => boolean): Json | undefined {
    const found = this.find(path);
    if (!found || !accept(found.value)) return undefined;
    this.taken.add(found.key);
    for (let i = found.key.indexOf('\0'); i >= 0; i = found.key.indexOf('\0', i + 1)) this.opened.add(found.key.slice(0, i));
    this.mapped.push(path);
    this.left = null;
    return found.value;
  }

  /** The first of several alternative paths (`timeline.estimated_start`, `timeline.start_date`). */
  takeFirst(paths: string[], accept: (v: Json) => boolean): Json | undefined {
    for (const p of paths) {
      const v = this.take(p, accept);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** The value at `path` still in the residue (undefined when absent or taken). */
  peek(path: string): Json | undefined {
    return this.find(path)?.value;
  }

  private find(path: string): { value: Json; key: string } | null {
    let value: Json = this.doc;
    let key = '';
    for (const k of path.includes('.') ? path.split('.') : [path]) {
      key = key === '' ? k : `${key}\0${k}`;
      if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, k) || this.taken.has(key)) return null;
      value = value[k];
    }
    return { value, key };
  }

  private without(obj: JsonObject, prefix: string): JsonObject {
    const out: JsonObject = {};
    for (const k of Object.keys(obj)) {
      const key = prefix === '' ? k : `${prefix}\0${k}`;
      if (this.taken.has(key)) continue;
      const v = obj[k];
      setOwn(out, k, this.opened.has(key) && isObject(v) ? this.without(v, key) : copyJson(v));
    }
    return out;
  }
}

/** Sets `value` at a dotted path of `doc`, creating objects on the way (export). */
export function setPath(doc: JsonObject, path: string, value: Json): void {
  const keys = path.split('.');
  let holder = doc;
  for (const k of keys.slice(0, -1)) {
    if (!isObject(holder[k])) holder[k] = {};
    holder = holder[k] as JsonObject;
  }
  holder[keys[keys.length - 1]] = value;
}

/** Whether a dotted path exists in `doc`. */
export function hasPath(doc: JsonObject, path: string): boolean {
  let v: Json | undefined = doc;
  for (const k of path.split('.')) {
    if (!isObject(v) || !Object.prototype.hasOwnProperty.call(v, k)) return false;
    v = v[k];
  }
  return true;
}

/**
 * Mapping a legacy document onto the model without losing anything: `take` moves a value the model
 * can hold (the `accept` test) out of a copy of the document and records its dotted path in
 * `mapped`; whatever is left (unknown fields, values the model cannot hold, `progress`) is the
 * residue, kept verbatim in `extra`. An export writes the residue back and puts each model field at
 * the path it was taken from, so the same document comes out.
 */
import type { Json, JsonObject } from './types';

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The key under which git-milestone keeps its own bookkeeping in `extra`. */
export const LEGACY_KEY = 'legacy';

/**
 * A deep copy of parsed JSON data, several times faster than structuredClone for the small
 * documents an import handles by the thousand. Keys such as `__proto__` stay ordinary keys.
 */
export function cloneJson<T extends Json>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  const out: { [key: string]: Json } = {};
  for (const k of Object.keys(value)) {
    const v = cloneJson((value as { [key: string]: Json })[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}

export class Residue {
  readonly rest: JsonObject;
  readonly mapped: string[] = [];
  /** A key named `legacy` in the document itself, moved aside so it cannot clash. */
  readonly ownLegacy: Json | undefined;

  constructor(doc: JsonObject) {
    this.rest = cloneJson(doc);
    if (LEGACY_KEY in this.rest) {
      this.ownLegacy = this.rest[LEGACY_KEY];
      delete this.rest[LEGACY_KEY];
    }
  }

  /** The value at `path` when present and accepted (then removed from the residue), else undefined. */
  take(path: string, accept: (v: Json) => boolean): Json | undefined {
    const keys = path.split('.');
    let holder: JsonObject = this.rest;
    for (const k of keys.slice(0, -1)) {
      const next = holder[k];
      if (!isObject(next)) return undefined;
      holder = next;
    }
    const last = keys[keys.length - 1];
    if (!Object.prototype.hasOwnProperty.call(holder, last) || !accept(holder[last])) return undefined;
    const value = holder[last];
    delete holder[last];
    this.mapped.push(path);
    return value;
  }

  /** The first of several alternative paths (`timeline.estimated_start`, `timeline.start_date`). */
  takeFirst(paths: string[], accept: (v: Json) => boolean): Json | undefined {
    for (const p of paths) {
      const v = this.take(p, accept);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** The value at `path` without taking it (undefined when absent). */
  peek(path: string): Json | undefined {
    let v: Json | undefined = this.rest;
    for (const k of path.split('.')) v = isObject(v) && Object.prototype.hasOwnProperty.call(v, k) ? v[k] : undefined;
    return v;
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

/**
 * A deep copy of parsed JSON data, several times faster than structuredClone for the small
 * documents an import handles by the thousand. Keys such as `__proto__` stay ordinary keys.
 */
import type { Json } from './types';

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

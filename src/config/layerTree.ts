/**
 * Building and merging the nested value trees of settings layers. A layer is a plain nested
 * object; merging a higher layer replaces leaves (scalars, lists, null) and merges objects key by
 * key, recording for every leaf the origin of its effective value.
 */
import type { ConfigOrigin } from './types';

export type Tree = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Sets a dotted path in a nested tree, creating (or replacing non-object) parents. */
export function setPath(tree: Tree, dottedPath: string, value: unknown): void {
  const segments = dottedPath.split('.');
  let node = tree;
  for (const segment of segments.slice(0, -1)) {
    if (!isPlainObject(node[segment])) node[segment] = {};
    node = node[segment] as Tree;
  }
  node[segments[segments.length - 1]] = value;
}

/** Builds a nested tree from dotted path → value entries (later entries win). */
export function buildTree(entries: Iterable<[string, unknown]>): Tree {
  const tree: Tree = {};
  for (const [p, v] of entries) setPath(tree, p, v);
  return tree;
}

function dropOrigins(origins: Record<string, ConfigOrigin>, dottedPath: string): void {
  for (const key of Object.keys(origins)) {
    if (key === dottedPath || key.startsWith(dottedPath + '.')) delete origins[key];
  }
}

/**
 * Merges `layer` into `target` in place. `originOf(path)` gives the origin recorded for each leaf
 * the layer sets (an empty object counts as a leaf so it keeps an origin).
 */
export function mergeLayer(
  target: Tree,
  layer: Tree,
  origins: Record<string, ConfigOrigin>,
  originOf: (dottedPath: string) => ConfigOrigin,
  prefix = '',
): void {
  for (const [key, value] of Object.entries(layer)) {
    const p = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) {
      if (!isPlainObject(target[key])) {
        dropOrigins(origins, p);
        target[key] = {};
      }
      if (Object.keys(value).length === 0) {
        if (Object.keys(target[key] as Tree).length === 0) origins[p] = originOf(p);
        continue;
      }
      delete origins[p];
      mergeLayer(target[key] as Tree, value, origins, originOf, p);
    } else {
      dropOrigins(origins, p);
      target[key] = structuredClone(value);
      origins[p] = originOf(p);
    }
  }
}

/** Every leaf of a tree as [dottedPath, value] (lists and empty objects are leaves). */
export function leaves(tree: Tree, prefix = ''): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(tree)) {
    const p = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) out.push(...leaves(value, p));
    else out.push([p, value]);
  }
  return out;
}

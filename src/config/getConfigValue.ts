/**
 * Reads one setting by dotted path (`cache.ttl`) from a nested settings object. Returns
 * undefined when any segment is missing; a whole section (`cache`) returns its object.
 */
import { isPlainObject } from './layerTree';

export function getConfigValue(values: Record<string, unknown>, dottedPath: string): unknown {
  if (dottedPath === '') return values;
  let node: unknown = values;
  for (const segment of dottedPath.split('.')) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/**
 * Checks a settings tree against schemas/milestone-config.schema.json in a few lines instead of
 * ajv: the settings schema uses only type (unions too), enum, minimum/maximum, properties,
 * additionalProperties, items and $ref into definitions. The CLI and the hooks validate through
 * this one checker, so both give the same issues and neither pays for loading and compiling ajv
 * (≈25 ms). A keyword it does not know throws, so a schema change cannot be skipped silently;
 * test/unit/config/checkSchema.test.ts keeps it in step with a strict ajv.
 */
import { isPlainObject } from './layerTree';
import type { SchemaNode } from './configSchema';

/** One failure, shaped like ajv's: the path of the value, the keyword, its params, the value. */
export interface SchemaError {
  path: string[];
  keyword: string;
  params: Record<string, unknown>;
  data: unknown;
}

const ANNOTATIONS = ['$schema', '$id', 'title', 'description', 'examples', 'definitions'];
const CHECKED = ['type', 'enum', 'properties', 'additionalProperties', 'items', '$ref', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([...ANNOTATIONS, ...CHECKED]);

const LIMITS: Array<[string, string, (v: number, l: number) => boolean]> = [
  ['minimum', '>=', (v, l) => v >= l],
  ['maximum', '<=', (v, l) => v <= l],
  ['exclusiveMinimum', '>', (v, l) => v > l],
  ['exclusiveMaximum', '<', (v, l) => v < l],
];

function isType(t: string, v: unknown): boolean {
  switch (t) {
    case 'null': return v === null;
    case 'integer': return typeof v === 'number' && !(v % 1) && !Number.isNaN(v); // as ajv: Infinity counts
    case 'number': return typeof v === 'number';
    case 'array': return Array.isArray(v);
    case 'object': return isPlainObject(v);
    default: return typeof v === t;
  }
}

function deref(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let guard = 0; current.$ref; guard++) {
    const m = /^#\/definitions\/(.+)$/.exec(current.$ref);
    const target = m ? root.definitions?.[m[1]] : undefined;
    if (!target || guard > 10) throw new Error(`settings schema: cannot resolve ${current.$ref}`);
    current = target;
  }
  return current;
}

function walk(raw: SchemaNode, v: unknown, at: string[], root: SchemaNode, out: SchemaError[]): void {
  const node = deref(raw, root);
  for (const k of Object.keys(node)) if (!SUPPORTED_KEYWORDS.has(k)) throw new Error(`settings schema: unsupported keyword ${k}`);
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  if (types.length > 0 && !types.some((t) => isType(t, v))) {
    out.push({ path: at, keyword: 'type', params: { type: types.join(',') }, data: v });
    return;
  }
  if (node.enum && !node.enum.includes(v)) {
    out.push({ path: at, keyword: 'enum', params: { allowedValues: node.enum }, data: v });
    return;
  }
  if (typeof v === 'number') {
    for (const [kw, comparison, ok] of LIMITS) {
      const limit = node[kw];
      if (typeof limit === 'number' && !ok(v, limit)) out.push({ path: at, keyword: kw, params: { comparison, limit }, data: v });
    }
  }
  if (Array.isArray(v) && node.items) v.forEach((x, i) => walk(node.items as SchemaNode, x, [...at, String(i)], root, out));
  if (!isPlainObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, k)) walk(node.properties[k], x, [...at, k], root, out);
    else if (node.additionalProperties === false) out.push({ path: at, keyword: 'additionalProperties', params: { additionalProperty: k }, data: v });
    else if (isPlainObject(node.additionalProperties)) walk(node.additionalProperties as SchemaNode, x, [...at, k], root, out);
  }
}

/** Every way `value` fails `schema` (empty when it fits). */
export function checkSchema(value: unknown, schema: SchemaNode): SchemaError[] {
  const out: SchemaError[] = [];
  walk(schema, value, [], schema, out);
  return out;
}

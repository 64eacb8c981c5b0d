/**
 * Access to schemas/milestone-config.schema.json: the raw schema (read on first use) and the schema
 * node of a dotted key (for coercing git/env strings). Values are checked by checkSchema.ts.
 */
import * as fs from 'fs';
import * as path from 'path';

/** A JSON schema node, loosely typed: the subset of draft-07 this file reads. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
  [k: string]: unknown;
}

/** From src/config (tests) and from dist/config (installed) alike: <package>/schemas/... */
export const CONFIG_SCHEMA_PATH = path.join(__dirname, '../../schemas/milestone-config.schema.json');

let rawSchema: SchemaNode | undefined;

/** The parsed schema file (cached). */
export function loadConfigSchema(): SchemaNode {
  if (!rawSchema) rawSchema = JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as SchemaNode;
  return rawSchema;
}

function resolve(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let guard = 0; current.$ref && guard < 10; guard++) {
    const m = /^#\/definitions\/(.+)$/.exec(current.$ref);
    const target = m ? root.definitions?.[m[1]] : undefined;
    if (!target) break;
    current = target;
  }
  return current;
}

/**
 * The schema node that governs a dotted key, following `properties` then a schema-valued
 * `additionalProperties`. Undefined when the key is unknown (or inside a free-form object).
 */
export function schemaNodeAt(dottedPath: string): SchemaNode | undefined {
  const root = loadConfigSchema();
  let node: SchemaNode | undefined = root;
  for (const segment of dottedPath.split('.')) {
    if (!node) return undefined;
    const props: Record<string, SchemaNode> | undefined = node.properties;
    const extra: boolean | SchemaNode | undefined = node.additionalProperties;
    if (props && Object.prototype.hasOwnProperty.call(props, segment)) node = props[segment];
    else if (extra && typeof extra === 'object') node = extra;
    else return undefined;
    node = resolve(node, root);
  }
  return node;
}

/** True when the schema names this top-level key. */
export function isKnownTopLevelKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(loadConfigSchema().properties ?? {}, key);
}

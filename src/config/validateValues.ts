/**
 * Checks one layer's value tree against the settings schema (checkSchema.ts) and words what it
 * finds as ConfigIssues: wrong types and values are errors; keys the schema does not know
 * (`additionalProperties`) are warnings, and those keys stay in the values unvalidated.
 */
import { checkSchema, type SchemaError } from './checkSchema';
import { loadConfigSchema } from './configSchema';
import type { ConfigIssue } from './types';

/** Where a dotted path was written: a file and line, or a named source (git key, env var, flag). */
export type Locate = (dottedPath: string) => { file?: string; line?: number; source?: string };

export interface ValuesCheck {
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

/** `"soon"`, `5`, `true`, `null`, `a list`, `an object`: how a got-value reads in a message. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

function explain(e: SchemaError): string {
  const p = e.params;
  const got = describeValue(e.data);
  switch (e.keyword) {
    case 'type':
      return `expected ${String(p.type).split(',').join(' or ')}, got ${got}`;
    case 'enum':
      return `expected one of ${(p.allowedValues as unknown[]).map((v) => (v === null ? 'null' : String(v))).join(', ')}, got ${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `expected a number ${String(p.comparison)} ${String(p.limit)}, got ${got}`;
    default:
      return `is invalid (${e.keyword}), got ${got}`;
  }
}

export function validateValues(values: Record<string, unknown>, locate: Locate): ValuesCheck {
  const out: ValuesCheck = { errors: [], warnings: [] };
  if (Object.keys(values).length === 0) return out; // trivially valid: do not read the schema for it
  const seen = new Set<string>();
  for (const e of checkSchema(values, loadConfigSchema())) {
    const segments = [...e.path];
    if (e.keyword === 'additionalProperties') {
      segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
    }
    const dotted = segments.join('.');
    if (seen.has(dotted)) continue; // one issue per key (a bad enum value also fails its type)
    seen.add(dotted);
    const where = locate(dotted);
    if (e.keyword === 'additionalProperties') {
      out.warnings.push({ ...where, path: dotted, message: 'unknown key (kept, not validated)', severity: 'warning' });
    } else {
      out.errors.push({ ...where, path: dotted, message: explain(e), severity: 'error' });
    }
  }
  return out;
}

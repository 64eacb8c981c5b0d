/**
 * Fills the `{{variables}}` of a milestone template (pure). Every string of the template may use
 * `{{name}}` (spaces inside the braces allowed); a value comes from the caller (`--var name=value`),
 * else from the variable's declared default. Variables used without either are reported, all of
 * them, and nothing is filled; so are values given for variables the template never uses.
 */

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

export interface FillResult<T> {
  value: T;
  /** Used, with no value and no default. */
  missing: string[];
  /** Given, but used nowhere and not declared. */
  unknown: string[];
}

/** Names used in any string of `value`, in order of first use. */
export function variablesIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(VARIABLE)) into.add(m[1]);
  else if (Array.isArray(value)) for (const v of value) variablesIn(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) variablesIn(v, into);
  }
  return into;
}

function substitute(value: unknown, vars: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return value.replace(VARIABLE, (_, name: string) => vars.get(name) ?? '');
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  }
  return value;
}

export function fillTemplate<T>(
  template: T,
  given: Readonly<Record<string, string>>,
  defaults: Readonly<Record<string, string | undefined>> = {},
): FillResult<T> {
  const used = variablesIn(template);
  const vars = new Map<string, string>();
  const missing: string[] = [];
  for (const name of used) {
    const v = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : defaults[name];
    if (v === undefined) missing.push(name);
    else vars.set(name, v);
  }
  const declared = (k: string) => Object.prototype.hasOwnProperty.call(defaults, k);
  const unknown = Object.keys(given).filter((k) => !used.has(k) && !declared(k));
  if (missing.length > 0 || unknown.length > 0) return { value: template, missing, unknown };
  return { value: substitute(template, vars) as T, missing, unknown };
}

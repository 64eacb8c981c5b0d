/**
 * Requirement traces under Kiro and cc-sdd tasks: `_Requirements: 1.1, 2.3_` (also `_Reqs: …_`,
 * wrapped over lines), `**Validates: Requirements 1.3**`, with values as comma lists, ranges
 * (`4.1-4.5`, en dash, `1-3`), `REQ-1.1` ids, `All` and free text. Ranges are expanded; anything
 * else is kept as written. `**Property N: name**` lines are kept as properties.
 */

const TRACE = /_(?:Requirements?|Reqs?)\s*[:：]\s*([\s\S]*?)_(?=\s|$)/gi;
const VALIDATES = /\*\*Validates:\s*Requirements?\s*([^*]+)\*\*/gi;
const PROPERTY = /\*\*(Property \d+:[^*]+)\*\*/g;
const RANGE = /^([A-Za-z]+-)?(\d+(?:\.\d+)*)\s*[-–—]\s*(?:[A-Za-z]+-)?(\d+(?:\.\d+)*)$/;

function expand(token: string): string[] {
  const m = RANGE.exec(token);
  if (!m) return [token];
  const prefix = m[1] ?? '';
  const a = m[2].split('.');
  const b = m[3].split('.');
  const head = a.slice(0, -1).join('.');
  const sameHead = b.length === 1 || b.slice(0, -1).join('.') === head;
  const from = Number(a[a.length - 1]);
  const to = Number(b[b.length - 1]);
  if (!sameHead || a.length < b.length || !(to >= from) || to - from > 200) return [token];
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(prefix + (head ? `${head}.${n}` : String(n)));
  return out;
}

/** The requirement ids a task's text cites, ranges expanded, in order, without repeats. */
export function requirementLinks(text: string): string[] {
  const values: string[] = [];
  for (const m of text.matchAll(TRACE)) values.push(m[1]);
  for (const m of text.matchAll(VALIDATES)) values.push(m[1]);
  const out: string[] = [];
  for (const v of values) {
    for (const raw of v.replace(/\s+/g, ' ').split(/[,、，;]/)) {
      const token = raw.trim().replace(/\.$/, '');
      if (token === '') continue;
      for (const id of expand(token)) if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}

export function properties(text: string): string[] {
  return [...text.matchAll(PROPERTY)].map((m) => m[1].trim());
}

/**
 * The scalars of fastYaml: one-line double- or single-quoted strings (known escapes only), one-line
 * flow lists of scalars, `{}`, and plain scalars resolved exactly as the yaml library's core schema
 * does; any other notation throws FALLBACK so the caller hands the document to the library.
 */
import type { Json } from './types';

export const FALLBACK = new Error('outside the fast subset');
export const fail = (): never => {
  throw FALLBACK;
};

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
/** Everything the core schema reads as other than a string (numbers, inf, nan in any notation). */
const NUMBERISH = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** A one-line value: quoted, a flow list, `{}`, or plain (resolved as the core schema does). */
export function scalar(s: string): Json {
  if (s[0] === '"' || s[0] === "'") {
    const [value, end] = quoted(s, 0);
    afterValue(s.slice(end));
    return value;
  }
  if (s[0] === '[') return flowList(s);
  if (/^\{\}(?:$| +#)/.test(s)) return {};
  if ('{}[],#&*!|>%@`'.includes(s[0]) || ('-?:'.includes(s[0]) && (s.length === 1 || s[1] === ' '))) fail();
  const hash = s.indexOf(' #');
  return plain((hash >= 0 ? s.slice(0, hash) : s).trimEnd());
}

function afterValue(rest: string): void {
  if (rest !== '' && !/^ +(?:#.*)?$/.test(rest)) fail();
}

function plain(s: string): Json {
  if (s.includes(': ') || s.endsWith(':') || s.includes('\t')) fail();
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT.test(s) && s !== '-0') return Number(s);
  if (FLOAT.test(s)) return Number(s);
  if (NUMBERISH.test(s)) fail();
  return s;
}

/** A quoted scalar starting at `at`; returns the value and the index after the closing quote. */
function quoted(s: string, at: number): [string, number] {
  const q = s[at];
  let out = '';
  for (let i = at + 1; i < s.length; i++) {
    const c = s[i];
    if (q === "'" && c === "'") {
      if (s[i + 1] !== "'") return [out, i + 1];
      out += "'";
      i++;
    } else if (q === '"' && c === '"') return [out, i + 1];
    else if (q === '"' && c === '\\') {
      const e = s[++i];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
        out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
        i += 4;
      } else out += Object.prototype.hasOwnProperty.call(ESCAPES, e) ? ESCAPES[e] : fail();
    } else out += c;
  }
  return fail();
}

/** `[a, "b", 3]` on one line, scalars only. */
function flowList(s: string): Json[] {
  const out: Json[] = [];
  let i = 1;
  const skip = (): void => { while (s[i] === ' ') i++; };
  skip();
  if (s[i] === ']') return afterValue(s.slice(i + 1)), out;
  for (;;) {
    skip();
    if (s[i] === '"' || s[i] === "'") {
      const [value, end] = quoted(s, i);
      out.push(value);
      i = end;
    } else {
      const m = /^[^,\[\]{}#"']+/.exec(s.slice(i)) ?? fail();
      const item = m[0].trim();
      if (item === '' || '-?:'.includes(item[0]) && (item.length === 1 || item[1] === ' ')) fail();
      out.push(plain(item));
      i += m[0].length;
    }
    skip();
    if (s[i] === ']') return afterValue(s.slice(i + 1)), out;
    if (s[i] !== ',') fail();
    i++;
    skip();
    if (s[i] === ']') fail();
  }
}

/**
 * A small reader for git's config file format, enough for repository discovery (`core.bare`,
 * `core.worktree`, `extensions.objectformat`, `extensions.refstorage`). Later values win, as in
 * git. Includes (`[include]`) are not followed: none of these keys belong in an included file.
 */
export type GitConfig = Map<string, string>;

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', '']);

export function parseGitConfig(text: string): GitConfig {
  const out: GitConfig = new Map();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const m = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\](.*)$/.exec(line);
      if (!m) continue;
      const name = m[1].toLowerCase();
      section = m[2] === undefined ? name : `${name}.${m[2].replace(/\\(.)/g, '$1')}`;
      const rest = m[3].trim();
      if (rest !== '' && !rest.startsWith('#') && !rest.startsWith(';')) addEntry(out, section, rest);
      continue;
    }
    addEntry(out, section, line);
  }
  return out;
}

function addEntry(out: GitConfig, section: string, line: string): void {
  const eq = line.indexOf('=');
  const key = (eq < 0 ? line : line.slice(0, eq)).trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]*$/.test(key) || section === '') return;
  out.set(`${section}.${key}`, eq < 0 ? 'true' : parseValue(line.slice(eq + 1)));
}

function parseValue(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return quoted ? out : out.trim();
}

/** git's boolean parsing (`key` alone is true, `key =` is false); undefined when unset or not a boolean. */
export function configBool(config: GitConfig, key: string): boolean | undefined {
  const v = config.get(key);
  if (v === undefined) return undefined;
  const w = v.trim().toLowerCase();
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  return undefined;
}

/** Parses `git config -z` output: NUL-terminated entries of `key\nvalue` (`key` alone = true). */
export function parseGitConfigZ(output: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of output.split('\0')) {
    if (entry === '') continue;
    const nl = entry.indexOf('\n');
    if (nl === -1) result[entry] = 'true';
    else result[entry.slice(0, nl)] = entry.slice(nl + 1);
  }
  return result;
}

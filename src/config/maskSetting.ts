/**
 * How settings are shown where they may be copied (`config show`, `config set`, `doctor --report`):
 * values of secret-named keys are replaced, and credentials inside any value (the password of a
 * PostgreSQL URL, `token=…`) are masked by the logger's scrubber. One rule for all three.
 */
import { REDACTED, scrubData } from '../env/logger';
import { isPlainObject, type Tree } from './layerTree';

const SECRET_KEY = /(password|passwd|secret|token|key)$/i;

/** The value of dotted `key` as it may be shown. */
export function maskSetting(key: string, value: unknown): unknown {
  if (SECRET_KEY.test(key) && value !== undefined && value !== null) return REDACTED;
  return scrubData(value);
}

/** A copy of a settings tree with every leaf masked. */
export function maskSettings(tree: Tree, prefix = ''): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    out[k] = isPlainObject(v) ? maskSettings(v, key) : maskSetting(key, v);
  }
  return out;
}

/**
 * MemoryPorcelain's config (a map of multi-valued keys, local scope only) and identity calls.
 */
import { MemoryPorcelainBase } from './memoryPorcelainBase';

export class MemoryConfig extends MemoryPorcelainBase {
  configGet(key: string): string | null {
    return this.config.get(key)?.at(-1) ?? null;
  }

  configGetAll(key: string): string[] {
    return [...(this.config.get(key) ?? [])];
  }

  configMatching(pattern: string): Record<string, string> {
    const re = new RegExp(pattern);
    return Object.fromEntries([...this.config].filter(([k]) => re.test(k)).map(([k, v]) => [k, v[v.length - 1]]));
  }

  configSet(key: string, value: string): void {
    this.check('configSet');
    this.config.set(key, [value]);
    this.log.push(`config ${key} ${value}`);
  }

  configAdd(key: string, value: string): void {
    this.check('configAdd');
    this.config.set(key, [...(this.config.get(key) ?? []), value]);
    this.log.push(`config --add ${key} ${value}`);
  }

  configUnset(key: string, valuePattern: string): boolean {
    const re = new RegExp(valuePattern);
    const have = this.config.get(key) ?? [];
    const left = have.filter((v) => !re.test(v));
    if (left.length === have.length) return false;
    if (left.length === 0) this.config.delete(key);
    else this.config.set(key, left);
    this.log.push(`config --unset-all ${key} ${valuePattern}`);
    return true;
  }

  authorIdent(): string | null {
    const name = this.configGet('user.name');
    const email = this.configGet('user.email');
    return name && email ? `${name} <${email}> 0 +0000` : null;
  }

  authorEmails(): string[] {
    return this.unsupported('log');
  }

  version(): string {
    return 'memory';
  }

  remotes(): string[] {
    return [...this.config.keys()].flatMap((k) => /^remote\.(.+)\.url$/.exec(k)?.slice(1) ?? []);
  }
}

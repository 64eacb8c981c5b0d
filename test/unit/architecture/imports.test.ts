/**
 * The import rules docs/architecture.md states, checked on the source: no import circles in src/
 * (type-only imports count too, as madge counts them), git is reached only through the storage
 * ports (core and hooks import no git adapter except the two places that wire one), the in-memory
 * doubles import no git adapter, runGit.ts is the one place that starts git, and files are
 * replaced whole through one helper.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../../src');
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

function sources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a file (static, type-only, re-exports, require() and import()), resolved. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm),
    ...text.matchAll(/(?:require|import)\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specs.flatMap((s) => {
    const base = path.resolve(path.dirname(file), s);
    return [`${base}.ts`, path.join(base, 'index.ts')].filter((c) => fs.existsSync(c)).slice(0, 1);
  });
}

/** Strongly connected components of more than one file (Tarjan). */
export function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.map(rel).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const files = sources();
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('import rules', () => {
  it('finds a circle when there is one (the checker itself)', () => {
    const g = new Map([['/a', ['/b']], ['/b', ['/c']], ['/c', ['/a']], ['/d', ['/a']]]);
    expect(circles(g)).toHaveLength(1);
    expect(circles(new Map([['/a', ['/b']], ['/b', []]]))).toEqual([]);
  });

  it('has no import circles in src/', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph)).toEqual([]);
  });

  it('core and hooks reach git only through the ports (adapters wired in openContext and runHook)', () => {
    const wiring = new Set(['core/openContext.ts', 'hooks/runHook.ts']);
    const bad = files
      .filter((f) => /^(core|hooks)\//.test(rel(f)) && !wiring.has(rel(f)))
      .flatMap((f) => importsOf(f).filter((d) => rel(d).startsWith('storage/git/')).map((d) => `${rel(f)} -> ${rel(d)}`));
    expect(bad).toEqual([]);
  });

  it('the in-memory doubles import no git adapter', () => {
    const bad = files
      .filter((f) => rel(f).startsWith('storage/memory/'))
      .flatMap((f) => importsOf(f).filter((d) => rel(d).startsWith('storage/git/')).map((d) => `${rel(f)} -> ${rel(d)}`));
    expect(bad).toEqual([]);
  });

  it('runGit.ts is the one place that starts git', () => {
    const spawning = files.filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return /\bchildProcess\(\)|(?<![.\w])(spawn|spawnSync|execFile|execFileSync|execSync|fork)\(/.test(text) || /from 'node:child_process'|require\('node:child_process'\)/.test(text.replace(/import type[^;]*;/g, ''));
    });
    expect(spawning.map(rel).sort()).toEqual([
      'core/hooks/installHooks.ts', // runs `lefthook install`, not git
      'env/builtins.ts',
      'env/nodeProcessRunner.ts', // agent and verify commands (execute), through Context.processes
      'storage/git/runGit.ts',
    ]);
  });

  it('files are replaced whole through env/atomicWrite.ts only (git data through its lock protocol)', () => {
    const renaming = files.filter((f) => /\brenameSync\(/.test(fs.readFileSync(f, 'utf8'))).map(rel).sort();
    expect(renaming).toEqual([
      'core/hooks/plainShims.ts', // moves a foreign hook aside (chaining) and back, not a temp file
      'env/atomicWrite.ts',
      'index/file/indexLock.ts', // moves a stale lock aside to take it over, not a temp file
      'storage/git/GitRefStore.ts', // <ref>.lock -> ref, git's protocol
      'storage/git/createPackedRefs.ts', // packed-refs.lock -> packed-refs
      'storage/git/looseObjects.ts', // tmp_obj_* -> objects/xx/…, git's layout, through FsLike
    ]);
  });
});

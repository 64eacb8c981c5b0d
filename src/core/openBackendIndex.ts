/**
 * Opens the index a read uses: the backend named by `--backend`, or the one selectBackend picks.
 * The database modules are required only here, and only for their backend. A backend that cannot
 * be used is an error (BACKEND_UNAVAILABLE) when asked for by flag; when picked by settings or
 * scale the read falls back to a local index with a warning, so local commands keep working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Backend } from '../domain/scaleDecision';
import { MilestoneError } from '../errors/MilestoneError';
import type { MilestoneIndex } from '../index/MilestoneIndex';
import type { Context } from './context';
import { postgresSetting } from './scale/backendSettings';
import { selectBackend } from './selectBackend';

export interface OpenedIndex {
  backend: Backend;
  reason: string;
  index: MilestoneIndex;
}

const SQLITE_HINT = 'Reinstall git-milestone so its native module builds, or use --backend file.';

export function unavailable(backend: string, why: string, hint: string): MilestoneError {
  return new MilestoneError('BACKEND_UNAVAILABLE', `the ${backend} index is unavailable: ${why}`, { hint, data: { backend } });
}

/**
 * Why the SQLite driver cannot be used, or null. Checked without loading it (loading costs ≈7 ms,
 * and a warm plain list at scale is answered without it: src/index/sqlite/liveFile.ts): the package
 * must resolve and its native module must have been built. A module built for another node fails
 * when first loaded, as BACKEND_UNAVAILABLE too (openSqlite.ts), without this fallback.
 */
function sqliteMissing(): string | null {
  try {
    const binary = path.join(path.dirname(require.resolve('better-sqlite3')), '..', 'build', 'Release', 'better_sqlite3.node');
    return fs.existsSync(binary) ? null : `its native module was not built (${binary} is missing)`;
  } catch (e) {
    return `better-sqlite3 cannot be found (${(e as Error).message.split('\n')[0]})`;
  }
}

function openSqlite(ctx: Context): MilestoneIndex {
  const missing = sqliteMissing();
  if (missing) throw unavailable('sqlite', missing, SQLITE_HINT);
  const { SqliteIndex } = require('../index/sqlite/SqliteIndex') as typeof import('../index/sqlite/SqliteIndex');
  return new SqliteIndex({ dir: ctx.dataDir, store: ctx.milestones });
}

export async function openPostgres(ctx: Context) {
  const { url, untrusted } = await postgresSetting(ctx);
  if (!url && untrusted) {
    throw unavailable('postgresql', 'the settings file names a server but is not trusted', 'Check the file, then run `git milestone trust` (or set DATABASE_URL or `git config milestone.index.postgresql.url`).');
  }
  if (!url) throw unavailable('postgresql', 'no server is configured', 'Set index.postgresql.url (`git milestone config set --git index.postgresql.url postgres://…`) or DATABASE_URL.');
  const { PgIndex } = require('../index/postgres/PgIndex') as typeof import('../index/postgres/PgIndex');
  return PgIndex.connect({ url, repo: ctx.repo, dataDir: ctx.dataDir, store: ctx.milestones });
}

async function openNew(ctx: Context, backend: Backend): Promise<MilestoneIndex> {
  if (backend === 'sqlite') return openSqlite(ctx);
  if (backend === 'postgresql') return openPostgres(ctx);
  return ctx.index;
}

/** A kept index (ctx.keptIndexes) when there is one; else a new one, kept when the context keeps them. */
async function open(ctx: Context, backend: Backend): Promise<MilestoneIndex> {
  const kept = ctx.keptIndexes?.get(backend);
  if (kept) return kept;
  const index = await openNew(ctx, backend);
  ctx.keptIndexes?.set(backend, index);
  return index;
}

/** Closes an index a read opened, unless it is the context's own or one the context keeps open. */
export async function releaseIndex(ctx: Context, index: MilestoneIndex): Promise<void> {
  if (index === ctx.index || [...(ctx.keptIndexes?.values() ?? [])].includes(index)) return;
  await index.close?.();
}

export async function openBackendIndex(ctx: Context, flag?: string): Promise<OpenedIndex> {
  if (flag) return { backend: flag as Backend, reason: `--backend ${flag} was given`, index: await open(ctx, flag as Backend) };
  const sel = await selectBackend(ctx);
  try {
    return { backend: sel.backend, reason: sel.reason, index: await open(ctx, sel.backend) };
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    for (const fallback of (sel.backend === 'postgresql' ? ['sqlite', 'file'] : ['file']) as Backend[]) {
      try {
        const index = await open(ctx, fallback);
        ctx.env.err(`warning: ${(e as Error).message}; using the ${fallback} index\n`);
        return { backend: fallback, reason: `${sel.reason}; fell back: ${(e as Error).message}`, index };
      } catch (next) {
        if (!isUnavailable(next)) throw next;
      }
    }
    throw e;
  }
}

const isUnavailable = (e: unknown) => e instanceof MilestoneError && e.code === 'BACKEND_UNAVAILABLE';

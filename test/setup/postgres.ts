/**
 * vitest globalSetup: starts a private PostgreSQL server for the tests that need one, from the
 * machine's own binaries (initdb, pg_ctl: on PATH or /usr/lib/postgresql/<v>/bin), in a temp dir,
 * on a free loopback port with its socket in that dir; as root, through `runuser -u postgres`.
 * Tests read the URL from GIT_MILESTONE_TEST_PG_URL (test/helpers/pg.ts). A URL already set in
 * that variable is used as it is. When the server cannot be started, GIT_MILESTONE_TEST_PG_ERROR
 * says why and every test that needs PostgreSQL fails with that message (none passes silently).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

function findBin(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(base, v, 'bin', name))) return path.join(base, v, 'bin', name);
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

let stop: (() => void) | null = null;

export async function setup(): Promise<void> {
  if (process.env.GIT_MILESTONE_TEST_PG_URL) return;
  try {
    const initdb = findBin('initdb');
    const pgCtl = findBin('pg_ctl');
    if (!initdb || !pgCtl) throw new Error('initdb/pg_ctl not found (install the postgresql package: apt-get install -y postgresql)');
    const root = process.getuid?.() === 0;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-pg-'));
    if (root) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      fs.chownSync(dir, uid, gid);
    }
    const run = (bin: string, args: string[]) =>
      execFileSync(root ? 'runuser' : bin, root ? ['-u', 'postgres', '--', bin, ...args] : args, { cwd: dir, stdio: 'pipe', timeout: 120_000 });
    const data = path.join(dir, 'data');
    run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    run(pgCtl, ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
    stop = () => {
      try {
        run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    process.env.GIT_MILESTONE_TEST_PG_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  } catch (e) {
    const err = e as Error & { stderr?: Buffer };
    process.env.GIT_MILESTONE_TEST_PG_ERROR = `could not start PostgreSQL for the tests: ${err.message}${err.stderr ? `\n${err.stderr.toString()}` : ''}`;
  }
}

export async function teardown(): Promise<void> {
  stop?.();
  stop = null;
}

/**
 * Bulk object writer: one `git fast-import` process fed through stdin writes the blobs, trees and
 * commits of many small linear histories into one pack (thousands of loose-object writes become
 * one sequential stream). It knows nothing about milestones: each history is a list of commits
 * given as whole file lists. fast-import cannot compare-and-swap refs, so every history is written
 * on one scratch branch (`reset` before each) and only the tip commits come back (from the marks
 * file); the caller creates the real refs, and removes the scratch ref.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BulkCommit } from '../ports';
import { drained } from './childPipes';
import { gitFailed, spawnGit } from './runGit';

export type { BulkCommit };

export interface FastImportOptions {
  gitDir: string;
  env?: NodeJS.ProcessEnv;
  /** Scratch branch the commits are written on (deleted by the caller afterwards). */
  scratchRef: string;
  /** Each history: commits from the root, each the parent of the next. */
  histories: Iterable<BulkCommit[]>;
  /** Called after each history is handed to git, with the running count. */
  onHistory?: (done: number) => void;
}

const AHEAD = 8 * 1024 * 1024;
const BATCH = 256 * 1024;

function data(bytes: string | Buffer): Buffer[] {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return [Buffer.from(`data ${buf.length}\n`), buf, Buffer.from('\n')];
}

function commitChunks(ref: string, c: BulkCommit, mark: number | null): Buffer[] {
  const who = `${c.author.name} <${c.author.email}> ${c.timestamp} +0000`;
  const head = `commit ${ref}\n${mark === null ? '' : `mark :${mark}\n`}author ${who}\ncommitter ${who}\n`;
  const out = [Buffer.from(head), ...data(c.message), Buffer.from('deleteall\n')];
  for (const f of c.files) out.push(Buffer.from(`M 100644 inline ${f.name}\n`), ...data(f.data));
  out.push(Buffer.from('\n'));
  return out;
}

/** Writes the histories; returns the tip commit id of each, in order. */
export async function fastImport(o: FastImportOptions): Promise<string[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-fast-import-'));
  const marks = path.join(tmp, 'marks');
  const child = spawnGit(['--git-dir', o.gitDir, 'fast-import', '--quiet', '--done', '--depth=0', `--export-marks=${marks}`], {
    env: o.env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? -1));
  });
  child.stdin!.on('error', () => {}); // a dying git closes the pipe; the exit status reports why
  let count = 0;
  let batch: Buffer[] = [];
  let batched = 0;
  // Few large writes: every write wakes git, which costs more than the bytes. Between batches the
  // event loop moves queued bytes into the pipe, and node runs ahead of git by up to AHEAD bytes,
  // so building the next histories overlaps git's packing.
  const flush = async (): Promise<void> => {
    child.stdin!.write(Buffer.concat(batch));
    batch = [];
    batched = 0;
    if (child.stdin!.writableLength > AHEAD) await drained(child);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  };
  try {
    for (const history of o.histories) {
      if (child.exitCode !== null) break;
      batch.push(Buffer.from(`reset ${o.scratchRef}\n\n`));
      history.forEach((c, i) => batch.push(...commitChunks(o.scratchRef, c, i === history.length - 1 ? count + 1 : null)));
      count++;
      batched += history.reduce((n, c) => n + c.files.reduce((m, f) => m + f.data.length, 0), 0);
      if (batched >= BATCH) await flush();
      o.onHistory?.(count);
    }
    batch.push(Buffer.from('done\n'));
    child.stdin!.end(Buffer.concat(batch));
    const code = await exited;
    if (code !== 0) {
      throw gitFailed(['fast-import'], { status: code, stdout: '', stderr },
        'Nothing was published: refs are created only after fast-import succeeds. Run the import again.');
    }
    const tips = new Map<number, string>();
    for (const line of fs.readFileSync(marks, 'utf8').split('\n')) {
      const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
      if (m) tips.set(Number(m[1]), m[2]);
    }
    return Array.from({ length: count }, (_, i) => tips.get(i + 1) as string);
  } finally {
    if (child.exitCode === null) child.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * One long-lived `git cat-file --batch` process for reading objects that are not loose (packed
 * after `git gc`, or fetched). Requests are pipelined: oids are written in blocks and answers are
 * matched to requests in order as the output streams back. Writing waits for 'drain' while the
 * output is consumed as it arrives, so tens of thousands of reads neither deadlock nor buffer
 * without bound on our side. Between requests the process and its pipes are unref'd, so a caller
 * that forgets close() does not keep node alive.
 */
import type { ChildProcess } from 'node:child_process';
import { MilestoneError } from '../../errors/MilestoneError';
import { BatchParser, type BatchRecord } from './batchParser';
import { drained, setRef } from './childPipes';
import { assertOid } from '../format/hashObject';
import { scrubGit, spawnGit } from './runGit';

export interface CatFileBatchOptions {
  gitDir: string;
  env?: NodeJS.ProcessEnv;
}

type Settle = (error: Error | null, record?: BatchRecord) => void;

/** One child process and the requests written to it, answered in order. */
interface Session {
  child: ChildProcess;
  queue: { oid: string; settle: Settle }[];
  head: number;
  stderr: string;
  exited: Promise<void>;
}

const BLOCK = 512;

export class CatFileBatch {
  private session: Session | null = null;
  /** readMany calls in progress; the process is ref'd while any is. */
  private active = 0;

  constructor(private readonly o: CatFileBatchOptions) {}

  async read(oid: string): Promise<BatchRecord> {
    return (await this.readMany([oid]))[0];
  }

  /** Answers in request order; a missing object is a record with found: false. */
  async readMany(oids: string[]): Promise<BatchRecord[]> {
    for (const oid of oids) assertOid(oid);
    const out: BatchRecord[] = new Array(oids.length);
    if (oids.length === 0) return out;
    const session = this.start();
    this.active++;
    try {
      await this.pipeline(session, oids, out);
      return out;
    } finally {
      if (--this.active === 0 && this.session) setRef(this.session.child, false);
    }
  }

  async close(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    setRef(session.child, true);
    session.child.stdin!.end();
    await session.exited;
  }

  private pipeline(session: Session, oids: string[], out: BatchRecord[]): Promise<void> {
    let left = oids.length;
    let failed = false;
    return new Promise<void>((resolve, reject) => {
      const settleAt = (i: number): Settle => (error, record) => {
        if (error) return failed ? undefined : ((failed = true), reject(error));
        out[i] = record as BatchRecord;
        if (--left === 0) resolve();
      };
      void (async () => {
        const stdin = session.child.stdin!;
        for (let i = 0; i < oids.length && !failed; i += BLOCK) {
          const block = oids.slice(i, i + BLOCK);
          block.forEach((oid, j) => session.queue.push({ oid, settle: settleAt(i + j) }));
          if (!stdin.write(`${block.join('\n')}\n`)) await drained(session.child);
        }
      })();
    });
  }

  private start(): Session {
    if (this.session) {
      setRef(this.session.child, true);
      return this.session;
    }
    const child = spawnGit(['--git-dir', this.o.gitDir, 'cat-file', '--batch'], { env: this.o.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const session: Session = { child, queue: [], head: 0, stderr: '', exited };
    const parser = new BatchParser((record) => this.answer(session, record));
    child.stdout!.on('data', (chunk: Buffer) => parser.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => (session.stderr = (session.stderr + chunk.toString()).slice(-2000)));
    child.stdin!.on('error', () => undefined);
    child.on('error', (e) => this.fail(session, `cannot run git cat-file: ${e.message}`));
    child.on('close', (code) => this.fail(session, `git cat-file --batch exited with ${code}`));
    this.session = session;
    return session;
  }

  private answer(session: Session, record: BatchRecord): void {
    const pending = session.queue[session.head++];
    if (session.head === session.queue.length) {
      session.queue = [];
      session.head = 0;
    } else if (session.head > 4096 && session.head * 2 > session.queue.length) {
      session.queue = session.queue.slice(session.head);
      session.head = 0;
    }
    if (pending && record.oid === pending.oid) return pending.settle(null, record);
    const why = pending ? `git cat-file answered ${record.oid} for ${pending.oid}` : `unexpected answer ${record.oid}`;
    pending?.settle(this.error(session, why));
    this.fail(session, why);
  }

  private fail(session: Session, why: string): void {
    if (this.session === session) this.session = null;
    session.child.kill();
    const waiting = session.queue.slice(session.head);
    session.queue = [];
    session.head = 0;
    for (const p of waiting) p.settle(this.error(session, why));
  }

  private error(session: Session, why: string): MilestoneError {
    return new MilestoneError('GIT_FAILED', scrubGit(`${why}${session.stderr ? `: ${session.stderr.trim()}` : ''}`), {
      hint: 'Check that git is installed and on PATH and that `git fsck` is clean.',
    });
  }
}

/**
 * One long-lived `git cat-file --batch` process for reading objects that are not loose (packed
 * after `git gc`, or fetched). Requests are pipelined: oids are written in blocks and answers are
 * matched to requests in order as the output streams back. Writing waits for 'drain' while the
 * output is consumed as it arrives, so tens of thousands of reads neither deadlock nor buffer
 * without bound on our side. Between requests the process and its pipes are unref'd, so a caller
 * that forgets close() does not keep node alive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { MilestoneError } from '../../errors/MilestoneError';
import { BatchParser, type BatchRecord } from './batchParser';
import { assertOid } from './hashObject';

export interface CatFileBatchOptions {
  gitDir: string;
  env?: NodeJS.ProcessEnv;
}

type Settle = (error: Error | null, record?: BatchRecord) => void;

const BLOCK = 512;

export class CatFileBatch {
  private child: ChildProcess | null = null;
  private readonly exited = new WeakMap<ChildProcess, Promise<void>>();
  private queue: { oid: string; settle: Settle }[] = [];
  private head = 0;
  private stderr = '';
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
    const child = this.start();
    this.active++;
    try {
      return await this.pipeline(child, oids, out);
    } finally {
      if (--this.active === 0 && this.child) this.ref(this.child, false);
    }
  }

  private async pipeline(child: ChildProcess, oids: string[], out: BatchRecord[]): Promise<BatchRecord[]> {
    let left = oids.length;
    let failed: Error | null = null;
    const done = new Promise<void>((resolve, reject) => {
      const settleAt = (i: number): Settle => (error, record) => {
        if (error) return failed ? undefined : reject((failed = error));
        out[i] = record as BatchRecord;
        if (--left === 0) resolve();
      };
      void (async () => {
        for (let i = 0; i < oids.length && !failed; i += BLOCK) {
          const block = oids.slice(i, i + BLOCK);
          block.forEach((oid, j) => this.queue.push({ oid, settle: settleAt(i + j) }));
          if (!child.stdin!.write(`${block.join('\n')}\n`)) await drained(child);
        }
      })();
    });
    await done;
    return out;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    this.ref(child, true);
    child.stdin!.end();
    await this.exited.get(child);
  }

  private start(): ChildProcess {
    if (this.child) return this.ref(this.child, true);
    const child = spawn('git', ['--git-dir', this.o.gitDir, 'cat-file', '--batch'], {
      env: this.o.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const parser = new BatchParser((record) => this.answer(record));
    child.stdout!.on('data', (chunk: Buffer) => parser.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-2000)));
    child.stdin!.on('error', () => undefined);
    child.on('error', (e) => this.failAll(child, `cannot run git cat-file: ${e.message}`));
    this.exited.set(child, new Promise((resolve) => child.once('close', () => resolve())));
    child.on('close', (code) => this.failAll(child, `git cat-file --batch exited with ${code}`));
    this.child = child;
    this.stderr = '';
    return child;
  }

  private answer(record: BatchRecord): void {
    const pending = this.queue[this.head++];
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (!pending) return;
    if (record.oid !== pending.oid) this.failAll(this.child, `git cat-file answered ${record.oid} for ${pending.oid}`);
    else pending.settle(null, record);
  }

  private failAll(child: ChildProcess | null, why: string): void {
    if (this.child !== child && this.child !== null) return;
    this.child = null;
    child?.kill();
    const waiting = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    if (waiting.length === 0) return;
    const error = new MilestoneError('GIT_FAILED', `${why}${this.stderr ? `: ${this.stderr.trim()}` : ''}`, {
      hint: 'Check that git is installed and on PATH and that `git fsck` is clean.',
    });
    for (const p of waiting) p.settle(error);
  }

  private ref(child: ChildProcess, on: boolean): ChildProcess {
    for (const s of [child, child.stdin, child.stdout, child.stderr] as (ChildProcess | Socket | null)[]) {
      if (on) s?.ref?.();
      else s?.unref?.();
    }
    return child;
  }
}

function drained(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const stdin = child.stdin!;
    const finish = (): void => {
      stdin.off('drain', finish);
      child.off('close', finish);
      resolve();
    };
    stdin.on('drain', finish);
    child.on('close', finish);
  });
}

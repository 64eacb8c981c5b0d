/**
 * Small helpers for a long-lived child process fed through its stdin: waiting for 'drain'
 * without hanging when the child dies, and letting an idle child not hold node open.
 */
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';

/** ref/unref a child and its pipes: unref'd, they no longer keep node's event loop alive. */
export function setRef(child: ChildProcess, on: boolean): void {
  for (const s of [child, child.stdin, child.stdout, child.stderr] as (ChildProcess | Socket | null)[]) {
    if (on) s?.ref?.();
    else s?.unref?.();
  }
}

/** Resolves when the child's stdin can take more, or the child is gone (so a writer never hangs). */
export function drained(child: ChildProcess): Promise<void> {
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

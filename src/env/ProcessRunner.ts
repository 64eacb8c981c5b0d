/**
 * The port through which a use case runs a command that is not git (`execute`'s agent and verify
 * commands), injected on the Context so core never starts a process itself. A run leaves two small
 * files beside its log: the wrapper's process id and, when the command ends, its exit status. So a
 * run whose starter was killed (`kill -9` of the executor) can be found again and waited for
 * (`adopt`) instead of being run twice.
 */
export interface RunSpec {
  /** A shell command line (`sh -c`). */
  command: string;
  cwd: string;
  /** The whole environment of the command. */
  vars: Readonly<Record<string, string | undefined>>;
  /** Standard output and error are appended here. */
  logFile: string;
  /** Written with the process (group) id when the command starts. */
  pidFile: string;
  /** Written with the exit status when the command ends. */
  statusFile: string;
  /** Killed (its whole process group) after this long. */
  timeoutMs?: number;
}

export interface RunOutcome {
  /** Exit status; null when killed by a signal. */
  code: number | null;
  timedOut: boolean;
}

export interface ProcessRunner {
  run(spec: RunSpec): Promise<RunOutcome>;
  /**
   * A run started by a process that is gone: its outcome when its status file is there or once it
   * appears (waiting while the command still runs, killed at the timeout), null when the command
   * died without one or never started.
   */
  adopt(spec: Pick<RunSpec, 'pidFile' | 'statusFile' | 'timeoutMs'>): Promise<RunOutcome | null>;
  /** Whether a command word can be found: an absolute or relative path that exists, or a name on PATH. */
  commandExists(word: string, o: { cwd: string; vars: Readonly<Record<string, string | undefined>> }): boolean;
}

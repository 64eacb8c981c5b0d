/**
 * The GIT_FAILED error of a git command that ran and failed, and the credential scrubber every git
 * error goes through: git echoes remote URLs (`https://user:token@host`) and `-c` values
 * (`http.extraheader=Authorization: Bearer …`) into its messages, and those must not reach output
 * or the log. Built by storage/git/runGit.ts for the commands it runs, and by use cases that read a
 * command's answer themselves (push with rejected refs, notes merge).
 */
import { scrubString } from '../env/logger';
import { MilestoneError } from './MilestoneError';

/** A finished git command (the shape of ports' GitResult). */
export interface GitOutcome {
  status: number;
  stdout: string;
  stderr: string;
}

const EXTRAHEADER = /(extraheader\s*[=:]?\s*)[^\n]*/gi;
const AUTH_HEADER = /\b((?:proxy-)?authorization\s*:\s*)[^\n]*/gi;

/** Masks credentials in anything git may say or be given: URLs, tokens, extra headers. */
export function scrubGit(text: string): string {
  return scrubString(text.replace(EXTRAHEADER, '$1***').replace(AUTH_HEADER, '$1***'));
}

/** GIT_FAILED for a git that ran and failed: its first error line (hints skipped), scrubbed. */
export function gitFailed(args: string[], r: GitOutcome, hint?: string): MilestoneError {
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('hint:'));
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? `exit status ${r.status}`;
  return new MilestoneError('GIT_FAILED', `git ${scrubGit(args[0] ?? '')} failed: ${scrubGit(line.replace(/^(fatal|error): /, ''))}`, {
    hint: hint ?? 'Run the same git command yourself to see its full message; `git milestone doctor --report` collects details.',
    data: { args: args.map(scrubGit), status: r.status, stderr: scrubGit(r.stderr.slice(0, 2000)) },
  });
}

/**
 * Who is writing: git's own author identity (`git var GIT_AUTHOR_IDENT`), so user.name,
 * user.email and GIT_AUTHOR_* behave exactly as for a commit. Asked only when something is written.
 */
import { childProcess } from '../env/builtins';
import type { Author } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';

export interface GitAuthorOptions {
  cwd: string;
  vars: Readonly<Record<string, string | undefined>>;
}

export function gitAuthor(o: GitAuthorOptions): Author {
  let ident: string;
  try {
    ident = childProcess().execFileSync('git', ['var', 'GIT_AUTHOR_IDENT'], { cwd: o.cwd, env: o.vars as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new MilestoneError('INVALID_INPUT', 'git does not know who you are (no user.name / user.email)', {
      hint: 'Run `git config user.name "Your Name"` and `git config user.email you@example.com`.',
    });
  }
  const m = /^(.*) <([^>]*)> \d+ [+-]\d{4}\s*$/.exec(ident);
  if (!m) throw new MilestoneError('GIT_FAILED', `cannot read git's author identity from "${ident.trim()}"`);
  return { name: m[1], email: m[2] };
}

/**
 * Who is writing: git's own author identity (`git var GIT_AUTHOR_IDENT`), so user.name,
 * user.email and GIT_AUTHOR_* behave exactly as for a commit. Asked only when something is written.
 */
import type { Author } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';
import type { GitPorcelain } from '../storage/ports';

export function gitAuthor(git: Pick<GitPorcelain, 'authorIdent'>): Author {
  const ident = git.authorIdent();
  if (ident === null) {
    throw new MilestoneError('INVALID_INPUT', 'git does not know who you are (no user.name / user.email)', {
      hint: 'Run `git config user.name "Your Name"` and `git config user.email you@example.com`.',
    });
  }
  const m = /^(.*) <([^>]*)> \d+ [+-]\d{4}\s*$/.exec(ident);
  if (!m) throw new MilestoneError('GIT_FAILED', `cannot read git's author identity from "${ident.trim()}"`);
  return { name: m[1], email: m[2] };
}

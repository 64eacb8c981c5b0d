/**
 * The pre-commit hook's one check: every `.milestones/config/*.yaml` (or .yml) this commit stages
 * is valid — YAML syntax and the settings schema — judged on the STAGED content (`git cat-file
 * blob :<path>`, through GIT_INDEX_FILE, so `git commit -a` and partial commits are judged on what
 * they will commit), not on the work tree. Issues name the file, line and key. Unknown keys are
 * warnings and never refuse. Nothing else about a commit is ever checked.
 */
import { formatIssue } from '../../config/formatIssue';
import type { ConfigIssue } from '../../config/types';
import { validateConfigFile } from '../../config/validateConfigFile';
import { git, gitRaw } from '../../storage/git/runGit';

export const STAGED_CONFIG_PATHSPECS = ['.milestones/config/*.yaml', '.milestones/config/*.yml'];

export interface StagedConfigCheck {
  ok: boolean;
  files: Array<{ file: string; errors: ConfigIssue[]; warnings: ConfigIssue[] }>;
}

export function checkStagedConfig(o: { cwd: string; vars: Readonly<Record<string, string | undefined>> }): StagedConfigCheck {
  const listed = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--', ...STAGED_CONFIG_PATHSPECS], o);
  const files = listed.split('\0').filter((f) => f !== '');
  const out: StagedConfigCheck = { ok: true, files: [] };
  for (const file of files) {
    const check = validateConfigFile({
      path: file,
      displayPath: file,
      readFile: () => {
        const r = gitRaw(['cat-file', 'blob', `:${file}`], o);
        return r.status === 0 ? r.stdout : null;
      },
    });
    out.files.push({ file, errors: check.errors, warnings: check.warnings });
    if (!check.ok) out.ok = false;
  }
  return out;
}

/** The lines pre-commit prints: every issue, then why the commit stops and how to go on. */
export function describeCheck(c: StagedConfigCheck): string[] {
  const lines: string[] = [];
  for (const f of c.files) {
    for (const i of f.errors) lines.push(`git-milestone: error: ${formatIssue(i)}`);
    for (const i of f.warnings) lines.push(`git-milestone: warning: ${formatIssue(i)}`);
  }
  if (!c.ok) {
    lines.push('git-milestone: commit refused: a staged settings file is invalid. Fix it and `git add` it again');
    lines.push('  (`git milestone config validate` checks the work-tree file; `git commit --no-verify` skips this check).');
  }
  return lines;
}

/**
 * The pre-commit hook's one check: every `.milestones/config/*.yaml` (settings),
 * `.milestones/workflows/*.yaml` (workflows) and `.milestones/templates/*.yaml` (milestone
 * templates), or .yml, this commit stages is valid — YAML syntax, the file's schema and its own
 * rules — judged on the STAGED content (`git cat-file blob :<path>`, through GIT_INDEX_FILE, so
 * `git commit -a` and partial commits are judged on what they will commit), not on the work tree;
 * a workflow's template_file is read from the index too. Issues name the file, line and key.
 * Unknown settings keys are warnings and never refuse. Nothing else about a commit is checked.
 */
import { formatIssue } from '../../config/formatIssue';
import type { ConfigIssue } from '../../config/types';
import { validateConfigFile } from '../../config/validateConfigFile';
import type { GitPorcelain } from '../../storage/ports';
import { checkTemplateFile } from '../template/checkTemplateFile';
import { checkWorkflowFile } from '../workflow/checkWorkflowFile';

const DIRS = ['config', 'workflows', 'templates'] as const;
export const STAGED_CONFIG_PATHSPECS = DIRS.flatMap(
  (d) => [`.milestones/${d}/*.yaml`, `.milestones/${d}/*.yml`],
);

export interface StagedConfigCheck {
  ok: boolean;
  files: Array<{ file: string; errors: ConfigIssue[]; warnings: ConfigIssue[] }>;
}

type Issues = { errors: ConfigIssue[]; warnings: ConfigIssue[] };

function checkOne(file: string, kind: (typeof DIRS)[number], git: GitPorcelain): Issues {
  const staged = (p: string): string | null => git.stagedBlob(p);
  if (kind === 'config') {
    return validateConfigFile({ path: file, displayPath: file, readFile: () => staged(file) });
  }
  const text = staged(file);
  if (text === null) {
    const issue: ConfigIssue = { file, path: '', message: 'cannot read the staged file', severity: 'error' };
    return { errors: [issue], warnings: [] };
  }
  if (kind === 'templates') return checkTemplateFile({ file, text });
  return checkWorkflowFile({ file, text, readTemplate: (rel) => staged(`.milestones/workflows/${rel}`) });
}

export function checkStagedConfig(git: GitPorcelain): StagedConfigCheck {
  const out: StagedConfigCheck = { ok: true, files: [] };
  for (const file of git.stagedFiles(STAGED_CONFIG_PATHSPECS)) {
    // A pathspec's `*` also matches `/`: only files directly in one of the folders count.
    const m = /^\.milestones\/(config|workflows|templates)\/[^/]+\.ya?ml$/.exec(file);
    if (!m) continue;
    const check = checkOne(file, m[1] as (typeof DIRS)[number], git);
    out.files.push({ file, errors: check.errors, warnings: check.warnings });
    if (check.errors.length > 0) out.ok = false;
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
    lines.push('git-milestone: commit refused: a staged settings, workflow or template file is invalid.'
      + ' Fix it and `git add` it again');
    lines.push('  (`git milestone config validate` and `git milestone workflow validate` check the work-tree'
      + ' files; `git commit --no-verify` skips this check).');
  }
  return lines;
}

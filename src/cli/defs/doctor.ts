/** `git milestone doctor [--fix] [--report]` */
import { doctor, type DoctorResult } from '../../core/doctor/doctor';
import type { DiagnosticReport } from '../../core/doctor/diagnosticReport';
import type { CommandDef } from '../CommandDef';

function reportText(r: DiagnosticReport): string {
  const v = r.versions;
  return [
    '',
    '--- git-milestone diagnostic report (paste into a bug report; secrets are masked) ---',
    `versions: git-milestone ${v.gitMilestone}, node ${v.node}, git ${v.git}, ${v.platform}`,
    `repository: ${r.repository.bare ? 'bare' : 'work tree'}${r.repository.linkedWorktree ? ' (linked worktree)' : ''}, ${r.repository.objectFormat}`,
    `counts: ${r.counts.refs} refs, ${r.counts.milestones} milestones, ${r.counts.tasks} tasks, ${r.counts.operations} operations, ${r.counts.conflicts} conflicts`,
    `remotes: ${r.remotes.map((x) => `${x.name} ${x.url ?? '(no url)'}${x.fetchesMilestones ? '' : ' (plain fetch does not bring milestones)'}`).join('; ') || 'none'}`,
    'settings (value ← origin):',
    ...r.settings.map((s) => `  ${s.key} = ${JSON.stringify(s.value)} ← ${s.origin}`),
    `last ${r.log.length} log lines:`,
    ...r.log.map((l) => `  ${l}`),
    '--- end of report ---',
  ].join('\n');
}

function text(r: DoctorResult): string {
  const lines = r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.summary}`);
  for (const p of r.problems) {
    const tag = p.fixed ? 'fixed' : p.severity;
    lines.push(`${tag}: ${p.message}${p.fixed || !p.hint ? '' : `\n  hint: ${p.hint}`}`);
  }
  const open = r.problems.filter((p) => p.severity === 'error' && !p.fixed);
  lines.push(r.healthy ? 'Healthy.' : `Not healthy: ${open.length} problem${open.length === 1 ? '' : 's'}${open.some((p) => p.fixable) ? '; `git milestone doctor --fix` repairs the derived ones' : ''}.`);
  return lines.join('\n') + (r.report ? reportText(r.report) : '');
}

const def: CommandDef<DoctorResult> = {
  summary: 'Check milestones, index, settings, hooks and locks; --fix repairs what is derived.',
  description: 'Checks every entity (format, commit graph, operations, snapshot), the index against the refs, settings files, installed hooks, stale lock files and duplicate aliases. Exits 0 when healthy, 1 when not. --fix rebuilds the index and removes stale locks; it never rewrites a data ref (a damaged one is reported with the command that shows it). --report adds versions, counts, setting origins and the last log lines, with secrets masked.',
  examples: ['git milestone doctor', 'git milestone doctor --fix', 'git milestone doctor --report', 'git milestone doctor --json'],
  flags: {
    fix: { type: 'boolean', description: 'Repair what is derived (rebuild the index, remove stale locks).' },
    report: { type: 'boolean', description: 'Add a diagnostic report fit to paste into a bug report.' },
  },
  execute: (ctx, input) => doctor(ctx, { fix: Boolean(input.flags.fix), report: Boolean(input.flags.report) }),
  text,
  exitCode: (r) => (r.healthy ? 0 : 1),
};
export default def;

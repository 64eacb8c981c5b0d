/**
 * Text for conflicts (fields holding concurrent values from different clones) in `show`: each
 * value with its author and time, the shown one marked, and how to resolve it.
 */
import type { FieldConflict } from '../domain/conflicts';
import { oneLine, short } from './format';

const FLAG: Record<string, string> = { startDate: 'start', dueDate: 'due', estimatedHours: 'estimate', successCriteria: 'criterion' };

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return oneLine(JSON.stringify(value));
}

export function conflictsText(conflicts: readonly FieldConflict[], milestoneId: string): string {
  if (conflicts.length === 0) return '';
  const lines = [`Conflicts (edited concurrently in different clones; the last value is shown):`];
  for (const c of conflicts) {
    lines.push(`  ${c.task ? `task ${short(c.task)} ` : ''}${c.field}:`);
    c.values.forEach((v, i) => {
      const shown = i === c.values.length - 1 ? '  (shown)' : '';
      lines.push(`    ${valueText(v.value)}  by ${oneLine(v.by.name)} <${oneLine(v.by.email)}> at ${v.at}${shown}`);
    });
  }
  const example = conflicts.find((c) => !c.field.startsWith('extra.') && c.field !== 'archived');
  const edit = example?.task ? `task edit ${short(example.task)}` : `edit ${short(milestoneId)}`;
  lines.push(example
    ? `Resolve with an ordinary edit, e.g. \`git milestone ${edit} --${FLAG[example.field] ?? example.field} <value>\`.`
    : 'Resolve with an ordinary edit of the field (`git milestone edit` / `git milestone task edit`).');
  return `${lines.join('\n')}\n`;
}

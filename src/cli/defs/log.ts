/** `git milestone log` */
import { entityLog, type LogEntry } from '../../core/entityLog';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';
import { idText } from '../style';

const def: CommandDef<LogEntry[]> = {
  summary: 'Who changed what, and when (newest first).',
  description: 'Reads and validates the operation history of one milestone, or of all of them.',
  examples: ['git milestone log 3f2a', 'git milestone log --limit 20 --json'],
  args: [{ name: 'id', description: 'Milestone id, unique prefix or alias (default: all).' }],
  flags: { limit: { type: 'integer', char: 'n', description: 'Show at most this many operations.' } },
  execute: (ctx, input) => entityLog(ctx, { id: input.args.id, limit: input.flags.limit as number | undefined }),
  text: (entries, _input, style) =>
    entries.length === 0
      ? 'No history.'
      : entries.map((e) => `${e.time}  ${idText(style, short(e.milestone))}  ${oneLine(e.author.name)} <${oneLine(e.author.email)}>  ${e.type}${describe(e.payload)}`).join('\n'),
};
export default def;

function describe(p: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof p.title === 'string') parts.push(JSON.stringify(p.title));
  if (typeof p.task === 'string') parts.push(`task ${short(p.task)}`);
  if (typeof p.status === 'string') parts.push(`→ ${p.status}`);
  if (p.fields && typeof p.fields === 'object') parts.push(Object.keys(p.fields as object).join(', '));
  for (const k of ['add', 'remove']) if (Array.isArray(p[k]) && (p[k] as unknown[]).length) parts.push(`${k === 'add' ? '+' : '-'}${(p[k] as string[]).map((x) => (/^[0-9a-f]{64}$/.test(x) ? short(x) : x)).join(',')}`);
  return parts.length ? ` ${oneLine(parts.join(' '))}` : '';
}

/**
 * The man page git-milestone(1), in roff, made from the same definitions `--help` shows: `git
 * milestone --help` is git's own flag, which opens `man git-milestone`. The build writes it to
 * man/man1/git-milestone.1 (scripts/manpage.mjs); package.json's `man` installs it with the package.
 */
import type { CommandDef, FlagDef } from '../CommandDef';
import { GLOBAL_FLAGS } from '../globalFlags';
import { argName, synopsis } from '../usage';

export interface ManCommand {
  words: string;
  def: CommandDef<unknown>;
  aliases: string[];
}

export interface ManInput {
  version: string;
  description: string;
  commands: ManCommand[];
  topics: Record<string, string>;
  /** Exit statuses and what they mean (README.md, "Exit status"). */
  exitStatuses: Array<[string, string]>;
}

/** Text as roff reads it: backslashes and minus signs escaped, no line starting a request. */
export function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/`([^`]+)`/g, '\\fB$1\\fR')
    .split('\n')
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join('\n');
}

/** Prose with paragraphs at blank lines; indented lines kept as they are (.nf). */
function prose(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    out.push('.PP');
    for (const line of para.split('\n')) {
      out.push(...(/^\s/.test(line) ? ['.nf', roff(line), '.fi'] : [roff(line)]));
    }
  }
  return out;
}

function flag(name: string, f: FlagDef): string[] {
  // `\:` lets a long list of choices break after a `|`.
  const choices = f.options ? f.options.map(roff).join('|\\:') : f.type === 'integer' ? 'N' : 'VALUE';
  const value = f.type === 'boolean' ? '' : `=\\fI${choices}\\fR`;
  const tag = `${f.char ? `\\fB\\-${f.char}\\fR, ` : ''}\\fB${roff(`--${name}`)}\\fR${value}`;
  return ['.TP', tag, roff(f.description)];
}

function command(c: ManCommand): string[] {
  const lines = [`.SS "git milestone ${roff(`${c.words} ${synopsis(c.def)}`)}"`, roff(c.def.summary)];
  if (c.def.description && c.def.description !== c.def.summary) lines.push(...prose(c.def.description));
  const also = c.aliases.map((a) => `\\fBgit milestone ${roff(a)}\\fR`);
  if (also.length) lines.push('.PP', `Also: ${also.join(', ')}.`);
  for (const a of c.def.args ?? []) {
    const optional = a.required ? '' : ' Optional.';
    lines.push('.TP', `\\fI${roff(argName(a.name))}\\fR`, roff(a.description + optional));
  }
  for (const [name, f] of Object.entries(c.def.flags ?? {})) lines.push(...flag(name, f));
  lines.push('.PP', 'Examples:', '.RS 4', '.nf', ...c.def.examples.map(roff), '.fi', '.RE');
  return lines;
}

export function manPage(m: ManInput): string {
  const topicOf = (c: ManCommand): string => (c.words.includes(' ') ? c.words.split(' ')[0] : '');
  // Commands of their own first, then each topic's, in the table's order.
  const order = [...new Set(['', ...m.commands.map(topicOf)])];
  const sorted = order.flatMap((t) => m.commands.filter((c) => topicOf(c) === t));
  const lines = [
    `.TH GIT\\-MILESTONE 1 "" "git\\-milestone ${roff(m.version)}" "Git Manual"`,
    '.nh',
    '.ad l',
    '.SH NAME',
    `git\\-milestone \\- ${roff(m.description)}`,
    '.SH SYNOPSIS',
    '.B git milestone',
    '.I COMMAND',
    '[\\fIARGUMENTS\\fR] [\\fIFLAGS\\fR]',
    '.br',
    '.B git milestone help',
    '[\\fICOMMAND\\fR]',
    '.SH DESCRIPTION',
    ...prose('Milestones and their tasks live in the repository itself, as operation logs under '
      + 'refs/milestones/*, '
      + 'shared with `git milestone push`, `pull` and `sync`. Every command prints text for a person, '
      + 'or JSON with --json (schemas in the package\'s schemas/ folder). '
      + '`git milestone COMMAND -h` shows one command\'s help; this page holds them all.'),
    '.SH OPTIONS',
    roff('Every command takes these:'),
    '.TP', '\\fB\\-h\\fR, \\fB\\-\\-help\\fR',
    roff('Show the help of the command (`git milestone --help` opens this page).'),
    ...Object.entries(GLOBAL_FLAGS).flatMap(([name, f]) => flag(name, f)),
    '.TP', '\\fB\\-\\-version\\fR', roff('Print the version (alone, without a command).'),
    '.SH COMMANDS',
  ];
  let topic = '';
  for (const c of sorted) {
    const t = topicOf(c);
    if (t !== topic && m.topics[t]) lines.push('.PP', `\\fB${roff(t)}\\fR: ${roff(m.topics[t])}`);
    topic = t;
    lines.push(...command(c));
  }
  lines.push('.SH EXIT STATUS');
  for (const [code, meaning] of m.exitStatuses) lines.push('.TP', `\\fB${roff(code)}\\fR`, roff(meaning));
  lines.push(
    '.SH ENVIRONMENT',
    '.TP', '\\fBNO_COLOR\\fR',
    roff('When set (to anything but empty), text output has no colour. Output to a pipe or a file never has '
      + 'colour, nor titles cut to the terminal\'s width.'),
    '.TP', '\\fBMILESTONE_*\\fR',
    roff('Settings, above git config and below flags (`git milestone config show --origin`).'),
    '.SH SEE ALSO',
    '\\fBgit\\fR(1), \\fBgit\\-notes\\fR(1), \\fBgit\\-bundle\\fR(1)',
  );
  return `${lines.join('\n')}\n`;
}

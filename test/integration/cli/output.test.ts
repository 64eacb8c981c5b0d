/**
 * Text output (issue 9, items 1 and 11). User text — titles, descriptions, criteria, categories,
 * assignees, task descriptions — reaches the terminal with control characters escaped
 * (ESC, BEL, OSC 52 clipboard writes, bidi overrides), in every text view (labels refuse them). On a terminal (script(1)
 * gives the command one) tables fit the width, cutting long titles with …, and ids and statuses are
 * coloured; NO_COLOR turns colour off, and a pipe gets plain, whole lines.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const OSC52 = '\x1b]52;c;ZXZpbA==\x07';
const hostile = (what: string) => `${what} ${OSC52}\x1b[2J\x07\u009b31m\u202eevil`;
const LONG = `A milestone title long enough to need cutting on a narrow terminal ${'x'.repeat(60)} END`;

let repo: TmpRepo;
const ids: Record<string, string> = {};
const ok = (args: string[], env: Record<string, string> = {}) => {
  const r = cli(repo.dir, args, env);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};

beforeAll(() => {
  repo = makeTmpRepo();
  ids.m = ok(['new', hostile('title'), '--json', '-d', `line one\n${hostile('description')}\nline three`,
    '--label', 'ui', '--criterion', hostile('criterion'), '--category', hostile('category')]).json().id;
  ids.t = ok(['task', 'add', ids.m, hostile('task'), '-d', hostile('task description'), '--assignee', hostile('assignee'), '--json']).json().id;
  ids.t2 = ok(['task', 'add', ids.m, 'second', '--depends-on', ids.t, '--json']).json().id;
  ids.long = ok(['new', LONG, '--status', 'in_progress', '--json']).json().id;
  ok(['task', 'start', ids.t]);
});
afterAll(() => repo.cleanup());

/** Runs the CLI on a terminal of `cols` columns (script(1) from util-linux). */
function onTerminal(args: string, cols: number, env: Record<string, string> = {}): string {
  const r = spawnSync('script', ['-qec', `stty cols ${cols} rows 50; "${process.execPath}" "${BIN}" ${args}`, '/dev/null'], {
    cwd: repo.dir, env: cliEnv(env), encoding: 'utf8',
  });
  expect(r.error, 'script(1) from util-linux gives the command a terminal').toBeUndefined();
  return r.stdout.replace(/\r\n/g, '\n');
}
const SGR = /\x1b\[[0-9;]*m/g;
const width = (line: string) => [...line.replace(SGR, '')].length;

describe('user text is escaped in every text view', () => {
  it('list, show, task list, task show, next, log and the one-line answers of writes', () => {
    const outputs = {
      list: ok(['list']).stdout,
      show: ok(['show', ids.m]).stdout,
      taskList: ok(['task', 'list']).stdout,
      taskShow: ok(['task', 'show', ids.t]).stdout,
      next: ok(['next']).stdout,
      log: ok(['log', ids.m]).stdout,
      edit: ok(['edit', ids.m, '--priority', 'high']).stdout,
      taskEdit: ok(['task', 'edit', ids.t, '--estimate', '2']).stdout,
    };
    for (const [name, out] of Object.entries(outputs)) {
      expect(out, name).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(outputs.show).toContain('description \\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u0007\\u009b31m\\u202eevil');
    expect(outputs.show).toMatch(/^ {4}line one\n {4}description .*\n {4}line three$/m);
    for (const field of ['title', 'criterion', 'category', 'assignee']) expect(outputs.show, field).toContain(`${field} \\u001b]52;`);
    expect(outputs.list).toContain('title \\u001b]52;');
    expect(outputs.taskShow).toContain('task description \\u001b]52;');
    expect(outputs.taskList).toContain('assignee \\u001b]52;');
  });

  it('in error messages too', () => {
    const r = cli(repo.dir, ['show', `nosuch${OSC52}`]);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/[\x07\x1b]/);
    expect(r.stderr).toContain('\\u001b]52;');
  });
});

describe('on a terminal', () => {
  it('tables fit the width, cutting long titles with …, and ids and statuses are coloured', () => {
    const out = onTerminal('list', 80);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(80);
    const row = lines.find((l) => l.includes(ids.long.slice(0, 8))) as string;
    expect(row.replace(SGR, '')).toMatch(/A milestone title long.*…$/);
    expect(row).not.toContain('END');
    expect(out).toContain(`\x1b[33m${ids.long.slice(0, 8)}\x1b[0m`);
    expect(out).toContain('\x1b[36min_progress\x1b[0m');
    expect(out.replace(SGR, '')).not.toContain('\x1b');
    const wide = onTerminal('list', 200);
    expect(wide).toContain('END');
    const tasks = onTerminal(`show ${ids.m}`, 70);
    for (const line of tasks.slice(tasks.indexOf('Tasks:')).trimEnd().split('\n')) expect(width(line), line).toBeLessThanOrEqual(70);
    expect(tasks).toMatch(/assignee \\u001b\]52;[^ ]*… /);
  });

  it('NO_COLOR turns colour off; a pipe gets plain, whole lines', () => {
    const plain = onTerminal('list', 60, { NO_COLOR: '1' });
    expect(plain).not.toContain('\x1b');
    expect(plain).toContain('…');
    const piped = ok(['list']).stdout;
    expect(piped).not.toContain('\x1b');
    expect(piped).toContain(LONG);
  });
});

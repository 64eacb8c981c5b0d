/**
 * Acceptance on real plans written with other tools (../shared/corpus, see its SOURCES.md; read in
 * place, never copied into the project; copied only into temp dirs for the write-back): every file
 * imports with no error beyond the damage SOURCES.md names, task counts equal an independent count
 * (a few patterns per format, not the importer), a second import (`auto`, which must detect the format) changes nothing, and a round trip
 * (import, complete three tasks, write back) changes exactly those three checkboxes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/inProcess';
import { validator } from '../../helpers/schemas';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

/** ../shared/corpus beside the checkout; CORPUS_DIR names it for a checkout elsewhere (a linked worktree). */
const CORPUS = process.env.CORPUS_DIR ?? path.resolve(__dirname, '../../../../shared/corpus');
const have = fs.existsSync(path.join(CORPUS, 'kiro'));
const repos = (format: string): string[] => (have ? fs.readdirSync(path.join(CORPUS, format)).sort().map((r) => path.join(CORPUS, format, r)) : []);

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory() || (e.isSymbolicLink() && fs.statSync(p).isDirectory())) return filesNamed(p, name);
    return e.name === name ? [p] : [];
  });
}

/**
 * Independent count for Kiro and cc-sdd: checkbox lines plus numbered headings, less a box that
 * repeats the number of the heading over it (`## 5. Checkpoint` then `- [ ] 5. …`: one task).
 */
function kiroCount(root: string): number {
  return filesNamed(root, 'tasks.md').reduce((n, f) => {
    let heading = '';
    return n + fs.readFileSync(f, 'utf8').split('\n').filter((l) => {
      const h = /^#{2,6} (\*\*)?(Task )?(T?\d[\d.]*?)\.?(?=[\s:*])/.exec(l);
      if (h || /^#/.test(l)) heading = h?.[3] ?? '';
      const box = /^\s*[-*+] \[[ xX~-]\]\*?\s*(\S*)/.exec(l);
      if (box && heading && box[1].replace(/\.$/, '') === heading) return (heading = '') !== '';
      return Boolean(box) || Boolean(h);
    }).length;
  }, 0);
}

/** The corpus is read-only; its copies must not be. */
function writable(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.name === '.git') continue;
    fs.chmodSync(p, e.isDirectory() ? 0o755 : 0o644);
    if (e.isDirectory()) writable(p);
  }
}

/** Independent count for spec-kit: checkbox lines with a T### id plus T### headings. */
function specKitCount(root: string): number {
  return filesNamed(root, 'tasks.md').reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n')
    .filter((l) => /^\s*- \[[ xX]\] (\*\*)?T\d{3}/.test(l) || /^#{2,4} (\*\*)?T\d{3}/.test(l)).length, 0);
}

/** One command of the built CLI in this process (a child process each costs ~0.3 s idle, 1 s loaded). */
async function run(cwd: string, args: string[]): Promise<{ code: number; stderr: string; stdout: string; json: () => any }> {
  const r = await runInProcess(cwd, args);
  return { ...r, json: () => JSON.parse(r.stdout) };
}

/** Independent count for Backlog.md: task files (front matter with an id, or a task id in the name). */
function backlogCount(root: string): number {
  const dir = path.join(root, 'backlog');
  const md = (d: string, deep: boolean): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : [])
    .flatMap((e) => (e.isDirectory() ? (deep ? md(path.join(d, e.name), true) : []) : [path.join(d, e.name)]))
    .filter((f) => f.endsWith('.md') && !/readme\.md$/i.test(f));
  return ['tasks', 'completed', 'drafts', 'archive/tasks', 'archive/drafts'].flatMap((s) => md(path.join(dir, s), s === 'tasks'))
    .filter((f) => {
      const t = fs.readFileSync(f, 'utf8');
      return t.startsWith('---') ? /^id:/m.test(t.slice(0, t.indexOf('\n---', 3))) : /^[a-z]+(-[a-z]+)*-\d/i.test(path.basename(f));
    }).length;
}

/** Independent count for task-master: objects in every `tasks` list and their `subtasks` lists. */
function taskMasterCount(root: string): number {
  const files = ['.taskmaster/tasks/tasks.json', 'tasks/tasks.json'].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
  return files.reduce((n, f) => {
    const v = JSON.parse(fs.readFileSync(f, 'utf8'));
    const lists = Array.isArray(v.tasks) ? [v.tasks] : Object.values(v).map((g: any) => g.tasks);
    return n + lists.flat().reduce((k: number, t: any) => k + 1 + (t.subtasks?.length ?? 0), 0);
  }, 0);
}

/** One repository all import cases share (each format's milestones have aliases of their own). */
let shared: TmpRepo;
beforeAll(() => { shared = makeTmpRepo(); });
afterAll(() => shared?.cleanup());

async function importAll(format: string, dirs: string[], count: (d: string) => number, problems: (d: string) => number = () => 0): Promise<void> {
  for (const dir of dirs) {
    const r = await run(shared.dir, ['import', '--from-format', format, '--path', dir, '--json']);
    const out = r.json();
    const valid = validator('import.schema.json');
    expect(valid(out), JSON.stringify(valid.errors)).toBe(true);
    expect(out.problems, `${dir}\n${r.stderr}`).toHaveLength(problems(dir));
    expect(out.counts.failed, dir).toBe(0);
    expect(out.counts.tasks, dir).toBe(count(dir));
    const again = (await run(shared.dir, ['import', '--from-format', 'auto', '--path', dir, '--json'])).json();
    expect(again.formats, `auto detects ${dir}`).toEqual([format]);
    expect(again.counts, dir).toMatchObject({ created: 0, updated: 0, unchanged: out.milestones.length });
  }
}

async function roundTrip(
  format: string, src: string, copy: string[], pick: (tasks: any[]) => any[], check: (diff: string) => void, after?: (dir: string) => void,
): Promise<void> {
  const repo = makeTmpRepo();
  try {
    for (const c of copy) fs.cpSync(path.join(src, c), path.join(repo.dir, c), { recursive: true });
    writable(repo.dir);
    repo.git(['add', '-A']);
    repo.git(['commit', '-qm', 'plan']);
    expect((await run(repo.dir, ['import', '--from-format', format])).code).toBe(0);
    const all = (await run(repo.dir, ['task', 'list', '--json'])).json();
    const chosen = pick(all.filter((t: any) => t.status === 'pending' && t.extra?.source?.id !== 'spec')).slice(0, 3);
    expect(chosen).toHaveLength(3);
    for (const t of chosen) expect((await run(repo.dir, ['task', 'done', t.id])).code).toBe(0);
    expect((await run(repo.dir, ['export', '--format', format])).code).toBe(0);
    check(repo.git(['diff', '-U0']));
    after?.(repo.dir);
    const again = (await run(repo.dir, ['export', '--format', format, '--json'])).json();
    const valid = validator('export.schema.json');
    expect(valid(again), JSON.stringify(valid.errors)).toBe(true);
    expect(again.files).toEqual([]);
  } finally {
    repo.cleanup();
  }
}

const changedLines = (diff: string): string[] => diff.split('\n').filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l));

/** The diff removes three unchecked boxes and adds the same lines checked, nothing else. */
function expectThreeBoxes(diff: string): void {
  const lines = changedLines(diff);
  const removed = lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1).replace(/^(\s*[-*] )\[ \]/, '$1[x]'));
  const added = lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1).replace(/^(\s*[-*] )\[X\]/, '$1[x]'));
  expect(removed).toHaveLength(3);
  expect(added).toEqual(removed);
}

describe.skipIf(!have)('plans of other tools, from ../shared/corpus', () => {
  it('imports every Kiro spec folder (a symlinked .kiro/specs too), counts match, a second import changes nothing', async () => {
    const dirs = repos('kiro').filter((d) => fs.existsSync(path.join(d, '.kiro')));
    const linked = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-kiro-link-'));
    try {
      fs.mkdirSync(path.join(linked, '.kiro'));
      fs.symlinkSync(path.join(CORPUS, 'kiro', 'foxey+imaprest', '.specs'), path.join(linked, '.kiro', 'specs'));
      await importAll('kiro', [...dirs, linked], kiroCount);
    } finally {
      fs.rmSync(linked, { recursive: true, force: true });
    }
  });

  it('imports every cc-sdd spec folder with its approvals as phase states', async () => {
    await importAll('cc-sdd', repos('cc-sdd'), kiroCount);
    const hatena = (await run(shared.dir, ['list', '--json'])).json().find((m: any) => m.title === 'hatena-blog-mcp-server');
    const spec = (await run(shared.dir, ['task', 'list', hatena.id, '--json'])).json().find((t: any) => t.extra.source.id === 'spec');
    expect(spec.phases.map((p: any) => p.status)).toEqual(['approved', 'approved', 'completed', 'pending']);
  });

  it('imports every spec-kit feature folder; the one damaged spec.md (invalid UTF-8) is reported by file and line', async () => {
    await importAll('spec-kit', repos('spec-kit'), specKitCount, (d) => (d.endsWith('0riva+oriva-platform') ? 1 : 0));
  });

  it('round trip (spec-kit): three checkboxes change and nothing else', async () => {
    await roundTrip('spec-kit', path.join(CORPUS, 'spec-kit', 'm1chalz+AI-First'), ['specs'], (t) => t.filter((x: any) => x.extra.source.file.endsWith('tasks.md')), expectThreeBoxes);
  });

  it('round trip (Kiro): complete three tasks, write back, git diff shows only those three checkboxes', async () => {
    await roundTrip('kiro', path.join(CORPUS, 'kiro', 'RockyBoyRC+SpaceWeirdos'), ['.kiro'], (t) => t, expectThreeBoxes);
  });

  it('imports every Backlog.md folder (milestones, completed, drafts, archive); unquoted @handles are no error', async () => {
    await importAll('backlog', repos('backlog.md'), backlogCount);
    const all = (await run(shared.dir, ['list', '--json', '--all'])).json();
    const mrlesk = all.filter((m: any) => m.aliases?.some((a: string) => a.includes('MrLesk+Backlog.md')));
    expect(mrlesk.find((m: any) => m.title === 'CLI Development')).toMatchObject({ archived: true });
    const tasks = (await run(shared.dir, ['task', 'list', '--json'])).json();
    const back1 = tasks.find((t: any) => t.extra.source.id === 'BACK-1' && t.extra.source?.file?.includes('MrLesk'));
    expect(back1).toMatchObject({ status: 'completed', extra: { fields: { assignee: '@MrLesk', created_date: '2025-06-03' } } });
    // a task is found by its source id (any case), and inside its milestone for a dependency
    const shown = (await run(shared.dir, ['task', 'show', 'back-430', '--json'])).json();
    expect(shown.extra.source.id).toBe('BACK-430');
    const ambiguous = await run(shared.dir, ['task', 'show', 'draft-1', '--json']);
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stdout + ambiguous.stderr).toMatch(/source id of \d+ imported tasks/);
    const nas = tasks.filter((t: any) => t.extra.source?.file?.includes('DanielRamosAcosta+nas'));
    const [a, b] = [nas.find((t: any) => t.extra.source.id === 'NAS-22'), nas.find((t: any) => t.extra.source.id === 'NAS-25')];
    expect(a.milestoneId).toBe(b.milestoneId);
    expect((await run(shared.dir, ['dep', 'add', a.id, 'nas-25'])).code).toBe(0);
    expect((await run(shared.dir, ['task', 'show', a.id, '--json'])).json().dependsOn).toContain(b.id);
  });

  it('round trip (Backlog.md): three status: lines change and nothing else', async () => {
    await roundTrip('backlog', path.join(CORPUS, 'backlog.md', 'DanielRamosAcosta+nas'), ['backlog'], (t) => t.filter((x: any) => x.extra.fields?.status === 'To Do'), (diff) => {
      const lines = changedLines(diff);
      expect(lines.filter((l) => l.startsWith('-'))).toEqual(Array(3).fill('-status: To Do'));
      expect(lines.filter((l) => l.startsWith('+'))).toEqual(Array(3).fill('+status: Done'));
    });
  });

  it('imports every task-master file (tagged and legacy shapes, both layouts in one project)', async () => {
    await importAll('task-master', repos('task-master'), taskMasterCount);
    const tasks = (await run(shared.dir, ['task', 'list', '--json'])).json().filter((t: any) => t.extra.source.format === 'task-master');
    const sub = tasks.find((t: any) => t.extra.source.id === '7.1' && t.extra.source?.file?.includes('veritas'));
    expect(sub.extra.source.parent).toBe('7');
    expect(tasks.find((t: any) => t.id === sub.extra.parent).title).toBe('Create Issue Detection and Flagging System');
  });

  it('round trip (task-master): three "status" values change, the file keeps its shape and key order', async () => {
    const file = '.taskmaster/tasks/tasks.json';
    const src = path.join(CORPUS, 'task-master', 'Acurioustractor+act-placemat');
    await roundTrip('task-master', src, ['.taskmaster'], (t) => t, (diff) => {
      const lines = changedLines(diff);
      const squeeze = (l: string): string => l[0] + l.slice(1).trim();
      expect(lines.filter((l) => l.startsWith('-')).map(squeeze)).toEqual(Array(3).fill('-"status": "pending",'));
      expect(lines.filter((l) => l.startsWith('+')).map(squeeze)).toEqual(Array(3).fill('+"status": "done",'));
    }, (dir) => {
      const before = JSON.parse(fs.readFileSync(path.join(src, file), 'utf8'));
      const after = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const shape = (v: any): any => (Array.isArray(v) ? v.map(shape) : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'status' ? '?' : shape(x)])) : v);
      expect(JSON.stringify(shape(after))).toBe(JSON.stringify(shape(before)));
    });
  });
});

describe('re-import takes in edits made in the source', () => {
  it('titles, details and documents edited in the source since the last import come in; an edit made only here stays', async () => {
    const repo = makeTmpRepo();
    try {
      const file = path.join(repo.dir, '.kiro', 'specs', 'f', 'tasks.md');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const dir = path.dirname(file);
      fs.writeFileSync(file, '- [ ] 1. First\n  - detail one\n- [ ] 2. Second\n');
      fs.writeFileSync(path.join(dir, 'requirements.md'), '# Requirements\n');
      fs.writeFileSync(path.join(dir, 'spec.json'), '{"feature_name": "Old name"}');
      expect((await run(repo.dir, ['import', '--from-format', 'kiro'])).code).toBe(0);
      const byId = async (): Promise<Record<string, any>> => Object.fromEntries((await run(repo.dir, ['task', 'list', '--json'])).json()
        .map((t: any) => [t.extra.source.id, t]));
      const before = await byId();
      expect((await run(repo.dir, ['task', 'edit', before['2'].id, '--title', 'Mine'])).code).toBe(0);
      fs.writeFileSync(file, '- [ ] 1. First, renamed\n  - detail two\n- [ ] 2. Second\n');
      fs.writeFileSync(path.join(dir, 'requirements.md'), '# Requirements\n\n### Requirement 1: more\n');
      fs.writeFileSync(path.join(dir, 'spec.json'), '{"feature_name": "New name"}');
      const r = (await run(repo.dir, ['import', '--from-format', 'kiro', '--json'])).json();
      expect(r.counts.updated).toBe(1);
      expect(r.milestones[0].notes.join('\n')).toMatch(/requirements\.md changed since the last import/);
      const m = (await run(repo.dir, ['list', '--json'])).json()[0];
      expect(m.title).toBe('New name');
      const after = await byId();
      expect(after['1']).toMatchObject({ id: before['1'].id, title: 'First, renamed', description: '  - detail two' });
      expect(after['2'].title).toBe('Mine');
      expect((await run(repo.dir, ['import', '--from-format', 'kiro', '--json'])).json().counts.unchanged).toBe(1);
    } finally {
      repo.cleanup();
    }
  });
});

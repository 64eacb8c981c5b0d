// npm run bench, issue 13: `import --from-format <format> --path <repo>` of every repository of
// ../shared/corpus (Kiro, cc-sdd, spec-kit, Backlog.md, task-master; one CLI process each, as a user
// would run them), then the same again with nothing changed (a re-import), each total beside the
// same number of `node -e ''` processes run interleaved with them. Skipped without the corpus.
// Run alone: node scripts/bench-import-formats.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CORPUS = process.env.CORPUS_DIR ?? path.resolve(root, '..', 'shared', 'corpus');
const FOLDERS = { kiro: 'kiro', 'cc-sdd': 'cc-sdd', 'spec-kit': 'spec-kit', backlog: 'backlog.md', 'task-master': 'task-master' };

/** Every corpus repository with its format (foxey's Kiro specs sit in `.specs`, given directly). */
export function corpusSources(corpus = CORPUS) {
  if (!fs.existsSync(corpus)) return [];
  return Object.entries(FOLDERS).flatMap(([format, folder]) => fs.readdirSync(path.join(corpus, folder)).sort().map((r) => {
    const dir = path.join(corpus, folder, r);
    return { format, dir: fs.existsSync(path.join(dir, '.specs')) ? path.join(dir, '.specs') : dir };
  }));
}

/** Exit 1 with a JSON result is an import that reported damaged files (0riva's spec.md); fine here. */
function timed(cmd, args, cwd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && !(r.status === 1 && r.stdout.startsWith('{'))) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, stdout: r.stdout };
}

export function benchImportFormats({ BIN, row }) {
  const sources = corpusSources();
  if (sources.length === 0) {
    console.log(`import of ../shared/corpus: skipped (no corpus at ${CORPUS})`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bench-formats-'));
  try {
    for (const a of [['init', '-q'], ['config', 'user.name', 'Bench'], ['config', 'user.email', 'bench@example.com']]) spawnSync('git', a, { cwd: dir });
    timed(process.execPath, ['-e', ''], dir);
    const pass = (label) => {
      let ours = 0;
      let base = 0;
      let slowest = { ms: 0, what: '' };
      let tasks = 0;
      let created = 0;
      for (const s of sources) {
        base += timed(process.execPath, ['-e', ''], dir).ms;
        const r = timed(process.execPath, [BIN, 'import', '--from-format', s.format, '--path', s.dir, '--json'], dir);
        ours += r.ms;
        const out = JSON.parse(r.stdout);
        tasks += out.counts.tasks;
        created += out.counts.created + out.counts.updated;
        if (r.ms > slowest.ms) slowest = { ms: r.ms, what: `${s.format} ${path.basename(s.dir)}` };
      }
      console.log(`${label}: ${sources.length} imports, ${tasks} tasks, ${created} milestones written; slowest ${slowest.what} ${slowest.ms.toFixed(0)} ms`);
      return { ours, base, slowest, created };
    };
    const first = pass('import of the corpus');
    row(`import of all ../shared/corpus (${sources.length} repositories, one process each)`, first.ours,
      `node -e '' ×${sources.length} (interleaved)`, first.base, '< 3 s');
    const again = pass('re-import, nothing changed');
    if (again.created !== 0) throw new Error(`a re-import with nothing changed wrote ${again.created} milestones`);
    row(`re-import of all ../shared/corpus, nothing changed (${sources.length} processes)`, again.ours,
      `node -e '' ×${sources.length} (interleaved)`, again.base, '< 1 s');
    row(`re-import, nothing changed: slowest one (${again.slowest.what})`, again.slowest.ms,
      `node -e '' (mean of ${sources.length})`, again.base / sources.length, '< 1 s');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = [];
  benchImportFormats({
    BIN: path.join(root, 'bin', 'git-milestone'),
    row: (what, ours, baseName, base, target) => {
      rows.push(`| ${what} | ${ours.toFixed(0)} ms | ${baseName}: ${base.toFixed(0)} ms | ×${(ours / base).toFixed(2)} | ${target} |`);
      console.log(rows[rows.length - 1]);
    },
  });
}

/**
 * The `--json` output contract, shared by the tests that check it (test/integration/cli/schemas.test.ts
 * and schemas-sharing.test.ts): every schema in schemas/ loaded into one strict ajv, the command
 * definitions of the build (dist/), the rows of schemas/README.md, a runner that validates real
 * output, and which test file answers for which schema. Each file requires that real output was
 * validated against every schema it answers for and every README row naming one; together they
 * cover every schema, and every command (all take --json) must have a README row.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { expect } from 'vitest';
import { cli } from './cli';

export const ROOT = path.resolve(__dirname, '../..');
export const SCHEMA_DIR = path.join(ROOT, 'schemas');
export const ID_BASE = 'https://github.com/git-milestone/git-milestone/schemas/';
/** The schemas of files users write are not output schemas (settings use union types, which strict ajv refuses). */
const NOT_OUTPUT = new Set(['milestone-config.schema.json', 'workflow-file.schema.json', 'milestone-template.schema.json']);

export const schemaFiles = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json') && !NOT_OUTPUT.has(f)).sort();
export const schemas = new Map(schemaFiles.map((f) => [f, JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')) as Record<string, unknown>]));

export const ajv = new Ajv({ allErrors: true, strict: true });
for (const s of schemas.values()) ajv.addSchema(s);

export function validator(file: string): ValidateFunction {
  const v = ajv.getSchema(`${ID_BASE}${file}`);
  if (!v) throw new Error(`no schema ${file}`);
  return v;
}

/** Why `doc` does not match `file`, or null when it does. */
/** A copy of `o` without `key`: a document missing a required member, for the rejection tests. */
export function without<T extends object>(o: T, key: keyof T): T {
  const copy = { ...o };
  delete copy[key];
  return copy;
}

export function problems(file: string, doc: unknown): string | null {
  const v = validator(file);
  return v(doc) ? null : ajv.errorsText(v.errors, { separator: '\n', dataVar: 'output' });
}

// ---- which test file answers for which schema ----------------------------------------------------

export type Owner = 'schemas.test.ts' | 'schemas-sharing.test.ts' | 'board.test.ts';

/**
 * The schemas schemas-sharing.test.ts answers for (sharing, recovery, import/export, doctor); every
 * other output schema, including any new one, is schemas.test.ts's.
 */
export const SHARING_SCHEMAS: readonly string[] = [
  'remote-setup.schema.json', 'push.schema.json', 'pull.schema.json', 'sync.schema.json',
  'backup.schema.json', 'backup-verify.schema.json', 'restore.schema.json',
  'import.schema.json', 'export.schema.json', 'export-document.schema.json', 'doctor.schema.json',
];

export function ownerOf(schema: string): Owner {
  if (schema === 'serve.schema.json') return 'board.test.ts'; // a server: test/integration/serve/board.test.ts
  return SHARING_SCHEMAS.includes(schema) ? 'schemas-sharing.test.ts' : 'schemas.test.ts';
}

// ---- the commands, as defined in src/cli/defs (compiled by `npm run build`) -------------------

export interface Def {
  /** The command's words (`task add`), from the command table. */
  words: string;
  flags?: Record<string, unknown>;
}
const load = createRequire(__filename);
export const registry = load(path.join(ROOT, 'dist/cli/defs/registry.js')) as {
  DEFS: Record<string, () => Omit<Def, 'words'>>;
  findDef(argv: string[]): { command: string } | null;
};
/** The flags every command takes (`--json`, `--verbose`). */
export const GLOBAL_FLAGS = (load(path.join(ROOT, 'dist/cli/globalFlags.js')) as { GLOBAL_FLAGS: Record<string, unknown> }).GLOBAL_FLAGS;

/** Every command definition once, with its words. */
export function allDefs(): Def[] {
  return Object.entries(registry.DEFS).map(([words, get]) => ({ ...get(), words }));
}

/** The command words of a definition (`task add`). */
export const wordsOf = (d: Def): string => d.words;

/** `task add` for argv ['task', 'add', …]; aliases give the canonical command (`plan` → `new`). */
export function commandOf(args: string[]): string {
  const found = registry.findDef(args);
  if (found) return found.command;
  throw new Error(`no command in ${args.join(' ')}`);
}

/** The rows of the table in schemas/README.md: command words (null for the error row) → schema file. */
export function readmeRows(): Array<{ command: string | null; schema: string }> {
  const text = fs.readFileSync(path.join(SCHEMA_DIR, 'README.md'), 'utf8');
  const rows: Array<{ command: string | null; schema: string }> = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !/\.schema\.json`$/.test(cells[2])) continue;
    const schema = cells[2].replace(/`/g, '');
    const m = /^`git milestone ([a-z ]+?)(?: --[^`]*)?`$/.exec(cells[1]);
    rows.push({ command: m ? m[1].trim() : null, schema });
  }
  return rows;
}

/** The key a validated output is recorded under, as README rows are: `<command> → <schema>`. */
export const rowKey = (command: string | null, schema: string): string => `${command ?? '*'} → ${schema}`;

// ---- running the CLI -------------------------------------------------------------------------------

/**
 * A runner recording into `validated`: runs `git milestone <args> --json` in `dir`, expects the
 * exit status, validates stdout against `schema` and returns the parsed output.
 */
export function jsonRunner(validated: Set<string>) {
  return (dir: string, schema: string, args: string[], code = 0, env: Record<string, string> = {}): any => {
    const argv = args.includes('--json') ? args : [...args, '--json'];
    const r = cli(dir, argv, env);
    const what = `git milestone ${argv.join(' ')}`;
    expect(r.code, `${what} exited ${r.code}\n${r.stdout}${r.stderr}`).toBe(code);
    const doc = r.json();
    const bad = problems(schema, doc);
    expect(bad, `${what} does not match ${schema}:\n${bad}\n--- output:\n${r.stdout}`).toBeNull();
    validated.add(rowKey(schema === 'error.schema.json' ? null : commandOf(argv), schema));
    return doc;
  };
}

/** Real output was validated against every schema `owner` answers for, and every README row naming one. */
export function expectExercised(owner: Owner, validated: Set<string>): void {
  const mine = schemaFiles.filter((f) => ownerOf(f) === owner);
  expect(mine.length).toBeGreaterThan(0);
  for (const file of mine) {
    expect([...validated].some((v) => v.endsWith(`→ ${file}`)), `no real output was validated against ${file}`).toBe(true);
  }
  for (const row of readmeRows().filter((r) => ownerOf(r.schema) === owner)) {
    const key = rowKey(row.command, row.schema);
    expect(validated.has(key), `README row "${key}" was not exercised`).toBe(true);
  }
}

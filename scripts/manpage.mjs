#!/usr/bin/env node
// Writes the man page git-milestone(1) to man/man1/git-milestone.1 from the compiled command
// definitions (src/cli/help/manPage.ts), so `git milestone --help` (git opens `man git-milestone`)
// shows the same help as `git milestone -h`. Run by `npm run build`, after tsc.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { manPage } = require('../dist/cli/help/manPage.js');
const { DEFS, aliasesOf } = require('../dist/cli/defs/registry.js');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The exit statuses are documented once, in the README's table.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.split(/^### Exit status$/m)[1]?.split(/^#/m)[0] ?? '';
const exitStatuses = [...section.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((m) => [m[1], m[2].replace(/`/g, '')]);
if (exitStatuses.length === 0) throw new Error('README.md: no "### Exit status" table for the man page');

const page = manPage({
  version: pkg.version,
  description: pkg.description,
  commands: Object.entries(DEFS).map(([words, load]) => ({ words, def: load(), aliases: aliasesOf(words) })),
  topics: Object.fromEntries(Object.entries(pkg.oclif.topics).map(([t, v]) => [t, v.description])),
  exitStatuses,
});
mkdirSync(new URL('../man/man1/', import.meta.url), { recursive: true });
writeFileSync(new URL('../man/man1/git-milestone.1', import.meta.url), page);

#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js and everything it reaches) into one file, so a
// command does not pay for resolving and reading ~100 module files at start-up. Modules stay
// lazily evaluated (esbuild wraps each CommonJS module); oclif, pino, yaml, ajv, the MCP SDK and the database
// drivers stay external and are loaded only by the commands that need them.
import { build } from 'esbuild';

const external = ['@oclif/core', 'pino', 'yaml', 'ajv', 'better-sqlite3', 'pg', '@modelcontextprotocol/sdk'];
// The hook entry points too: a commit on a milestone branch pays for one of them (see docs/architecture.md, Hooks).
const hooks = ['pre-commit', 'commit-msg', 'post-merge', 'post-checkout'].map((h) => `hooks/${h}`);
for (const entry of ['cli/main', ...hooks]) {
  await build({
    entryPoints: [`dist/${entry}.js`],
    outfile: `dist/${entry}.bundle.js`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    logLevel: 'warning',
  });
}

// The CLI bundle's content hash, which names its V8 code cache (src/cli/requireCached.ts): V8
// itself checks only the source's length, and an installed package's files all carry npm's fixed
// mtime, so size and mtime alone could let a same-length bundle of another version meet an old cache.
const { createHash } = await import('node:crypto');
const { readFileSync, writeFileSync } = await import('node:fs');
writeFileSync('dist/cli/main.bundle.js.id', createHash('sha256').update(readFileSync('dist/cli/main.bundle.js')).digest('hex').slice(0, 16));

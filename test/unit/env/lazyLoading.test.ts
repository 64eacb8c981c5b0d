import { describe, expect, it } from 'vitest';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs `body` in a fresh node that requires the TypeScript sources; `loaded()` lists yaml/ajv/pino in require.cache. */
function inFreshNode(body: string): Record<string, unknown> {
  const script = `
    const fs = require('fs'); const ts = require('typescript');
    require.extensions['.ts'] = (m, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: filename,
      }).outputText;
      m._compile(out, filename);
    };
    const loaded = () => [...new Set(Object.keys(require.cache)
      .map((k) => /[\\\\/]node_modules[\\\\/](yaml|ajv|pino)[\\\\/]/.exec(k)).filter(Boolean).map((m) => m[1]))].sort();
    const result = {};
    ${body}
    process.stdout.write(JSON.stringify(result));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as Record<string, unknown>;
}

describe('env loads pino only on the first log call that writes the file', () => {
  it('creating the Env and logging without a folder load nothing; the first file write loads pino', () => {
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-lazy-'));
    try {
      const r = inFreshNode(`
        const { createNodeEnv, setLogDir } = require('./src/env/nodeEnv');
        require('./src/env/testEnv');
        const env = createNodeEnv({ verbose: false });
        result.afterCreate = loaded();
        env.log.info('no folder yet');
        result.afterLogWithoutDir = loaded();
        setLogDir(env, ${JSON.stringify(logDir)});
        result.afterAttach = loaded();
        env.log.info('now written');
        result.afterLog = loaded();
      `);
      expect(r).toEqual({ afterCreate: [], afterLogWithoutDir: [], afterAttach: [], afterLog: ['pino'] });
    } finally {
      fs.rmSync(logDir, { recursive: true, force: true });
    }
  });
});

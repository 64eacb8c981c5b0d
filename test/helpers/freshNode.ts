/**
 * Runs `body` in a fresh node process that can require the TypeScript sources (transpiled on the
 * fly), so require.cache shows exactly which packages a module pulls in. Inside `body`, `loaded()`
 * lists the heavy packages (yaml, ajv, pino) present in require.cache and `result` is returned.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export function inFreshNode(body: string): Record<string, unknown> {
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

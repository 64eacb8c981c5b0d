import { describe, expect, it } from 'vitest';
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Runs `body` in a fresh node process that can require the TypeScript sources (transpiled on the
 * fly), so require.cache shows exactly which packages a module pulls in. `loaded()` lists the
 * heavy packages (yaml, ajv, pino) present in require.cache.
 */
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

describe('config loads yaml and ajv only when used', () => {
  it('requiring loadConfig loads neither; loading a file loads both', () => {
    const r = inFreshNode(`
      const { loadConfig } = require('./src/config/loadConfig');
      require('./src/config/validateConfigFile'); require('./src/config/setConfigValue'); require('./src/config/readGitConfig');
      result.afterRequire = loaded();
      loadConfig({ yamlPath: null, gitConfig: {}, vars: {}, flags: {} });
      result.afterDefaultsOnly = loaded();
      loadConfig({ yamlPath: 'fixtures/config/ours.yaml', gitConfig: {}, vars: {}, flags: {} });
      result.afterFile = loaded();
    `);
    expect(r.afterRequire).toEqual([]);
    expect(r.afterDefaultsOnly).toEqual([]);
    expect(r.afterFile).toEqual(['ajv', 'yaml']);
  });

  it('environment values need ajv but not yaml', () => {
    const r = inFreshNode(`
      const { loadConfig } = require('./src/config/loadConfig');
      loadConfig({ yamlPath: null, gitConfig: {}, vars: { MILESTONE_CACHE__TTL: '5' }, flags: {} });
      result.after = loaded();
    `);
    expect(r.after).toEqual(['ajv']);
  });
});

import { describe, expect, it } from 'vitest';
import { inFreshNode } from '../../helpers/freshNode';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

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

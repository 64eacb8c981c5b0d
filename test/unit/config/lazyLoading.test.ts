import { describe, expect, it } from 'vitest';
import { inFreshNode } from '../../helpers/freshNode';

describe('config loads yaml only when a file is read, and never ajv', () => {
  it('requiring loadConfig loads neither; loading a file loads yaml only', () => {
    const r = inFreshNode(`
      const { loadConfig } = require('./src/config/loadConfig');
      require('./src/config/validateConfigFile'); require('./src/config/setConfigValue');
      result.afterRequire = loaded();
      loadConfig({ yamlPath: null, gitConfig: {}, vars: {}, flags: {} });
      result.afterDefaultsOnly = loaded();
      loadConfig({ yamlPath: 'fixtures/config/ours.yaml', gitConfig: {}, vars: {}, flags: {} });
      result.afterFile = loaded();
    `);
    expect(r.afterRequire).toEqual([]);
    expect(r.afterDefaultsOnly).toEqual([]);
    expect(r.afterFile).toEqual(['yaml']);
  });

  it('environment values need neither ajv nor yaml', () => {
    const r = inFreshNode(`
      const { loadConfig } = require('./src/config/loadConfig');
      loadConfig({ yamlPath: null, gitConfig: {}, vars: { MILESTONE_CACHE__TTL: '5' }, flags: {} });
      result.after = loaded();
    `);
    expect(r.after).toEqual([]);
  });
});

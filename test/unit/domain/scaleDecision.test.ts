import { describe, expect, it } from 'vitest';
import { chooseBackend, metricsUsed, type BackendSettings } from '../../../src/domain/scaleDecision';

const base: BackendSettings = { override: null, autoScale: true, thresholds: { sqlite_milestones: 50 }, postgres: false };

describe('chooseBackend', () => {
  it('picks the file index below the SQLite threshold and SQLite from it on', () => {
    expect(chooseBackend(base, { milestones: 49 })).toMatchObject({ backend: 'file', by: 'threshold', reason: '49 milestones < scale_thresholds.sqlite_milestones (50)' });
    expect(chooseBackend(base, { milestones: 50 })).toMatchObject({ backend: 'sqlite', reason: '50 milestones ≥ scale_thresholds.sqlite_milestones (50)' });
  });

  it('any configured metric threshold counts; PostgreSQL only with a URL', () => {
    const s = { ...base, thresholds: { sqlite_milestones: 50, sqlite_tasks: 100, postgresql_authors: 5 } };
    expect(chooseBackend(s, { milestones: 3, tasks: 100 }).backend).toBe('sqlite');
    expect(chooseBackend(s, { milestones: 3, authors: 9 }).backend).toBe('file');
    expect(chooseBackend({ ...s, postgres: true }, { milestones: 3, authors: 9 })).toMatchObject({ backend: 'postgresql', reason: expect.stringContaining('PostgreSQL URL') });
    expect(metricsUsed(s)).toEqual(['milestones', 'tasks', 'authors']);
  });

  it('flag beats override beats auto_scale beats thresholds; legacy override names map', () => {
    const s = { ...base, override: 'sqlite', overrideSource: 'git config milestone.backend-override' };
    expect(chooseBackend(s, { milestones: 1 }, 'file')).toMatchObject({ backend: 'file', by: 'flag' });
    expect(chooseBackend(s, { milestones: 1 })).toMatchObject({ backend: 'sqlite', by: 'override', reason: 'backend_override is sqlite (git config milestone.backend-override)' });
    expect(chooseBackend({ ...base, autoScale: false }, { milestones: 10_000 })).toMatchObject({ backend: 'file', by: 'auto_scale' });
    expect(chooseBackend({ ...base, override: 'hybrid' }, {}).backend).toBe('sqlite');
    expect(chooseBackend({ ...base, override: 'database' }, {}).backend).toBe('sqlite');
    expect(chooseBackend({ ...base, override: 'database', postgres: true }, {}).backend).toBe('postgresql');
  });
});

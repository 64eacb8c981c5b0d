/**
 * `<git-common-dir>/milestones/scale.json`: the settings that pick a backend (valid while the
 * settings key matches), the milestone ref count (valid while the refs fingerprint matches) and
 * the last full metrics. So a `list` learns its backend from one small JSON file and a few stat
 * calls, without loading yaml or ajv. A missing or unreadable file is simply recomputed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackendSettings, ScaleMetrics } from '../../domain/scaleDecision';
import { writeFileAtomic } from '../../env/atomicWrite';

export const SCALE_FILE = 'scale.json';
const VERSION = 1;

export interface ScaleCache {
  version: number;
  settingsKey: string;
  settings: BackendSettings;
  /** Refs fingerprint at which `milestones` was counted. */
  refsToken: string | null;
  milestones: number;
  /** Full metrics from the last recalculation (or null). */
  metrics: ScaleMetrics | null;
  metricsAt: string | null;
}

export function readScaleCache(dataDir: string): ScaleCache | null {
  try {
    const c = JSON.parse(fs.readFileSync(path.join(dataDir, SCALE_FILE), 'utf8')) as ScaleCache;
    return c && c.version === VERSION && c.settings ? c : null;
  } catch {
    return null;
  }
}

export function writeScaleCache(dataDir: string, c: Omit<ScaleCache, 'version'>): void {
  try {
    writeFileAtomic(path.join(dataDir, SCALE_FILE), JSON.stringify({ version: VERSION, ...c }), { mkdir: true });
  } catch {
    // derived: computed again next time
  }
}

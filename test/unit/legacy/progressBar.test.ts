/** The import's progress bar: drawn on stderr only when stderr is a terminal, at most once per percent. */
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../src/core/import/progressBar';
import { createTestEnv } from '../../../src/env/testEnv';

describe('progressBar', () => {
  it('draws phases and clears the line on a terminal', () => {
    const env = createTestEnv({ cwd: '/', interactive: true });
    const p = progressBar(env);
    p.phase('writing', 200);
    for (let i = 1; i <= 200; i++) p.tick(i);
    p.end();
    const frames = env.stderr().split('\r').filter(Boolean);
    expect(frames[0]).toMatch(/^writing \[\.{30}\] 0\/200 0%/);
    expect(frames).toHaveLength(1 + 100 + 1);
    expect(frames[100]).toMatch(/^writing \[#{30}\] 200\/200 100%/);
    expect(frames[101]).toBe('\x1b[K');
    expect(env.stdout()).toBe('');
  });

  it('prints nothing when stderr is not a terminal', () => {
    const env = createTestEnv({ cwd: '/', interactive: false });
    const p = progressBar(env);
    p.phase('writing', 10);
    p.tick(5);
    p.end();
    expect(env.stderr()).toBe('');
  });
});

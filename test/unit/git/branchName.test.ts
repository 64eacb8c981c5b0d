/** Branch names from prefix or pattern, their slugs, and the way back to the short id. */
import { describe, expect, it } from 'vitest';
import { branchName, parseBranchName, slugify } from '../../../src/domain/branchName';

const task = 'b1c2d3e4'.padEnd(64, '0');
const ms = 'a1b2c3d4'.padEnd(64, 'f');

describe('slugify', () => {
  it('keeps ASCII a-z 0-9 and single dashes; nothing a shell reads specially survives', () => {
    const s = slugify('Write the $(touch pwned) `tokenizer`; rm -rf / && echo "x" | tee ~/.bashrc > ok');
    expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.startsWith('write-the-touch-pwned-tokenizer')).toBe(true);
  });
  it('folds accents, drops other scripts, bounds the length at a word', () => {
    expect(slugify('Crème brûlée für Jürgen')).toBe('creme-brulee-fur-jurgen');
    expect(slugify('漢字 ✓')).toBe('');
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(40));
    expect(slugify('alpha beta gamma delta epsilon zeta eta theta')).toBe('alpha-beta-gamma-delta-epsilon-zeta-eta');
  });
});

describe('branchName / parseBranchName', () => {
  it('default prefix: milestone/<short id>-<slug>, never milestone/milestone-…', () => {
    const name = branchName({ prefix: 'milestone/' }, { id: task, milestoneId: ms, title: 'Write the parser' });
    expect(name).toBe('milestone/b1c2d3e4-write-the-parser');
    expect(name).not.toMatch(/milestone\/milestone/);
    expect(parseBranchName({ prefix: 'milestone/' }, name)).toBe('b1c2d3e4');
    expect(parseBranchName({ prefix: 'milestone/' }, 'milestone/b1c2d3e4')).toBe('b1c2d3e4');
    expect(parseBranchName({ prefix: 'milestone/' }, 'feature/b1c2d3e4-x')).toBeNull();
    expect(parseBranchName({ prefix: 'milestone/' }, 'milestone/notanid-x')).toBeNull();
  });

  it('patterns: ms-{id} gets the slug appended; legacy milestone/{id}-{slug}; {milestone}', () => {
    expect(branchName({ prefix: 'x/', pattern: 'ms-{id}' }, { id: task, milestoneId: ms, title: 'Do it' })).toBe('ms-b1c2d3e4-do-it');
    expect(branchName({ prefix: 'x/', pattern: 'milestone/{id}-{slug}' }, { id: task, milestoneId: ms, title: 'Do it' })).toBe('milestone/b1c2d3e4-do-it');
    const nested = branchName({ prefix: '', pattern: 'work/{milestone}/{task}-{slug}' }, { id: task, milestoneId: ms, title: 'Do it' });
    expect(nested).toBe('work/a1b2c3d4/b1c2d3e4-do-it');
    expect(parseBranchName({ prefix: '', pattern: 'work/{milestone}/{task}-{slug}' }, nested)).toBe('b1c2d3e4');
    expect(parseBranchName({ prefix: 'x/', pattern: 'ms-{id}' }, 'ms-b1c2d3e4-do-it')).toBe('b1c2d3e4');
    expect(parseBranchName({ prefix: 'x/', pattern: 'ms-{id}' }, 'ms-b1c2d3e4')).toBe('b1c2d3e4');
  });

  it('a title with no usable characters gives prefix + id', () => {
    expect(branchName({ prefix: 'ms/' }, { id: task, milestoneId: ms, title: '!!! ✓' })).toBe('ms/b1c2d3e4');
  });
});

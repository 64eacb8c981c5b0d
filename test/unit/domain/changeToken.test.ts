import { describe, expect, it } from 'vitest';
import { changeToken } from '../../../src/domain/changeToken';

describe('changeToken (FNV-1a 64)', () => {
  it('gives the published FNV-1a 64 values for byte strings', () => {
    expect(changeToken('')).toBe('cbf29ce484222325');
    expect(changeToken('a')).toBe('af63dc4c8601ec8c');
    expect(changeToken('foobar')).toBe('85944171f73967e8');
  });

  it('differs for inputs that differ in one character, including beyond latin1', () => {
    const seen = new Set(['refs 1700000000000 12', 'refs 1700000000001 12', 'refs 1700000000000 13', 'ü', 'ǖ', '中', '丬'].map(changeToken));
    expect(seen.size).toBe(7);
  });
});

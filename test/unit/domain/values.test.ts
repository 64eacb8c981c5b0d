import { describe, expect, it } from 'vitest';
import { compareStrings, isDateValue, isIsoDate, isIsoDateTime, isPlainObject, shortId, tokenProblem } from '../../../src/domain/values';

describe('dates', () => {
  it('accepts real calendar days only', () => {
    expect(['2024-02-29', '2000-02-29', '2024-12-31'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-1', '24-01-01', ' 2024-01-01'].some(isIsoDate)).toBe(false);
  });

  it('accepts ISO date-times with optional seconds, fraction and offset', () => {
    const ok = ['2024-01-01T10:00', '2024-01-01T10:00:59Z', '2024-01-01T23:59:59.123456789+05:30', '2024-01-01T00:00:00.000Z'];
    expect(ok.every(isIsoDateTime)).toBe(true);
    const bad = ['2024-01-01T24:00Z', '2024-01-01T10:60Z', '2024-01-01T10:00:60Z', '2024-01-01 10:00', '2024-01-01T10:00+25:00', '2024-02-30T10:00Z'];
    expect(bad.some(isIsoDateTime)).toBe(false);
    expect(isDateValue('2024-01-01')).toBe(true);
    expect(isDateValue(20240101)).toBe(false);
  });
});

describe('small helpers', () => {
  it('shortId, compareStrings, isPlainObject, tokenProblem', () => {
    expect(shortId('0123456789abcdef')).toBe('01234567');
    expect(['b', 'a', 'B', 'é'].sort(compareStrings)).toEqual(['B', 'a', 'b', 'é']);
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect([null, [], new Date(0), 'x'].some(isPlainObject)).toBe(false);
    expect(tokenProblem('label', 'ok "quoted" ✓')).toBeNull();
    expect(tokenProblem('label', ' ')).toMatch(/empty/);
    expect(tokenProblem('label', 'x\t')).toMatch(/whitespace/);
    expect(tokenProblem('label', 'a\u0007b')).toMatch(/control/);
  });
});

/**
 * The text helpers of src/cli: the one escape for user text, cutting to a terminal's width (wide
 * characters and colours counted right), tables that fit, the terminal style, and "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { block, cut, escapeControls, oneLine, table, textWidth } from '../../../src/cli/format';
import { nearest } from '../../../src/cli/nearest';
import { paint, terminalStyle } from '../../../src/cli/style';

describe('escapeControls', () => {
  it('shows every control character, C1 and bidi override as an escape', () => {
    expect(oneLine('a\x1b]52;c;eA==\x07b\nc\td\r\u009b\u202e\x7f')).toBe('a\\u001b]52;c;eA==\\u0007b\\nc\\td\\r\\u009b\\u202e\\u007f');
    expect(block('one\n\ttwo\x1b[2J')).toBe('one\n\ttwo\\u001b[2J');
    expect(oneLine('plain ✓ 漢字 "quotes"')).toBe('plain ✓ 漢字 "quotes"');
  });

  it('keeps colour sequences only when asked (the output guard while colouring)', () => {
    const red = paint({ color: true }, 'red', 'x');
    expect(escapeControls(`${red}\x1b]0;title\x07`, { lines: true, sgr: true })).toBe(`${red}\\u001b]0;title\\u0007`);
    expect(escapeControls(red, { lines: true })).toBe('\\u001b[31mx\\u001b[0m');
  });
});

describe('widths', () => {
  it('count wide characters twice and colours not at all', () => {
    expect(textWidth('漢字ab')).toBe(6);
    expect(textWidth(paint({ color: true }, 'green', 'done'))).toBe(4);
    expect(cut('漢字漢字', 5)).toBe('漢字…');
    expect(cut('short', 10)).toBe('short');
    expect(cut(paint({ color: true }, 'cyan', 'abcdefgh'), 4)).toBe('\x1b[36mabc…\x1b[0m');
  });

  it('a table fits the width: the title is cut, then wide free-text columns', () => {
    const rows = [['1', 'someone with a very long name indeed', 'A title that goes on and on and on']];
    const fitted = table(rows, ['ID', 'WHO', 'TITLE'], { width: 40, color: false }).split('\n');
    for (const line of fitted) expect(textWidth(line)).toBeLessThanOrEqual(40);
    expect(fitted[1]).toBe('1   someone with a very lon…  A title t…');
    expect(table(rows, ['ID', 'WHO', 'TITLE'])).toContain('A title that goes on and on and on');
  });
});

describe('terminalStyle', () => {
  it('a pipe is plain; a terminal has its width and colour unless NO_COLOR or TERM=dumb', () => {
    expect(terminalStyle({ isTTY: false, columns: 100 }, {})).toEqual({ color: false });
    expect(terminalStyle({ isTTY: true, columns: 100 }, {})).toEqual({ width: 100, color: true });
    expect(terminalStyle({ isTTY: true, columns: 100 }, { NO_COLOR: '1' })).toEqual({ width: 100, color: false });
    expect(terminalStyle({ isTTY: true, columns: 100 }, { NO_COLOR: '' }).color).toBe(true);
    expect(terminalStyle({ isTTY: true }, { TERM: 'dumb' })).toEqual({ width: 80, color: false });
  });
});

describe('nearest', () => {
  it('finds a transposition, a missing letter, a prefix; nothing far away', () => {
    const words = ['list', 'show', 'new', 'next', 'config', 'log', 'rm'];
    expect(nearest('lsit', words)).toEqual(['list']);
    expect(nearest('conf', words)).toEqual(['config']);
    expect(nearest('nex', words)).toEqual(['next']);
    expect(nearest('deploy', words)).toEqual([]);
  });
});

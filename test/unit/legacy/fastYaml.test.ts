/**
 * fastYaml against the yaml library: on every document it accepts, it must give exactly what
 * YAML.parse gives (core schema), and it must decline every document the library refuses. Checked
 * on the fixtures, the real corpus when present, the documents an export writes, tricky snippets,
 * and thousands of random one-character mutations of those.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderLegacyFile } from '../../../src/core/export/exportLegacy';
import { fastYaml } from '../../../src/legacy/fastYaml';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/legacy-samples/.milestones');

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).sort();
}

/** fastYaml's answer must be the library's, or none. Returns whether fastYaml answered. */
function agree(text: string): boolean {
  const fast = fastYaml(text);
  let slow: unknown;
  try {
    slow = YAML.parse(text);
  } catch {
    expect(fast, `fastYaml accepted what yaml refuses:\n${text}`).toBeUndefined();
    return false;
  }
  if (fast !== undefined) expect(fast, text).toEqual(slow);
  return fast !== undefined;
}

const texts = [...yamlFiles(path.join(ROOT, 'fixtures/legacy')), ...yamlFiles(CORPUS)].map((f) => fs.readFileSync(f, 'utf8'));

describe('fastYaml', () => {
  it('reads the fixtures and the corpus as the yaml library does, all on the fast path but the broken file', () => {
    expect(texts.length).toBeGreaterThan(8);
    const fast = texts.filter(agree).length;
    expect(fast).toBe(texts.length - 1);
  });

  it('reads what an export writes on the fast path, and agrees on folded long lines', () => {
    for (const t of texts) {
      let doc: unknown;
      try {
        doc = YAML.parse(t);
      } catch {
        continue;
      }
      expect(agree(renderLegacyFile({ file: 'x.yaml', kind: 'yaml', value: doc as never }))).toBe(true);
      agree(YAML.stringify(doc));
    }
  });

  it.each([
    ['a: 1\nb: -2\nc: 0.5\nd: -0.25\ne: 1.10', true],
    ['a: true\nb: False\nc: NULL\nd: ~\ne:\nf: yes\ng: off', true],
    ['a: "x\\"y\\\\z\\n\\t\\u00e9"\nb: \'it\'\'s\'\nc: "# not a comment" # a comment', true],
    ['a: [1, "two", \'three\', true, null, 2024-07-15]\nb: []\nc: {}', true],
    ['a:\n- x\n- y\nb:\n  - c: 1\n    d: [2]\n  -\n  - - nested', true],
    ['a: http://x.org/a#b\nb: value #comment\nc: 2024-07-15\nd: 1_000\ne: 0b101', true],
    ['a: 007', false], ['a: +5', false], ['a: 1e3', false], ['a: .5', false], ['a: 0x1F', false], ['a: .inf', false],
    ['a: |\n  text', false], ['a: >\n  folded', false], ['a: &x 1\nb: *x', false], ['a: !!str 1', false],
    ['a: {b: 1}', false], ['a: [1,\n  2]', false], ['a: "multi\n  line"', false], ['a: plain\n  continued', false],
    ['a: 1\na: 2', false], ['"quoted key": 1', false], ['? complex\n: key', false], ['---\na: 1', false],
    ['a:\tb', false], ['a: "\\x41"', false], ['a: b: c', false], ['- a\n b', false], ['x', false], ['', false],
    ['__proto__: 1', false], ['true: 1', false], ['a: [b, [c]]', false], ['a: [b,]', false],
  ])('%j → fast path: %s', (text, fast) => {
    expect(agree(text)).toBe(fast);
  });

  it('never disagrees with the library on random one-character mutations', () => {
    let seed = 11;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const alphabet = [' ', '\n', '-', ':', '#', '"', "'", '[', ']', ',', '{', '}', '0', '1', '.', 'a', '\\', '&', '*', '!', '|', '>', 'e', '+'];
    let accepted = 0;
    for (const base of texts) {
      for (let i = 0; i < 300; i++) {
        const at = rnd(base.length);
        const text = rnd(2) === 0 ? base.slice(0, at) + base.slice(at + 1) : base.slice(0, at) + alphabet[rnd(alphabet.length)] + base.slice(at);
        if (agree(text)) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(texts.length * 100);
  });
});

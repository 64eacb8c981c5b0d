/** The plain-JS sha256 of the commit-msg hook agrees with node:crypto. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/domain/sha256';
import { commitLinkEvent, parseNote, eventLine } from '../../../src/domain/commitLink';
import { canonicalJson } from '../../../src/domain/canonical';

describe('sha256Hex', () => {
  it('matches node:crypto on block boundaries and multi-byte text', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(1000), 'héllo ✓ 漢字 🎉'.repeat(9)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('commit-link events', () => {
  it('id is the sha256 of the other fields; a note line round-trips; foreign lines are skipped', () => {
    const e = commitLinkEvent({ milestone: 'm'.repeat(64), task: null, branch: 'b', at: '2026-01-01T00:00:00.000Z' });
    const { id, ...rest } = e;
    expect(id).toBe(createHash('sha256').update(canonicalJson(rest)).digest('hex'));
    expect(parseNote(`hand-written note\n\n${eventLine(e)}\n{"type":"other"}\n`)).toEqual([e]);
  });
});

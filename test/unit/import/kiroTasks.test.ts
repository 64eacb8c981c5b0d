/**
 * The Kiro / cc-sdd tasks.md grammar (../shared/corpus/SOURCES.md) on small fixtures written here,
 * and the write-back patch that moves only the changed checkbox characters.
 */
import { describe, expect, it } from 'vitest';
import { parseKiroTasks } from '../../../src/import/kiro/parseTasks';
import { requirementLinks } from '../../../src/import/kiro/requirements';
import { applyEdits, statusEdit } from '../../../src/import/writeBack';
import { statusOfChar } from '../../../src/import/text';

const KIRO = [
  '# Implementation Plan',
  '',
  '- [x] 1. Set up structure',
  '- [X] 1.1 Create folders',
  '  - Create `src/`',
  '  - _Requirements: 1.1, 2.3-2.5_',
  '- [-] 1.2 Wire things',
  '- [~] 2. Blocked work',
  '  - [ ]* 2.1 Optional property test',
  '    - **Property 1: contrast holds**',
  '    - **Validates: Requirements 1.6**',
  '- [ ] 2.2 (P) Parallel one',
  '- [ ] 2.3 Wrapped trace',
  '  - _Requirements: 4.1,',
  '    4.2_',
  '',
].join('\r\n');

const byId = (text: string) => new Map(parseKiroTasks('tasks.md', text).tasks.map((t) => [t.sourceId, t]));

describe('Kiro tasks.md', () => {
  it('reads states, optional stars, numbers as the tree (not indentation), details and traces', () => {
    const t = byId(KIRO);
    expect([...t.keys()]).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3']);
    expect(['1', '1.1', '1.2', '2', '2.1'].map((id) => t.get(id)!.status)).toEqual(['completed', 'completed', 'in_progress', 'blocked', 'pending']);
    expect(t.get('1.1')).toMatchObject({ parent: '1', requirements: ['1.1', '2.3', '2.4', '2.5'], details: expect.stringContaining('Create `src/`') });
    expect(t.get('2.1')).toMatchObject({ parent: '2', optional: true, requirements: ['1.6'], fields: { properties: ['Property 1: contrast holds'] } });
    expect(t.get('2.2')).toMatchObject({ parallel: true, deps: [], title: 'Parallel one' });
    expect(t.get('2.3')).toMatchObject({ deps: ['2.2'], requirements: ['4.1', '4.2'] });
    expect(t.get('1.2')!.deps).toEqual(['1.1']);
    expect(t.get('2')!.deps).toEqual(['1']);
  });

  it('takes headings as tasks, bold and T-prefixed numbers, and unnumbered boxes under their heading', () => {
    const t = byId([
      '## Task 1: Runtime model', '**Objective**: do it', '### Work items', '- [x] write the model', '- [x] test it',
      '## T2 — Loader', '- [ ] **T2.1** Parse packs', '- [x] **2.2. Bold whole title**', '## Requirements Coverage', '- [ ] not a task?',
    ].join('\n'));
    expect(t.get('1')).toMatchObject({ title: 'Runtime model', status: 'completed', details: expect.stringContaining('Objective') });
    expect(t.get('1#1')).toMatchObject({ parent: '1', status: 'completed', title: 'write the model' });
    expect(t.get('T2.1')).toMatchObject({ parent: 'T2', title: 'Parse packs' });
    expect(t.get('2.2')).toMatchObject({ title: 'Bold whole title', status: 'completed' });
    expect(t.get('#1')).toMatchObject({ parent: null, title: 'not a task?' });
  });

  it('expands requirement ranges and keeps free text', () => {
    expect(requirementLinks('_Requirements: 4.1–4.3, REQ-2.1, All_')).toEqual(['4.1', '4.2', '4.3', 'REQ-2.1', 'All']);
    expect(requirementLinks('_Reqs: 1-3_')).toEqual(['1', '2', '3']);
  });

  it('writes back only the changed box characters; CRLF and every other byte stay', () => {
    const tasks = parseKiroTasks('tasks.md', KIRO).tasks;
    const want: Record<string, 'completed' | 'pending'> = { '2.1': 'completed', '1.1': 'completed', '2.3': 'completed', '1': 'pending' };
    const edits = tasks.flatMap((t) => {
      const e = want[t.sourceId] ? statusEdit('kiro', t.mark, want[t.sourceId], statusOfChar) : null;
      return e ? [e] : [];
    });
    expect(edits).toHaveLength(3);
    const out = applyEdits(KIRO, edits);
    const diff = KIRO.split('\n').map((l, i) => [l, out.split('\n')[i]]).filter(([a, b]) => a !== b);
    expect(diff).toEqual([
      ['- [x] 1. Set up structure\r', '- [ ] 1. Set up structure\r'],
      ['  - [ ]* 2.1 Optional property test\r', '  - [x]* 2.1 Optional property test\r'],
      ['- [ ] 2.3 Wrapped trace\r', '- [x] 2.3 Wrapped trace\r'],
    ]);
    expect(applyEdits(KIRO, [])).toBe(KIRO);
  });

  it('takes a box that repeats the number of the heading over it as that heading task\'s state, not a second task', () => {
    const text = ['## 4. Build', '- [x] 4.1 Do it', '', '## 5. Checkpoint', '', '- [ ] 5. Run the gate', '## 6. Next', '- [ ] 6.1 More'].join('\n');
    const { tasks, problems } = parseKiroTasks('tasks.md', text);
    expect(problems).toEqual([]);
    expect(tasks.map((t) => t.sourceId)).toEqual(['4', '4.1', '5', '6', '6.1']);
    const five = tasks[2];
    expect(five).toMatchObject({ title: 'Checkpoint', status: 'pending', details: 'Run the gate', mark: { kind: 'checkbox', line: 6 } });
    expect(tasks[3].deps).toEqual(['5']);
    const e = statusEdit('kiro', five.mark, 'completed', statusOfChar)!;
    expect(applyEdits(text, [e])).toBe(text.replace('- [ ] 5.', '- [x] 5.'));
  });
});

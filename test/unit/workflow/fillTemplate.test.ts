import { describe, expect, it } from 'vitest';
import { fillTemplate, variablesIn } from '../../../src/domain/template/fillTemplate';

describe('fillTemplate', () => {
  const t = { title: 'Release {{version}}', tasks: [{ key: 'a', title: 'Ship {{ version }} to {{channel}}', n: 3 }] };

  it('fills every string, deep, from given values then defaults', () => {
    expect(fillTemplate(t, { version: '2.1' }, { channel: 'stable' }).value)
      .toEqual({ title: 'Release 2.1', tasks: [{ key: 'a', title: 'Ship 2.1 to stable', n: 3 }] });
    expect(fillTemplate(t, { version: '2.1', channel: 'beta' }, { channel: 'stable' }).value.tasks[0].title).toBe('Ship 2.1 to beta');
  });

  it('reports every missing variable and every unused given one, and fills nothing then', () => {
    expect(fillTemplate(t, {})).toEqual({ value: t, missing: ['version', 'channel'], unknown: [] });
    expect(fillTemplate(t, { version: '1', channel: 'x', colour: 'red' })).toMatchObject({ value: t, missing: [], unknown: ['colour'] });
    expect([...variablesIn(t)]).toEqual(['version', 'channel']);
  });

  it('a value is inserted verbatim, never re-expanded', () => {
    expect(fillTemplate({ title: '{{a}}' }, { a: '{{b}} $& $1' }).value.title).toBe('{{b}} $& $1');
  });
});

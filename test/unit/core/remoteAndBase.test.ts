/**
 * Two more use cases against the in-memory doubles: which base `branch cleanup` compares with, and
 * `remote setup`'s planning of refspecs (idempotent, credentials masked), plus the notes.rewriteRef
 * bookkeeping of `hooks install`/`uninstall`. No git is started.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanupBase } from '../../../src/core/branch/branchGit';
import { gitSettingsFrom } from '../../../src/core/git/gitSettings';
import { disableNotesRewrite, enableNotesRewrite } from '../../../src/core/hooks/notesRewrite';
import { fetchRefspecs, PUSH_REFSPECS } from '../../../src/core/sync/remoteLayout';
import { setupRemote } from '../../../src/core/sync/setupRemote';
import { MilestoneError } from '../../../src/errors/MilestoneError';
import { memoryContext, type MemoryContext } from '../../helpers/memoryContext';

let m: MemoryContext;
beforeEach(() => {
  m = memoryContext({ config: { 'remote.origin.url': ['https://ada:hunter22@example.com/repo.git'] } });
});
afterEach(() => m.cleanup());

const settings = gitSettingsFrom(() => undefined);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as MilestoneError).code;
  }
  return null;
};

describe('cleanupBase', () => {
  it('is the checked-out branch unless that is a milestone branch; then the default branch', async () => {
    const init = await m.commit('init');
    expect(cleanupBase(m.ctx, settings)).toEqual({ branch: 'main', commit: init });
    m.git.checkout('milestone/1a2b3c4d-parser', { create: true });
    const work = await m.commit('work');
    m.refs.force('refs/heads/trunk', init);
    m.git.symbolic.set('refs/remotes/origin/HEAD', 'origin/trunk');
    expect(cleanupBase(m.ctx, settings)).toEqual({ branch: 'trunk', commit: init });
    m.git.symbolic.clear();
    expect(cleanupBase(m.ctx, settings)).toEqual({ branch: 'main', commit: init });
    expect(cleanupBase(m.ctx, settings, work)).toEqual({ branch: null, commit: work });
  });

  it('says what to do when there is no base to compare with', async () => {
    m.git.head = { branch: 'milestone/1a2b3c4d-parser' };
    await m.commit('only');
    expect(code(() => cleanupBase(m.ctx, settings))).toBe('USAGE');
    expect(code(() => cleanupBase(m.ctx, settings, 'no-such-branch'))).toBe('NOT_FOUND');
  });
});

describe('setupRemote', () => {
  it('adds the milestone refspecs once and masks the URL password', async () => {
    const first = await setupRemote(m.ctx, { withPush: true });
    expect(first.url).toBe('https://ada:***@example.com/repo.git');
    expect(first.fetch.added).toEqual(fetchRefspecs('origin'));
    expect(m.git.configGetAll('remote.origin.push')).toEqual(['HEAD', ...PUSH_REFSPECS]);
    const again = await setupRemote(m.ctx, { withPush: true });
    expect([again.fetch.added, again.push?.added]).toEqual([[], []]);
    expect(m.git.configGetAll('remote.origin.fetch')).toEqual(fetchRefspecs('origin'));
  });

  it('refuses a remote that does not exist, writing nothing', async () => {
    const e = await setupRemote(m.ctx, { remote: 'upstream' }).catch((x: unknown) => x as MilestoneError);
    expect((e as MilestoneError).code).toBe('NOT_FOUND');
    expect(m.git.log).toEqual([]);
  });
});

describe('notes.rewriteRef bookkeeping', () => {
  it('removes on uninstall only the value install added', () => {
    expect(enableNotesRewrite(m.ctx)).toBe(true);
    expect(m.git.configGetAll('notes.rewriteRef')).toEqual(['refs/notes/milestones']);
    expect(disableNotesRewrite(m.ctx)).toBe(true);
    expect(m.git.configGetAll('notes.rewriteRef')).toEqual([]);
    m.git.configAdd('notes.rewriteRef', 'refs/notes/*');
    expect(enableNotesRewrite(m.ctx)).toBe(false);
    expect(disableNotesRewrite(m.ctx)).toBe(false);
    expect(m.git.configGetAll('notes.rewriteRef')).toEqual(['refs/notes/*']);
  });
});

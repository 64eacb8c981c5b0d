/**
 * The session use cases on the in-memory doubles: start, checkpoint (the stash commit attached to
 * the entity commit, never followed as entity history), heartbeats written at most every third of
 * the timeout, status moves (an ended session stays ended), crash detection (process gone, heartbeat
 * lapsed), cleanup, and resume (branch, stash, a dirty work tree refused). No git is started.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTask } from '../../../../src/core/addTask';
import { createMilestone } from '../../../../src/core/createMilestone';
import { checkpointSession } from '../../../../src/core/session/checkpointSession';
import { cleanupSessions } from '../../../../src/core/session/cleanupSessions';
import { currentSession } from '../../../../src/core/session/currentSession';
import { heartbeatSession } from '../../../../src/core/session/heartbeatSession';
import { listSessions } from '../../../../src/core/session/listSessions';
import { resumeSession } from '../../../../src/core/session/resumeSession';
import { sessionStore } from '../../../../src/core/session/sessionAccess';
import { setSessionStatus } from '../../../../src/core/session/setSessionStatus';
import { showSession } from '../../../../src/core/session/showSession';
import { startSession } from '../../../../src/core/session/startSession';
import { updateTask } from '../../../../src/core/updateTask';
import { memoryContext, type MemoryContext } from '../../../helpers/memoryContext';

let m: MemoryContext;
let milestone: string;
let tasks: string[];
beforeEach(async () => {
  m = memoryContext();
  await m.commit('init');
  milestone = (await createMilestone(m.ctx, { title: 'Parser' })).id;
  const a = await addTask(m.ctx, { milestone, title: 'Tokenizer' });
  const b = await addTask(m.ctx, { milestone, title: 'Parser', dependsOn: [a.id] });
  const c = await addTask(m.ctx, { milestone, title: 'Docs' });
  tasks = [a.id, b.id, c.id];
});
afterEach(() => m.cleanup());

const deadPid = () => spawnSync('true').pid as number;
const at = (iso: string) => {
  const t = Date.parse(iso);
  m.env.clock = () => new Date(t);
};

describe('sessions', () => {
  it('start records owner, host and process; show and list return the view', async () => {
    const s = await startSession(m.ctx, { milestone: milestone.slice(0, 8), pid: process.pid, host: require('node:os').hostname() });
    expect(s).toMatchObject({ milestone, status: 'active', owner: { name: 'Ada', email: 'ada@example.com', pid: process.pid }, checkpoints: 0 });
    expect(await showSession(m.ctx, { session: s.id.slice(0, 6) })).toEqual(s);
    expect((await listSessions(m.ctx, { milestone })).map((v) => v.id)).toEqual([s.id]);
    expect(await currentSession(m.ctx)).toBe(s.id);
  });

  it('a checkpoint records branch, HEAD, tasks in progress with phases, next tasks and the saved changes', async () => {
    const s = await startSession(m.ctx, { milestone, pid: process.pid });
    await updateTask(m.ctx, { task: tasks[0], status: 'in_progress' });
    m.git.trees.mainChanges['src/a.ts'] = 'half done';
    const cp = await checkpointSession(m.ctx, { session: s.id, message: 'half' });
    expect(cp).toMatchObject({ message: 'half', branch: 'main', head: m.git.revParse('HEAD'), worktree: m.ctx.repo.workTree });
    expect(cp.tasks).toEqual([{ task: tasks[0] }]);
    expect(cp.next).toEqual([tasks[2]]);
    expect(cp.stash).toMatch(/^[0-9a-f]{40}$/);
    expect(m.git.trees.mainChanges).toEqual({ 'src/a.ts': 'half done' }); // the work tree is untouched
    // The stash commit is an attachment: a parent of the entity commit that history does not follow.
    const store = sessionStore(m.ctx);
    const tip = await m.refs.read(store.ref(s.id));
    expect((await m.objects.readCommit(tip as string)).parents).toContain(cp.stash);
    const h = await store.history(s.id);
    expect(h.commits.map((c) => c.ops[0]?.op.type)).toEqual(['session.create', 'session.checkpoint']);
    expect((await showSession(m.ctx, { session: s.id })).lastCheckpoint).toEqual(cp);
    // Explicit tasks and next (what execute passes) are taken as given; a clean tree saves nothing.
    m.git.trees.mainChanges = {};
    const cp2 = await checkpointSession(m.ctx, { session: s.id, tasks: [{ task: tasks[1], phase: 'spec' }], next: [] });
    expect(cp2).toMatchObject({ tasks: [{ task: tasks[1], phase: 'spec' }], next: [], stash: null });
  });

  it('heartbeats are written at most every third of the timeout', async () => {
    const s = await startSession(m.ctx, { milestone, pid: process.pid });
    at('2025-01-01T00:01:00.000Z');
    expect((await heartbeatSession(m.ctx, { session: s.id, timeoutMs: 15 * 60_000 })).written).toBe(false);
    at('2025-01-01T00:06:00.000Z');
    const beat = await heartbeatSession(m.ctx, { session: s.id, timeoutMs: 15 * 60_000 });
    expect(beat).toMatchObject({ written: true, heartbeatAt: '2025-01-01T00:06:00.000Z' });
    for (let i = 0; i < 5; i++) await heartbeatSession(m.ctx, { session: s.id, timeoutMs: 15 * 60_000 });
    expect((await sessionStore(m.ctx).history(s.id)).ops).toHaveLength(2);
  });

  it('is crashed when its process is gone or its heartbeat lapsed; cleanup records it', async () => {
    const gone = await startSession(m.ctx, { milestone, pid: deadPid() });
    const alive = await startSession(m.ctx, { milestone, pid: process.pid });
    const far = await startSession(m.ctx, { milestone, pid: 1, host: 'elsewhere.example' });
    expect(gone).toMatchObject({ status: 'crashed', crashReason: 'process gone' });
    expect(alive.status).toBe('active');
    expect((await showSession(m.ctx, { session: far.id, timeoutMs: 60_000 })).status).toBe('active');
    at('2025-01-01T01:00:00.000Z');
    expect(await showSession(m.ctx, { session: far.id, timeoutMs: 60_000 })).toMatchObject({ status: 'crashed', crashReason: 'heartbeat lapsed' });
    const r = await cleanupSessions(m.ctx, { timeoutMs: 24 * 3600_000 });
    expect(r.crashed.map((v) => v.id)).toEqual([gone.id]);
    expect((await sessionStore(m.ctx).read(gone.id)).state.status).toBe('crashed');
    expect((await sessionStore(m.ctx).read(alive.id)).state.status).toBe('active');
  });

  it('pause, resume and end; an ended session stays ended', async () => {
    const s = await startSession(m.ctx, { milestone, pid: process.pid });
    expect((await setSessionStatus(m.ctx, { session: s.id, status: 'paused' })).status).toBe('paused');
    await expect(setSessionStatus(m.ctx, { session: s.id, status: 'paused' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const done = await setSessionStatus(m.ctx, { session: s.id, status: 'completed' });
    expect(done.endedAt).toBeDefined();
    await expect(setSessionStatus(m.ctx, { session: s.id, status: 'active' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(checkpointSession(m.ctx, { session: s.id, tasks: [], next: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(resumeSession(m.ctx, { session: s.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await listSessions(m.ctx, { active: true })).toEqual([]);
  });

  it('resume restores the branch and the saved changes, takes the session over, and says what is next', async () => {
    const s = await startSession(m.ctx, { milestone, pid: deadPid() });
    m.git.checkout('milestone/work', { create: true });
    const head = await m.commit('work');
    m.git.trees.mainChanges['notes.md'] = 'draft';
    const cp = await checkpointSession(m.ctx, { session: s.id });
    // Elsewhere the work tree moved on: another branch, no changes.
    m.git.trees.mainChanges = {};
    m.git.checkout('main', { create: false });
    m.refs.force('refs/heads/milestone/work', null);
    const r = await resumeSession(m.ctx, { session: s.id, pid: process.pid });
    expect(r).toMatchObject({ branch: 'milestone/work', head, restored: true, next: cp.next });
    expect(m.git.symbolicRef('HEAD')).toBe('milestone/work');
    expect(m.git.revParse('HEAD')).toBe(head);
    expect(m.git.trees.mainChanges).toEqual({ 'notes.md': 'draft' });
    expect(r.session).toMatchObject({ status: 'active', owner: { pid: process.pid } });
    // A dirty work tree is refused before anything moves.
    m.git.checkout('main', { create: false });
    await expect(resumeSession(m.ctx, { session: s.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(m.git.symbolicRef('HEAD')).toBe('main');
  });
});

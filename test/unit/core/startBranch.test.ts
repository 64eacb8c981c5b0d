/**
 * `branch start` against the in-memory doubles (no git started): the branch name, the checkout,
 * the status moves, and that a checkout git refuses leaves no link and no status change behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTask } from '../../../src/core/addTask';
import { startBranch } from '../../../src/core/branch/startBranch';
import { createMilestone } from '../../../src/core/createMilestone';
import { readLink } from '../../../src/core/git/branchLinks';
import { gitSettingsFrom, type GitSettings } from '../../../src/core/git/gitSettings';
import { readMilestone } from '../../../src/core/milestoneAccess';
import { MilestoneError } from '../../../src/errors/MilestoneError';
import { memoryContext, type MemoryContext } from '../../helpers/memoryContext';

let m: MemoryContext;
let milestone: string;
let task: string;
const settings = (values: Record<string, unknown> = {}): GitSettings => gitSettingsFrom((k) => values[k]);

beforeEach(async () => {
  m = memoryContext();
  await m.commit('init');
  milestone = (await createMilestone(m.ctx, { title: 'Parser rewrite' })).id;
  task = (await addTask(m.ctx, { milestone, title: 'Write the lexer' })).id;
});
afterEach(() => m.cleanup());

describe('startBranch on the memory doubles', () => {
  it('creates the task branch from branch_prefix at HEAD, checks it out and starts the work', async () => {
    const head = m.git.revParse('HEAD');
    const r = await startBranch(m.ctx, { target: task.slice(0, 8), settings: settings({ branch_prefix: 'work/' }) });
    expect(r).toMatchObject({ branch: `work/${task.slice(0, 8)}-write-the-lexer`, created: true, taskStatus: 'in_progress', milestoneStatus: 'in_progress' });
    expect(m.git.log).toEqual([`checkout -b ${r.branch}`]);
    expect(m.git.symbolicRef('HEAD')).toBe(r.branch);
    expect(await m.refs.read(`refs/heads/${r.branch}`)).toBe(head);
    expect(readLink(m.ctx.repo.commonDir, r.branch)).toMatchObject({ milestone, task, start: head });
  });

  it('checks out a branch that exists instead of creating it', async () => {
    const first = await startBranch(m.ctx, { target: task, settings: settings() });
    m.git.head = { branch: 'main' };
    const again = await startBranch(m.ctx, { target: task, settings: settings() });
    expect(again).toMatchObject({ branch: first.branch, created: false });
    expect(m.git.log).toEqual([`checkout -b ${first.branch}`, `checkout ${first.branch}`]);
  });

  it('a refused checkout removes the new link and changes no status', async () => {
    m.git.refuse('checkout', 'Your local changes would be overwritten by checkout');
    const e = await startBranch(m.ctx, { target: task, settings: settings() }).catch((x: unknown) => x as MilestoneError);
    expect(e).toBeInstanceOf(MilestoneError);
    expect((e as MilestoneError).code).toBe('GIT_FAILED');
    const state = await readMilestone(m.ctx, milestone);
    expect([state.status, state.tasks[0].status]).toEqual(['planned', 'pending']);
    expect(readLink(m.ctx.repo.commonDir, `milestone/${task.slice(0, 8)}-write-the-lexer`)).toBeNull();
    expect(m.git.symbolicRef('HEAD')).toBe('main');
  });

  it('refuses a branch name git would refuse, before touching anything', async () => {
    const e = await startBranch(m.ctx, { target: task, settings: settings({ branch_prefix: 'bad..prefix/' }) }).catch((x: unknown) => x as MilestoneError);
    expect((e as MilestoneError).code).toBe('CONFIG_INVALID');
    expect(m.git.log).toEqual([]);
  });

  it('single_branch_mode puts a task on its milestone branch', async () => {
    const r = await startBranch(m.ctx, { target: task, settings: settings({ 'git_integration.single_branch_mode': true }) });
    expect(r).toMatchObject({ branch: `milestone/${milestone.slice(0, 8)}-parser-rewrite`, singleBranch: true, task });
  });
});

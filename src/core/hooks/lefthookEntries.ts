/**
 * git-milestone's entry in lefthook's config: a command named `git-milestone` under each hook,
 * with `priority: 1` so that, run in sequence, it goes first (commit-msg formats the message before
 * a commitlint command checks it). A hook written with `jobs:` gets a job of that name at the top
 * instead. lefthook passes git's arguments through `{0}`. The file is edited as a YAML document, so
 * comments and the rest of it stay as they were; `hooks uninstall` removes our entries, and a hook
 * or `commands:` left empty by that.
 */
import * as fs from 'node:fs';
import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { MilestoneError } from '../../errors/MilestoneError';
import type { HookName } from './hookFiles';
import { MANAGED_NAME, managedCommand } from './hookRunners';

type Yaml = typeof import('yaml');
const yaml = () => require('yaml') as Yaml;
const entryRun = (hook: HookName) => managedCommand(hook, ['pre-commit', 'post-commit'].includes(hook) ? '' : '{0}');

function load(file: string): Document {
  const doc = yaml().parseDocument(fs.readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) {
    throw new MilestoneError('INVALID_INPUT', `${file}: ${doc.errors[0].message.split('\n')[0]}`, {
      hint: "Fix lefthook's config first; it was left as it was.",
    });
  }
  return doc;
}

function jobs(doc: Document, hook: HookName): YAMLSeq | null {
  const j = doc.getIn([hook, 'jobs']);
  return yaml().isSeq(j) ? j : null;
}

const isOurJob = (item: unknown) => yaml().isMap(item) && (item as YAMLMap).get('name') === MANAGED_NAME;

/** The run line of our entry for a hook, or null when there is none. */
function ourRun(doc: Document, hook: HookName): string | null {
  const job = jobs(doc, hook)?.items.find(isOurJob) as YAMLMap | undefined;
  const run = job ? job.get('run') : doc.getIn([hook, 'commands', MANAGED_NAME, 'run']);
  return typeof run === 'string' ? run : null;
}

export function hasLefthookEntry(file: string, hook: HookName): boolean {
  try {
    return ourRun(load(file), hook) !== null;
  } catch {
    return false;
  }
}

/** Adds (or refreshes) our entry under every hook; writes the file only when something changed. */
export function addLefthookEntries(file: string, hooks: readonly HookName[]): Record<string, 'added' | 'updated' | 'unchanged'> {
  const doc = load(file);
  if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  const out: Record<string, 'added' | 'updated' | 'unchanged'> = {};
  for (const hook of hooks) {
    const run = entryRun(hook);
    const had = ourRun(doc, hook);
    out[hook] = had === run ? 'unchanged' : had === null ? 'added' : 'updated';
    if (had === run) continue;
    const seq = jobs(doc, hook);
    if (seq) {
      seq.items = seq.items.filter((i) => !isOurJob(i));
      seq.items.unshift(doc.createNode({ name: MANAGED_NAME, run }));
    } else {
      if (!yaml().isMap(doc.get(hook))) doc.set(hook, doc.createNode({}));
      doc.setIn([hook, 'commands', MANAGED_NAME], doc.createNode({ priority: 1, run }));
    }
  }
  if (Object.values(out).some((a) => a !== 'unchanged')) fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return out;
}

/** Removes our entries; returns the hooks that had one. */
export function removeLefthookEntries(file: string, hooks: readonly HookName[]): HookName[] {
  const doc = load(file);
  const removed: HookName[] = [];
  for (const hook of hooks) {
    if (ourRun(doc, hook) === null) continue;
    removed.push(hook);
    const seq = jobs(doc, hook);
    if (seq) {
      seq.items = seq.items.filter((i) => !isOurJob(i));
      if (seq.items.length === 0) doc.deleteIn([hook, 'jobs']);
    } else {
      doc.deleteIn([hook, 'commands', MANAGED_NAME]);
      const commands = doc.getIn([hook, 'commands']);
      if (yaml().isMap(commands) && commands.items.length === 0) doc.deleteIn([hook, 'commands']);
    }
    const rest = doc.get(hook);
    if (yaml().isMap(rest) && rest.items.length === 0) doc.delete(hook);
  }
  if (removed.length > 0) fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return removed;
}

/**
 * Keeps commit links through amends and rebases: `hooks install` adds `refs/notes/milestones` to the
 * repository's `notes.rewriteRef`, so git itself copies a commit's note to the commit that replaces
 * it (`git commit --amend`, `git rebase`; notes.rewrite.* default to on) while our hooks stand aside.
 * Whether install added the value is remembered in `<git-common-dir>/milestones/hooks.json`, so
 * `hooks uninstall` removes exactly what it added and leaves a value the user set alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOTES_REF } from '../../domain/commitLink';
import type { Context } from '../context';

const stateFile = (ctx: Context) => path.join(ctx.dataDir, 'hooks.json');

function rewriteRefs(ctx: Context): string[] {
  return ctx.git.configGetAll('notes.rewriteRef', { local: true });
}

/** Adds the notes ref to notes.rewriteRef unless some value already covers it. */
export function enableNotesRewrite(ctx: Context): boolean {
  if (rewriteRefs(ctx).some((v) => v === NOTES_REF || v === 'refs/notes/*')) return false;
  try {
    ctx.git.configAdd('notes.rewriteRef', NOTES_REF, { local: true });
  } catch {
    return false;
  }
  fs.mkdirSync(ctx.dataDir, { recursive: true });
  fs.writeFileSync(stateFile(ctx), `${JSON.stringify({ addedRewriteRef: true })}\n`);
  return true;
}

/** Removes the value install added (and only that). */
export function disableNotesRewrite(ctx: Context): boolean {
  let added = false;
  try {
    added = (JSON.parse(fs.readFileSync(stateFile(ctx), 'utf8')) as { addedRewriteRef?: boolean }).addedRewriteRef === true;
  } catch {
    return false;
  }
  fs.rmSync(stateFile(ctx), { force: true });
  if (!added || !rewriteRefs(ctx).includes(NOTES_REF)) return false;
  return ctx.git.configUnset('notes.rewriteRef', `^${NOTES_REF}$`, { local: true });
}

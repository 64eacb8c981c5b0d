# git-milestone: the work behind every hook shim (hooks/shim.sh sources this file with the hook's own
# arguments and sets gm_hook, gm_pkg, gm_node, gm_status). Only sh builtins decide whether there is
# anything to do, so a commit on an ordinary branch starts no node process, and one on a milestone
# branch starts exactly one (commit-msg); see "Hooks" in docs/architecture.md for the budget.
# Every path ends with `exit "$gm_status"`: the kept hook's status for post-* hooks, 0 otherwise.

# This worktree's git dir. git exports GIT_DIR to hooks except in a checkout with a plain .git
# directory, where hooks run at the top of the work tree; commit-msg's file lives in the git dir.
gm_gd=${GIT_DIR:-.git}
case $gm_hook in prepare-commit-msg | commit-msg) case ${1:-} in */*) gm_gd=${1%/*} ;; esac ;; esac
[ -f "$gm_gd/HEAD" ] || gm_gd=$(git rev-parse --git-dir 2>/dev/null) || exit "$gm_status"

# Stand aside while git replays or searches history.
for gm_f in rebase-merge rebase-apply CHERRY_PICK_HEAD REVERT_HEAD BISECT_LOG; do
  [ -e "$gm_gd/$gm_f" ] && exit "$gm_status"
done
case ${GIT_REFLOG_ACTION:-} in rebase* | cherry-pick* | revert*) exit "$gm_status" ;; esac

gm_cd=$gm_gd
if [ -f "$gm_gd/commondir" ]; then
  IFS= read -r gm_c <"$gm_gd/commondir"
  case $gm_c in /*) gm_cd=$gm_c ;; *) gm_cd=$gm_gd/$gm_c ;; esac
fi
gm_links=$gm_cd/milestones/branches
gm_branch=
gm_head=
IFS= read -r gm_head <"$gm_gd/HEAD"
case $gm_head in 'ref: refs/heads/'*) gm_branch=${gm_head#ref: refs/heads/} ;; esac

# gm_js NAME: sets gm_run to the hook's script; false when it or node cannot be found.
gm_js() {
  gm_run=$gm_pkg/dist/hooks/$1.bundle.js
  [ -f "$gm_run" ] || gm_run=$gm_pkg/dist/hooks/$1.js
  [ -f "$gm_run" ] || return 1
  [ -x "$gm_node" ] || gm_node=node
  command -v "$gm_node" >/dev/null 2>&1
}

case $gm_hook in
  pre-commit)
    # Only a commit that stages a settings, workflow or template file is checked: nothing to look at
    # without .milestones/ in the work tree (hooks run at its top), else one git diff, and node only
    # for a hit. (A deleted folder's files are deletions, which are not checked.)
    [ -d .milestones ] || exit "$gm_status"
    gm_x=$(git diff --cached --name-only --diff-filter=ACMR -- '.milestones/config/*.yaml' '.milestones/config/*.yml' \
      '.milestones/workflows/*.yaml' '.milestones/workflows/*.yml' '.milestones/templates/*.yaml' '.milestones/templates/*.yml' 2>/dev/null)
    [ -n "$gm_x" ] && gm_js pre-commit && exec "$gm_node" "$gm_run"
    ;;
  prepare-commit-msg)
    # commit-msg is not told the message's source (amend, merge, squash): keep it for it. Line 2 says
    # whether this commit concludes a `merge --squash` (SQUASH_MSG) or a merge (MERGE_HEAD), whatever
    # the source (`-m` gives "message"); git deletes both files before post-commit runs.
    gm_m=
    [ -f "$gm_gd/MERGE_HEAD" ] && gm_m=merge
    [ -f "$gm_gd/SQUASH_MSG" ] && gm_m=squash
    printf '%s\n%s\n' "${2:-}" "$gm_m" >"$gm_gd/GIT_MILESTONE_SOURCE" 2>/dev/null
    [ -s "$gm_gd/GIT_MILESTONE_NOTE" ] && : >"$gm_gd/GIT_MILESTONE_NOTE"
    ;;
  commit-msg)
    [ -n "$gm_branch" ] && [ -f "$gm_links/$gm_branch" ] && gm_js commit-msg && exec "$gm_node" "$gm_run" "$@"
    ;;
  post-commit)
    # commit-msg left the note line to attach; the commit exists now.
    if [ -s "$gm_gd/GIT_MILESTONE_NOTE" ]; then
      git notes --ref=milestones append -F "$gm_gd/GIT_MILESTONE_NOTE" HEAD >/dev/null 2>&1 ||
        echo "git-milestone: could not add the commit note (git notes --ref=milestones append)" >&2
      : >"$gm_gd/GIT_MILESTONE_NOTE"
    fi
    # Committing a `git merge --squash` (or a merge that stopped) is when the branch becomes merged:
    # no post-merge hook runs for it, so run post-merge's work here (prepare-commit-msg noted it).
    gm_src= gm_m=
    [ -f "$gm_gd/GIT_MILESTONE_SOURCE" ] && { IFS= read -r gm_src; IFS= read -r gm_m; } <"$gm_gd/GIT_MILESTONE_SOURCE"
    [ -n "$gm_m" ] || [ "$gm_src" = squash ] || exit "$gm_status"
    : >"$gm_gd/GIT_MILESTONE_SOURCE"
    [ -n "$gm_branch" ] && [ -f "$gm_links/$gm_branch" ] && exit "$gm_status" # into a milestone branch
    [ -d "$gm_links" ] && gm_js post-merge && "$gm_node" "$gm_run" 0
    ;;
  post-merge)
    [ "${1:-0}" = 1 ] && exit "$gm_status" # --squash: nothing is committed yet (see post-commit)
    [ -n "$gm_branch" ] && [ -f "$gm_links/$gm_branch" ] && exit "$gm_status" # merging into a milestone branch
    [ -d "$gm_links" ] && gm_js post-merge && "$gm_node" "$gm_run" "$@"
    ;;
  post-checkout)
    # A branch checkout of a branch not seen before: link it if its name says it is a milestone branch.
    [ "${3:-0}" = 1 ] && [ -n "$gm_branch" ] || exit "$gm_status"
    [ -f "$gm_links/$gm_branch" ] || [ -f "$gm_links/.none/$gm_branch" ] || { gm_js post-checkout && "$gm_node" "$gm_run" "$@"; }
    ;;
esac
exit "$gm_status"

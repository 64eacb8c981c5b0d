#!/bin/sh
# git-milestone-shim 1: installed by `git milestone hooks install`. `git milestone hooks uninstall`
# removes it and puts back the hook that was here before, kept meanwhile as
# "<this file>.git-milestone-chained"; that hook runs first and keeps working.
# GIT_MILESTONE_HOOKS=0 skips git-milestone's part for one command.
gm_hook=@HOOK@
gm_pkg=@PKG@
gm_node=@NODE@
gm_status=0
if [ -x "$0.git-milestone-chained" ]; then
  gm_line=
  IFS= read -r gm_line 2>/dev/null <"$0.git-milestone-chained"
  # A shell-script hook is sourced with $0 set to this hook's path (husky and others find their
  # files from $0); anything else is executed as it is.
  case $gm_line in
    '#!/bin/sh' | '#!/usr/bin/env sh') sh -c '. "$0.git-milestone-chained"' "$0" "$@" ;;
    '#!/bin/bash' | '#!/usr/bin/env bash') bash -c '. "$0.git-milestone-chained"' "$0" "$@" ;;
    *) "$0.git-milestone-chained" "$@" ;;
  esac
  gm_status=$?
  case $gm_hook in
    pre-commit | prepare-commit-msg | commit-msg) [ "$gm_status" -eq 0 ] || exit "$gm_status" ;;
  esac
fi
# When git-milestone is gone (uninstalled, moved), only the kept hook runs.
[ "${GIT_MILESTONE_HOOKS:-1}" != 0 ] && [ -f "$gm_pkg/hooks/run.sh" ] || exit "$gm_status"
. "$gm_pkg/hooks/run.sh"
exit "$gm_status"

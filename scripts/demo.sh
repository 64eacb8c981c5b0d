#!/usr/bin/env bash
# A short tour on a fresh throw-away repository: plan a milestone, add dependent tasks, see what
# is ready, work through them, and look at what git itself sees.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
command -v git-milestone >/dev/null 2>&1 || export PATH="$here/bin:$PATH"
demo="$(mktemp -d "${TMPDIR:-/tmp}/git-milestone-demo.XXXXXX")"
# Say where the repository is and how to remove it, however the tour ends.
trap 'printf "\nThe demo repository is %s\nRemove it with: rm -rf %q\n" "$demo" "$demo"' EXIT
cd "$demo"
git init -q
git config user.name >/dev/null 2>&1 || git config user.name "Demo User"
git config user.email >/dev/null 2>&1 || git config user.email "demo@example.com"
run() { printf '\n$ %s\n' "$*"; "$@"; }

run git milestone init
ms=$(git milestone new "Ship the parser" --priority high --label parser --json | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
t1=$(git milestone task add "$ms" "Write the tokenizer" --json | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
t2=$(git milestone task add "$ms" "Write the parser" --depends-on "$t1" --json | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
git milestone task add "$ms" "Document the grammar" >/dev/null
run git milestone next "${ms:0:8}"
run git milestone task start "${t1:0:8}"
run git milestone task done "${t1:0:8}"
run git milestone next "${ms:0:8}"
printf '\n# a cycle is refused and nothing is written:\n'
run git milestone dep add "${t1:0:8}" "${t2:0:8}" || true
run git milestone list
run git milestone show "${ms:0:8}"
run git milestone log "${ms:0:8}"
printf '\n# the state is plain git:\n'
run git for-each-ref refs/milestones

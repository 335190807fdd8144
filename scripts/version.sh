#!/usr/bin/env bash
# version.sh prints the version this checkout builds as, from its git tag
# (releases are tagged vMAJOR.MINOR.PATCH; see docs/INSTALL.md, Releases):
#
#   scripts/version.sh          1.2.0, 1.2.0-3-gabc1234, 1.2.0-dirty;
#                               0.0.0-dev+abc1234 before the first tag;
#                               0.0.0-dev outside a git checkout
#   scripts/version.sh numeric  1.2.0.3: MAJOR.MINOR.PATCH.COMMITS-SINCE-TAG,
#                               for the Windows version resource and installer
set -euo pipefail
cd "$(dirname "$0")/.."

described=$(git describe --tags --always --dirty --match 'v[0-9]*' 2>/dev/null || true)
case "$described" in
v[0-9]*) full=${described#v} ;;
"") full=0.0.0-dev ;;
*) full=0.0.0-dev+$described ;; # no tag yet: the commit alone
esac

if [ "${1:-}" = numeric ]; then
	base=${full%%[-+]*}
	commits=0
	if [[ $full =~ ^[0-9.]+-([0-9]+)-g ]]; then commits=${BASH_REMATCH[1]}; fi
	IFS=. read -r major minor patch <<<"$base"
	echo "${major:-0}.${minor:-0}.${patch:-0}.$commits"
else
	echo "$full"
fi

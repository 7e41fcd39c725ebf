#!/bin/sh
# Before `npm test` builds anything: are the Debian packages in scripts/test-packages.txt installed?
# Says nothing when they are. When some are missing: as root, says which and installs them with apt-get;
# otherwise stops at once with the command to run. `--list` prints every package (for .ci/run).
# Test-only overrides (test/test-needs.test.ts): VIGIL_TEST_NEEDS_ROOT is put before every file looked
# at, VIGIL_TEST_NEEDS_UID stands for `id -u`, VIGIL_TEST_NEEDS_APT_GET for the apt-get command.
set -eu
LIST="$(dirname "$0")/test-packages.txt"
ROOT="${VIGIL_TEST_NEEDS_ROOT:-}"
APT_GET="${VIGIL_TEST_NEEDS_APT_GET:-apt-get}"
LINES=$(sed 's/#.*//' "$LIST")

if [ "${1:-}" = --list ]; then
  echo "$LINES" | awk 'NF { printf "%s%s", sep, $1; sep = " " } END { print "" }'
  exit 0
fi

# True when some file matches the pattern (no word splitting, so only the * expands).
exists() {
  IFS=''
  for file in $1; do if [ -e "$file" ]; then IFS=' '; return 0; fi; done
  IFS=' '
  return 1
}

# Fills $missing (packages) and $wrong (variables naming a file that is not there).
check() {
  missing=""
  wrong=""
  while read -r package probe instead; do
    [ -n "$package" ] || continue
    value=""
    if [ -n "${instead:-}" ]; then eval "value=\${$instead:-}"; fi
    case "$value" in
      /*) [ -e "$value" ] || wrong="$wrong $instead=$value" ;;
      ?*) ;;
      *) exists "$ROOT$probe" || missing="$missing $package" ;;
    esac
  done <<LINES
$LINES
LINES
  missing=${missing# }
}

check
if [ -n "$wrong" ]; then
  echo "npm test: no such file:$wrong (set it to the file, or unset it to use Debian's package)." >&2
  exit 1
fi
[ -n "$missing" ] || exit 0

if [ "${VIGIL_TEST_NEEDS_UID:-$(id -u)}" != 0 ]; then
  # Alternatives for those that have one: the variable in the list's third column.
  instead=$(echo "$LINES" | awk -v missing=" $missing " 'NF >= 3 && index(missing, " " $1 " ") { printf "%sinstead of %s, set %s", sep, $1, $3; sep = "; " }')
  cat >&2 <<MESSAGE
npm test: the tests need Debian packages that are not installed: $missing.
Install them, then run npm test again (run as root, npm test installs them itself):

  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing
MESSAGE
  if [ -n "$instead" ]; then printf '\nOr, %s (see the README, Tests).\n' "$instead" >&2; fi
  exit 1
fi

echo "npm test: installing what the tests need from Debian: $missing (apt-get update, then apt-get install; their services are not started)." >&2
export DEBIAN_FRONTEND=noninteractive
# The tests start what they need themselves: installing must not start nginx, caddy (both on port
# 80), tor (a visible connection to the Tor network) or PostgreSQL. Debian's policy-rc.d says no.
POLICY="$ROOT/usr/sbin/policy-rc.d"
if [ ! -e "$POLICY" ]; then
  mkdir -p "$(dirname "$POLICY")"
  printf '#!/bin/sh\n# npm test: no service starts while the test packages install.\nexit 101\n' > "$POLICY"
  chmod 755 "$POLICY"
  trap 'rm -f "$POLICY"' EXIT
fi
$APT_GET update -qq
# shellcheck disable=SC2086 # one word per package
$APT_GET install -y -q --no-install-recommends $missing
check
if [ -n "$missing" ]; then
  echo "npm test: apt-get installed, but these are still missing: $missing (see scripts/test-packages.txt)." >&2
  exit 1
fi

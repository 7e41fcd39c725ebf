#!/bin/sh
# `npm test`: check the Debian packages the tests need (installing them as root), build the browser
# code, type-check, make sure PostgreSQL is there, run every test.
# Most test files run three at a time (a test mostly waits on a browser, a child process or PostgreSQL;
# one at a time left a core idle; three finished 1,020 tests in 903 s where two took 932 s for 952). The attack tests, which watch a server under load, run alone after.
set -e
sh scripts/test-needs.sh
npm run --silent build
npx tsc --noEmit -p .
VIGIL_TEST_PG_URL=$(sh scripts/test-postgres.sh)
export VIGIL_TEST_PG_URL
ALONE="hostile-network network-limits login-guard pow pow-browser host-check"
together=""
alone=""
for file in test/*.test.ts; do
  name=$(basename "$file" .test.ts)
  case " $ALONE " in
    *" $name "*) alone="$alone $file" ;;
    *) together="$together $file" ;;
  esac
done
status=0
# shellcheck disable=SC2086 # the file lists are meant to split
node --import tsx --test --test-reporter=spec --test-concurrency=3 "$@" $together || status=$?
# shellcheck disable=SC2086
node --import tsx --test --test-reporter=spec --test-concurrency=1 "$@" $alone || status=$?
exit $status

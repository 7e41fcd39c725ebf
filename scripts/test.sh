#!/bin/sh
# `npm test`: build the browser code, type-check, make sure PostgreSQL is there, run every test.
set -e
npm run --silent build
npx tsc --noEmit -p .
VIGIL_TEST_PG_URL=$(sh scripts/test-postgres.sh)
export VIGIL_TEST_PG_URL
exec node --import tsx --test --test-reporter=spec "$@" test/*.test.ts

#!/bin/sh
# Prints a PostgreSQL URL for the tests. Uses VIGIL_TEST_PG_URL when set (CI sets it); otherwise
# starts a private throwaway cluster under $TMPDIR on port 54329 or VIGIL_TEST_PG_PORT (needs Debian's
# postgresql, which scripts/test-needs.sh has checked).
set -e
if [ -n "$VIGIL_TEST_PG_URL" ]; then echo "$VIGIL_TEST_PG_URL"; exit 0; fi
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL is needed for the storage tests: apt-get install postgresql, or set VIGIL_TEST_PG_URL." >&2
  exit 1
fi
DIR="${TMPDIR:-/tmp}/vigil-test-pg"
PORT=${VIGIL_TEST_PG_PORT:-54329}
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! run "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
    run "$BIN/initdb" -D "$DIR" -A trust -U postgres >/dev/null
  fi
  run "$BIN/pg_ctl" -D "$DIR" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" -l "$DIR/log" -w start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"

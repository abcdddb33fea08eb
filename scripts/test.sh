#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: type check, lint, unit tests, integration tests on PGlite
# and on a throwaway PostgreSQL 15 cluster, and browser tests in Debian's Chromium with axe.
# It installs what a fresh Debian machine lacks (postgresql-15, chromium) when it runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/London
export NODE_OPTIONS="${NODE_OPTIONS:-} --max-old-space-size=4096"
START=$(date +%s)
LOG_DIR=$(mktemp -d -t spotlight-test-XXXXXX)
declare -A PASS FAIL
LAYERS=()

apt_updated=0
apt_install() {
  if [ "$(id -u)" != "0" ]; then
    echo "npm test: $1 is missing and this is not root; install Debian's package $1 (apt-get install $1)" >&2
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Runs one layer of node:test files; fails the run if a file fails or if no test ran.
run_layer() {
  local name=$1; shift
  local files=("$@")
  if [ ${#files[@]} -eq 0 ]; then echo "npm test: no $name test files found" >&2; exit 1; fi
  echo "== $name (${#files[@]} files)"
  local out="$LOG_DIR/$name.log"
  set +e
  node --import tsx --test --test-concurrency=2 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$out.tap" "${files[@]}" > "$out" 2>&1
  local rc=$?
  set -e
  local pass fail
  pass=$(grep -E '^# pass ' "$out.tap" | tail -1 | awk '{print $3}')
  fail=$(grep -E '^# fail ' "$out.tap" | tail -1 | awk '{print $3}')
  PASS[$name]=${pass:-0}; FAIL[$name]=${fail:-0}; LAYERS+=("$name")
  if [ $rc -ne 0 ] || [ "${pass:-0}" = "0" ]; then
    grep -vE '^\s*$' "$out" | tail -200
    echo "npm test: $name failed (pass ${pass:-0}, fail ${fail:-?})" >&2
    exit 1
  fi
  echo "   ${PASS[$name]} passed, ${FAIL[$name]} failed ($(( $(date +%s) - START ))s so far)"
}

mapfile -t UNIT < <(find src -name '*.test.ts' ! -name '*.db.test.ts' ! -name '*.browser.test.ts' | sort)
mapfile -t DB < <(find src -name '*.db.test.ts' | sort)
mapfile -t BROWSER < <(find src -name '*.browser.test.ts' | sort)

echo "== type check"
npx --no-install tsc -p .
echo "== lint"
npx --no-install eslint . --max-warnings 0

run_layer unit "${UNIT[@]}"
SPOTLIGHT_TEST_DB=pglite run_layer integration-pglite "${DB[@]}"

# A throwaway PostgreSQL 15 cluster, run by an unprivileged user, on a private port.
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/initdb" ]; then echo "== installing postgresql-15"; apt_install postgresql-15; fi
PGDIR=$(mktemp -d -t spotlight-pg-XXXXXX)
PGPORT=${SPOTLIGHT_TEST_PGPORT:-$(( 20000 + RANDOM % 20000 ))}
as_pg() { "$@"; }
if [ "$(id -u)" = "0" ]; then
  id spotlight-test >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin spotlight-test
  chown spotlight-test "$PGDIR"
  as_pg() { runuser -u spotlight-test -- "$@"; }
fi
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap 'stop_pg; rm -rf "$LOG_DIR"' EXIT
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
SPOTLIGHT_TEST_DB=postgres run_layer integration-postgres "${DB[@]}"

if [ ! -x /usr/bin/chromium ]; then echo "== installing chromium"; apt_install chromium; fi
run_layer browser "${BROWSER[@]}"

TOTAL_PASS=0; TOTAL_FAIL=0
echo "== summary"
for l in "${LAYERS[@]}"; do
  printf '   %-22s %5s passed, %s failed\n' "$l" "${PASS[$l]}" "${FAIL[$l]}"
  TOTAL_PASS=$(( TOTAL_PASS + PASS[$l] )); TOTAL_FAIL=$(( TOTAL_FAIL + FAIL[$l] ))
done
echo "   took $(( $(date +%s) - START ))s"
echo "tests: $TOTAL_PASS passed, $TOTAL_FAIL failed"

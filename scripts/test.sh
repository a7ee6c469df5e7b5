#!/usr/bin/env bash
# The one test command: builds every module and runs all tests against PostgreSQL with pgvector.
#   scripts/test.sh                  # extra arguments go to Maven, e.g. scripts/test.sh -pl schema-dsl
#   scripts/test.sh --quick          # pure tests + the @Tag("quick") database test of each module, no *IT (< 90 s)
# The quick subset is chosen by org.somaagent01.testdb.QuickSubset from the compiled classes: a test class whose
# byte code reaches the test-database package is a database test and runs only when tagged @Tag("quick").
# Test database (SPEC §7): SA01_TEST_DSN if set; else the server of scripts/setup-postgres.sh when it
# answers on localhost:5432 as soma/soma; else the tests use Testcontainers or a throwaway local cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SA01_TEST_DSN:-}" ] && command -v psql >/dev/null \
   && [ "$(PGPASSWORD=soma PGCONNECT_TIMEOUT=3 psql -h localhost -p 5432 -U soma -d postgres -XAtqc 'SELECT 1' 2>/dev/null)" = 1 ]; then
  export SA01_TEST_DSN=postgresql://soma:soma@localhost:5432/postgres
fi
shown=$(printf %s "${SA01_TEST_DSN:-<unset: Testcontainers or a throwaway local cluster>}" | sed -E "s#(://[^:/@]*):[^@]*@#\1:***@#")
echo "test.sh: SA01_TEST_DSN=$shown" >&2

# squawk (the PostgreSQL migration linter, from npm's squawk-cli) cross-checks the online scripts' lock safety
# (SquawkCrossCheckTest); installed once under .tools/. Without npm, that test fails saying how to install it.
if [ -z "${SQUAWK:-}" ] && [ ! -x .tools/node_modules/.bin/squawk ]; then
  if ! command -v npm >/dev/null && command -v apt-get >/dev/null; then
    echo "test.sh: installing npm for squawk" >&2
    $( [ "$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq npm >/dev/null 2>&1 || true
  fi
  if command -v npm >/dev/null; then
    mkdir -p .tools && npm install --silent --no-audit --no-fund --prefix .tools squawk-cli >/dev/null 2>&1 \
      || echo "test.sh: could not install squawk-cli from npm" >&2
  fi
fi

# -ntp: no download progress lines, so CI logs show the build and the test counts
if [ "${1:-}" = --quick ]; then
  shift
  exec mvn -B -ntp test -Dsa01.quick=true "$@"
fi
exec mvn -B -ntp verify "$@"

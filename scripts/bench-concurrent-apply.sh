#!/usr/bin/env bash
# N simultaneous `apply --no-seeds` processes against one database, as N replicas starting together would run them:
# first against a fresh database, then against the up-to-date one. Per case: histogram of exit codes, how many
# processes logged connection retries (and how many retry lines in all), and wall time. Builds nothing.
#   SA01_TEST_DSN=postgresql://soma:soma@localhost:5432/postgres scripts/bench-concurrent-apply.sh N [extra apply flags]
# MIGRATOR_JAR (default migrator/target/migrator.jar) is the jar; SA01_TEST_DSN a server where the user (a superuser)
# may create and drop a scratch database. CONN_LIMIT=K makes the server refuse more than K connections to it
# ("too many connections", 53300), to watch the retries: the database then gets CONNECTION LIMIT K and is migrated
# by a throwaway non-superuser role (superusers ignore the limit), with the vector extension created beforehand.
# Exits 1 when any process exited non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: bench-concurrent-apply.sh N [extra apply flags]}
shift
JAR=${MIGRATOR_JAR:-migrator/target/migrator.jar}
[ -f "$JAR" ] || { echo "bench: $JAR missing (build: mvn -B -q -ntp -o package -DskipTests)" >&2; exit 1; }
: "${SA01_TEST_DSN:?set SA01_TEST_DSN, e.g. postgresql://soma:soma@localhost:5432/postgres}"
command -v psql >/dev/null || { echo "bench: psql is needed to create the scratch database" >&2; exit 1; }

DB=sa01_bench_conc_$$
ROLE=sa01_bench_role_$$
DSN=$(echo "$SA01_TEST_DSN" | sed -E "s:(//[^/]+)/[^?]*:\1/$DB:")
TMP=$(mktemp -d)
cleanup() {
  psql -q "$SA01_TEST_DSN" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
if [ -n "${CONN_LIMIT:-}" ]; then
  psql -q "$SA01_TEST_DSN" -c "CREATE ROLE $ROLE LOGIN PASSWORD 'pw_$$_x'" \
    -c "CREATE DATABASE $DB OWNER $ROLE CONNECTION LIMIT $CONN_LIMIT" >/dev/null
  psql -q "$(echo "$SA01_TEST_DSN" | sed -E "s:(//[^/]+)/[^?]*:\1/$DB:")" -c "CREATE EXTENSION vector" >/dev/null
  DSN=$(echo "$DSN" | sed -E "s|//[^@]*@|//$ROLE:pw_$$_x@|")
else
  psql -q "$SA01_TEST_DSN" -c "CREATE DATABASE $DB" >/dev/null
fi

failed=0
run_case() {
  local name=$1 dir=$TMP/$1
  shift
  mkdir -p "$dir"
  local start end
  start=$(date +%s%N)
  for i in $(seq 1 "$N"); do
    ( rc=0; java ${JAVA_OPTS:-} -jar "$JAR" apply --dsn "$DSN" --no-seeds "$@" >"$dir/$i.out" 2>"$dir/$i.err" || rc=$?
      echo "$rc" >"$dir/$i.rc" ) &
  done
  wait
  end=$(date +%s%N)
  local histogram retried retry_lines
  histogram=$(cat "$dir"/*.rc | sort -n | uniq -c | awk '{printf "%s exit %s x%s", sep, $2, $1; sep=","}')
  retried=$( { grep -l -i "retry" "$dir"/*.err || true; } | wc -l)
  retry_lines=$(cat "$dir"/*.err | grep -ci "retry" || true)
  printf '%-11s N=%-3s%s %s; processes that retried: %s (retry lines: %s); wall %s ms\n' \
    "$name" "$N" "${CONN_LIMIT:+ limit $CONN_LIMIT}" "$histogram" "$retried" "$retry_lines" $(( (end - start) / 1000000 ))
  if grep -qv '^0$' "$dir"/*.rc; then
    failed=1
    # the first error line of each failing process, for the record
    for rc in "$dir"/*.rc; do
      [ "$(cat "$rc")" = 0 ] || { echo "  process $(basename "$rc" .rc): exit $(cat "$rc"): $(grep -m1 '^error:' "${rc%.rc}.err" || tail -1 "${rc%.rc}.err")"; }
    done
  fi
}

run_case fresh "$@"
run_case up-to-date "$@"
exit "$failed"

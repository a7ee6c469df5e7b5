#!/usr/bin/env bash
# Fleet benchmark: N databases on one server, migrated from empty and then again when up to date, by one fleet run
# (apply --targets, --parallel P) against a shell loop of N `java -jar migrator.jar apply` runs. Prints wall times.
#   bench/fleet.sh [N] [P]          (default N=200, P=4; build first: mvn -B -q -o install -DskipTests)
# Needs psql and SA01_TEST_DSN=postgresql://user:pass@host:port/db of a user who may create databases (default:
# the local soma/soma server). LOOP=0 skips the java loop (it takes about 2 s per database). The N scratch databases (sa01_fleet_<pid>_<i>) are dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
P=${2:-4}
JAR=migrator/target/migrator.jar
[ -f "$JAR" ] || { echo "bench: $JAR missing; run mvn -B -q -o install -DskipTests" >&2; exit 1; }
ADMIN=${SA01_TEST_DSN:-postgresql://soma:soma@localhost:5432/postgres}
PREFIX=sa01_fleet_$$_
TMP=$(mktemp -d)
TARGETS=$TMP/targets.txt

dsn_of() { echo "$ADMIN" | sed -E "s:(//[^/]+)/[^?]*:\1/$1:"; }
for i in $(seq "$N"); do dsn_of "$PREFIX$i"; done > "$TARGETS"

create() { for i in $(seq "$N"); do echo "CREATE DATABASE $PREFIX$i TEMPLATE template0;"; done | psql -XAtq "$ADMIN" >/dev/null; }
drop() { for i in $(seq "$N"); do echo "DROP DATABASE IF EXISTS $PREFIX$i WITH (FORCE);"; done | psql -XAtq "$ADMIN" >/dev/null 2>&1 || true; }
cleanup() { drop; rm -rf "$TMP"; }
trap cleanup EXIT

now() { date +%s.%N; }
# seconds spent by "$@", to stdout; the command's own output goes to $TMP/last.log
timed() {
  local t0 t1
  t0=$(now)
  "$@" > "$TMP/last.log" 2>&1 || { echo "bench: failed: $*" >&2; tail -5 "$TMP/last.log" >&2; exit 1; }
  t1=$(now)
  echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}'
}
fleet() { java ${JAVA_OPTS:-} -jar "$JAR" apply --targets "$TARGETS" --parallel "$P" -q; }
loop() { while read -r dsn; do java ${JAVA_OPTS:-} -jar "$JAR" apply --dsn "$dsn" -q; done < "$TARGETS"; }

echo "fleet benchmark: $N databases, --parallel $P, $(nproc) cores; $(java -version 2>&1 | head -1); JAVA_OPTS=${JAVA_OPTS:-}"
create
fleet_empty=$(timed fleet)
fleet_noop=$(timed fleet)
tail -1 "$TMP/last.log"
loop_empty=-; loop_noop=-
if [ "${LOOP:-1}" != 0 ]; then
  drop; create
  loop_empty=$(timed loop)
  loop_noop=$(timed loop)
fi

printf '%-34s %10s %10s %8s\n' "case (wall seconds)" "fleet" "java loop" "ratio"
for c in empty noop; do
  f=fleet_$c; l=loop_$c
  label=$([ $c = empty ] && echo "from empty (scripts + seeds)" || echo "up to date (no-op)")
  printf '%-34s %10s %10s %8s\n' "$label" "${!f}" "${!l}" "$(echo "${!f} ${!l}" | awk '$2 == "-" {print "-"; next} {printf "%.2fx", $1 / $2}')"
done

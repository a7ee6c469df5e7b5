#!/usr/bin/env bash
# Issue 10's target: a whole-process `migrator diff` of two databases of TABLES tables is faster than one
# `pg_dump --schema-only` of one of them, measured side by side in the same run.
#   bench/diff-vs-pgdump.sh [TABLES] [--runs N] [--profile default|cds|aot] [--before JAR]
# TABLES (default 1000) tables in each of two databases A and B: 8 columns, a primary key, an index and a foreign
# key each; B differs from A by one change per table (an added column, a changed index, or a dropped NOT NULL, in
# turn). Each database is created from one generated SQL file by one psql. Then N runs (default 5; one warm-up
# each first) of: the JVM + JDBC floor (bench.Floor: connect, select 1), `pg_dump --schema-only A > /dev/null` and
# `java -jar migrator.jar diff --from A --to B > /dev/null`, taking turns. Prints medians, min-max and the ratio.
# --before JAR adds the same diff by another build of the migrator (e.g. one from before a change) to the turns.
#
# Profiles, the same for every Java program of a run: default is `java` on PATH (or $JAVA) without flags; cds is
# that JVM with the deployment's flags (JVM_FLAGS of scripts/jvm-flags.sh, as scripts/run-migrations.sh and the
# Dockerfile use: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC) and a dynamic class-data-sharing archive per program
# (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile), the JDK 17 deployment; aot is JDK 25 with the same flags and an AOT cache per program
# (-XX:AOTCacheOutput, then -XX:AOTCache), with the compile thresholds that go with one (AOT_CACHE_FLAGS). Each
# archive is recorded by one training run of the same command.
# $JAVA_OPTS is added for every Java program in every profile.
#
# Needs migrator/target/migrator.jar (mvn -B -q -o -pl migrator -am package -DskipTests), psql, pg_dump, and
# SA01_TEST_DSN of a user who may create databases (default: the local soma/soma server). Scratch databases
# sa01_dvp_<pid>_{a,b} are dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/jvm-flags.sh

TABLES=1000
RUNS=5
PROFILE=default
BEFORE=
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --profile) PROFILE=$2; shift 2 ;;
    --before) BEFORE=$(realpath "$2"); shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    [0-9]*) TABLES=$1; shift ;;
    *) echo "bench: unknown argument '$1' (see bench/diff-vs-pgdump.sh --help)" >&2; exit 2 ;;
  esac
done

JAR=${MIGRATOR_JAR:-$ROOT/migrator/target/migrator.jar}
[ -f "$JAR" ] || { echo "bench: $JAR missing; run mvn -B -q -o -pl migrator -am package -DskipTests" >&2; exit 1; }
ADMIN=${SA01_TEST_DSN:-postgresql://soma:soma@localhost:5432/postgres}
psql -XAtq "$ADMIN" -c 'select 1' >/dev/null || { echo "bench: no database answers at SA01_TEST_DSN" >&2; exit 1; }

# the floor: bench/flyway-runner's bench.Floor, built as in bench/run.sh
RUNNER=$ROOT/bench/flyway-runner
if [ ! -f "$RUNNER/target/bench-runners.jar" ] || [ -n "$(find "$RUNNER/src" "$RUNNER/pom.xml" -newer "$RUNNER/target/bench-runners.jar")" ]; then
  (cd "$RUNNER" && { mvn -B -q -ntp -o package -DskipTests 2>/dev/null || mvn -B -q -ntp package -DskipTests; })
fi
FLOOR_CP=$RUNNER/target/bench-runners.jar:$(ls "$RUNNER"/target/lib/postgresql-*.jar)

TMP=$(mktemp -d)
PREFIX=sa01_dvp_$$_
dsn_of() { echo "$ADMIN" | sed -E "s:(//[^/]+)/[^?]*:\1/$PREFIX$1:"; }
A=$(dsn_of a)
B=$(dsn_of b)
sql() { PGOPTIONS="-c client_min_messages=warning" psql -XAtq -v ON_ERROR_STOP=1 "$@" >/dev/null; }
cleanup() {
  for d in a b; do sql "$ADMIN" -c "DROP DATABASE IF EXISTS $PREFIX$d WITH (FORCE)" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# $1.sql for side $1 (a or b): table i references table i-1 (table 1 itself)
generate() {
  awk -v n="$TABLES" -v side="$1" 'BEGIN {
    print "BEGIN;"
    for (i = 1; i <= n; i++) {
      p = (i > 1) ? i - 1 : 1
      change = (side == "b") ? i % 3 : -1
      printf "CREATE TABLE t%d (id bigint PRIMARY KEY, parent_id bigint REFERENCES t%d (id) ON DELETE CASCADE, ", i, p
      printf "name varchar(80) NOT NULL, state text %s, amount numeric(12,2) DEFAULT 0, ", (change == 2 ? "" : "NOT NULL DEFAULT '\''new'\''")
      printf "meta jsonb DEFAULT '\''{}'\''::jsonb, created timestamptz NOT NULL DEFAULT now(), updated timestamptz%s);\n", \
        (change == 0 ? ", extra integer" : "")
      if (change == 1) printf "CREATE INDEX ix_t%d_name ON t%d (name, created);\n", i, i
      else printf "CREATE INDEX ix_t%d_name ON t%d (name);\n", i, i
      # a transaction per 100 tables: one for all would outgrow the shared lock table (max_locks_per_transaction)
      if (i % 100 == 0) print "COMMIT; BEGIN;"
    }
    print "COMMIT;"
  }' > "$TMP/$1.sql"
}
for side in a b; do
  generate "$side"
  sql "$ADMIN" -c "CREATE DATABASE $PREFIX$side TEMPLATE template0"
  sql "$(dsn_of "$side")" -f "$TMP/$side.sql"
done

read -r -a USER_OPTS <<< "${JAVA_OPTS:-}"
FL_FLOOR=("${USER_OPTS[@]}"); FL_MIG=("${USER_OPTS[@]}"); FL_BEFORE=("${USER_OPTS[@]}")
case $PROFILE in
  default) JAVA=${JAVA:-java} ;;
  cds|aot)
    cache_flags=()
    if [ "$PROFILE" = cds ]; then
      JAVA=${JAVA:-java}; train=-XX:ArchiveClassesAtExit=; use=-XX:SharedArchiveFile=
    else
      JAVA=${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
      [ -x "$JAVA" ] || { echo "bench: no JDK 25 found for --profile aot (set JAVA25)" >&2; exit 1; }
      train=-XX:AOTCacheOutput=; use=-XX:AOTCache=; cache_flags=("${AOT_CACHE_FLAGS[@]}")
    fi
    base=("${JVM_FLAGS[@]}" "${cache_flags[@]}" "${USER_OPTS[@]}")
    # one training run per program, of the very command timed
    "$JAVA" "${base[@]}" "${train}$TMP/floor.arch" -cp "$FLOOR_CP" bench.Floor "$A" >"$TMP/train.log" 2>&1
    "$JAVA" "${base[@]}" "${train}$TMP/mig.arch" -jar "$JAR" diff --from "$A" --to "$B" >>"$TMP/train.log" 2>&1
    FL_FLOOR=("${base[@]}" "${use}$TMP/floor.arch"); FL_MIG=("${base[@]}" "${use}$TMP/mig.arch")
    FL_BEFORE=("${base[@]}")
    if [ -n "$BEFORE" ]; then
      "$JAVA" "${base[@]}" "${train}$TMP/before.arch" -jar "$BEFORE" diff --from "$A" --to "$B" >>"$TMP/train.log" 2>&1
      FL_BEFORE=("${base[@]}" "${use}$TMP/before.arch")
    fi
    for f in floor mig; do
      [ -s "$TMP/$f.arch" ] || { echo "bench: training run wrote no $f archive" >&2; cat "$TMP/train.log" >&2; exit 1; }
    done ;;
  *) echo "bench: unknown profile '$PROFILE'" >&2; exit 2 ;;
esac

cmd_of() {
  case $1 in
    floor) CMD=("$JAVA" "${FL_FLOOR[@]}" -cp "$FLOOR_CP" bench.Floor "$A") ;;
    pg_dump) CMD=(pg_dump --schema-only "$A") ;;
    diff) CMD=("$JAVA" "${FL_MIG[@]}" -jar "$JAR" diff --from "$A" --to "$B") ;;
    before) CMD=("$JAVA" "${FL_BEFORE[@]}" -jar "$BEFORE" diff --from "$A" --to "$B") ;;
  esac
}
CASES="floor pg_dump diff"
[ -n "$BEFORE" ] && CASES="$CASES before"
measure() { # case, [warmup]: appends wall ms to $TMP/$1, user + sys ms of the process to $TMP/$1.cpu
  local TIMEFORMAT='%3R %3U %3S' t
  cmd_of "$1"
  t=$( { time "${CMD[@]}" >"$TMP/out" 2>"$TMP/err"; } 2>&1 ) \
    || { echo "bench: failed: ${CMD[*]}" >&2; tail -5 "$TMP/err" >&2; exit 1; }
  [ "${2:-}" = warmup ] && return
  echo "$t" | awk '{printf "%d\n", $1 * 1000}' >> "$TMP/$1"
  echo "$t" | awk '{printf "%d\n", ($2 + $3) * 1000}' >> "$TMP/$1.cpu"
}
stats() { sort -n "$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m, a[1], a[NR]}'; }

l0=$(cut -d' ' -f1 /proc/loadavg)
for c in $CASES; do
  : > "$TMP/$c"; : > "$TMP/$c.cpu"; measure "$c" warmup
  # the statements the diff prints (one change per table: a sanity check of the generated pair, not timed)
  [ "$c" = diff ] && changes=$(grep -c ";$" "$TMP/out" || true)
done
for r in $(seq "$RUNS"); do for c in $CASES; do measure "$c"; done; done
l1=$(cut -d' ' -f1 /proc/loadavg)

echo "## bench/diff-vs-pgdump.sh $TABLES --runs $RUNS --profile $PROFILE; $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "$TABLES tables per database, $changes statements in the diff; $(nproc) cores, load $l0 -> $l1;" \
     "PostgreSQL $(psql -XAtq "$ADMIN" -c 'show server_version'); $("$JAVA" -version 2>&1 | head -1 | tr -d '"')"
echo
echo "| program | median s | min-max s | median CPU s (its process) |"
echo "|---|---|---|---|"
label() {
  case $1 in
    floor) echo "JVM + JDBC floor (connect, select 1)" ;;
    pg_dump) echo "pg_dump --schema-only A" ;;
    diff) echo "migrator diff --from A --to B (whole process)" ;;
    before) echo "the same diff, --before $(basename "$BEFORE")" ;;
  esac
}
for c in $CASES; do
  read -r m lo hi < <(stats "$TMP/$c")
  read -r cpu _ < <(stats "$TMP/$c.cpu")
  awk -v l="$(label "$c")" -v m="$m" -v a="$lo" -v b="$hi" -v c="$cpu" \
    'BEGIN {printf "| %s | %.3f | %.3f-%.3f | %.3f |\n", l, m/1000, a/1000, b/1000, c/1000}'
done
awk -v d="$(stats "$TMP/diff" | cut -d' ' -f1)" -v p="$(stats "$TMP/pg_dump" | cut -d' ' -f1)" \
  'BEGIN {printf "\ndiff / pg_dump (wall medians): %.2fx (target < 1: %s)\n", d / p, (d < p ? "met" : "not met")}'
if [ -n "$BEFORE" ]; then
  awk -v d="$(stats "$TMP/before" | cut -d' ' -f1)" -v p="$(stats "$TMP/pg_dump" | cut -d' ' -f1)" \
    'BEGIN {printf "before / pg_dump (wall medians): %.2fx\n", d / p}'
fi

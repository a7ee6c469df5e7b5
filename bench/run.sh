#!/usr/bin/env bash
# The benchmark table of issue 13: each figure of the migrator beside its reference, measured in the same run.
#   bench/run.sh [RUNS] [--profile default|cds|aot|all] [--only noop,empty,inspect]
# RUNS (default 10, at least 5) timed runs per case, after one warm-up run; within a figure the cases take turns
# (A B C A B C ...), so a change of machine load falls on all of them alike. Prints Markdown: per case the median
# and min-max wall time, median CPU (user + sys) and median peak RSS, then the ratios against the issue's targets.
#
# Profiles (the same JVM and flags for every Java program of a table):
#   default  `java` on PATH (or $JAVA), no flags (plus $JAVA_OPTS for all)
#   cds      the same JVM, the flags of scripts/jvm-flags.sh (JVM_FLAGS) and a dynamic class-data-sharing archive
#            per program, recorded by one training run (-XX:ArchiveClassesAtExit) of its no-op case: what the
#            Dockerfile does
#   aot      JDK 25 (Temurin under /usr/lib/jvm, or $JAVA25), the same flags and an AOT cache per
#            program recorded by one training run (-XX:AOTCacheOutput) of its no-op case, used with -XX:AOTCache,
#            with the compile thresholds that go with a cache (AOT_CACHE_FLAGS of scripts/jvm-flags.sh)
#
# References: Floor (a JVM that connects with the same pgjdbc and runs 'select 1'), Flyway (flyway-core from Maven
# Central, bench/flyway-runner/, built here by Maven: not part of the main reactor) migrating the shipped 0001 up
# script as V1__initial.sql, `psql -f` of that file, and `pg_dump --schema-only` for the inspection figure.
#
# Needs: migrator/target/migrator.jar (mvn -B -q -o package -DskipTests), Maven, psql, pg_dump, /usr/bin/time, and
# SA01_TEST_DSN=postgresql://user:pass@host:port/db of a user who may create databases (default: the local
# soma/soma server). Scratch databases sa01_bench_<pid>_* are dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/jvm-flags.sh

RUNS=10
PROFILES=default
ONLY=noop,empty,inspect
while [ $# -gt 0 ]; do
  case $1 in
    --profile) PROFILES=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    [0-9]*) RUNS=$1; shift ;;
    *) echo "bench: unknown argument '$1' (see bench/run.sh --help)" >&2; exit 2 ;;
  esac
done
[ "$PROFILES" = all ] && PROFILES=default,cds,aot
[ "$RUNS" -ge 5 ] || { echo "bench: RUNS must be at least 5" >&2; exit 2; }

JAR=$ROOT/migrator/target/migrator.jar
[ -f "$JAR" ] || { echo "bench: $JAR missing; run mvn -B -q -o package -DskipTests" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
ADMIN=${SA01_TEST_DSN:-postgresql://soma:soma@localhost:5432/postgres}
psql -XAtq "$ADMIN" -c 'select 1' >/dev/null || { echo "bench: no database answers at SA01_TEST_DSN" >&2; exit 1; }

# --- the reference programs: built by Maven in their own project (fetches Flyway once, then offline) ---
RUNNER=$ROOT/bench/flyway-runner
if [ ! -f "$RUNNER/target/bench-runners.jar" ] || [ -n "$(find "$RUNNER/src" "$RUNNER/pom.xml" -newer "$RUNNER/target/bench-runners.jar")" ]; then
  (cd "$RUNNER" && { mvn -B -q -ntp -o package -DskipTests 2>/dev/null || mvn -B -q -ntp package -DskipTests; })
fi
PGJDBC=$(ls "$RUNNER"/target/lib/postgresql-*.jar)
FLOOR_CP=$RUNNER/target/bench-runners.jar:$PGJDBC
FLYWAY_CP=$RUNNER/target/bench-runners.jar:$(ls "$RUNNER"/target/lib/*.jar | paste -sd:)
FLYWAY_VERSION=$(ls "$RUNNER"/target/lib/flyway-core-*.jar | sed -E 's:.*flyway-core-(.*)\.jar:\1:')

TMP=$(mktemp -d)
SQLDIR=$TMP/flyway-sql
mkdir -p "$SQLDIR"
cp "$ROOT/migrator/src/main/resources/db/migration/0001_initial_schema.up.sql" "$SQLDIR/V1__initial.sql"

PREFIX=sa01_bench_$$_
dsn_of() { echo "$ADMIN" | sed -E "s:(//[^/]+)/[^?]*:\1/$PREFIX$1:"; }
A=$(dsn_of migrator)    # up to date, migrated by the migrator
F=$(dsn_of flyway)      # up to date, migrated by Flyway
E=$(dsn_of empty)       # recreated empty before every from-empty run (not timed)
sql() { PGOPTIONS="-c client_min_messages=warning" psql -XAtq "$ADMIN" "$@" >/dev/null; }
cleanup() {
  for d in migrator flyway empty; do sql -c "DROP DATABASE IF EXISTS $PREFIX$d WITH (FORCE)" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
fresh_empty() { sql -c "DROP DATABASE IF EXISTS ${PREFIX}empty WITH (FORCE)" -c "CREATE DATABASE ${PREFIX}empty TEMPLATE template0"; }
sql -c "CREATE DATABASE ${PREFIX}migrator TEMPLATE template0" -c "CREATE DATABASE ${PREFIX}flyway TEMPLATE template0"
java -jar "$JAR" apply --dsn "$A" -q
java -cp "$FLYWAY_CP" bench.FlywayRunner migrate "$F" "$SQLDIR" >/dev/null 2>&1

# --- JVM profiles: JAVA and the flags of each program (FL_FLOOR, FL_MIG, FL_FW) ---
read -r -a USER_OPTS <<< "${JAVA_OPTS:-}"
setup_profile() {
  local p=$1 base=() train use cache_flags=()
  case $p in
    default) JAVA=${JAVA:-java}; FL_FLOOR=("${USER_OPTS[@]}"); FL_MIG=("${USER_OPTS[@]}"); FL_FW=("${USER_OPTS[@]}"); return ;;
    cds) JAVA=${JAVA:-java}; train=-XX:ArchiveClassesAtExit=; use=-XX:SharedArchiveFile= ;;
    aot) JAVA=${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
         [ -x "$JAVA" ] || { echo "bench: no JDK 25 found for --profile aot (set JAVA25)" >&2; exit 1; }
         train=-XX:AOTCacheOutput=; use=-XX:AOTCache=; cache_flags=("${AOT_CACHE_FLAGS[@]}") ;;
    *) echo "bench: unknown profile '$p'" >&2; exit 2 ;;
  esac
  base=("${JVM_FLAGS[@]}" "${cache_flags[@]}" "${USER_OPTS[@]}")
  local dir=$TMP/$p
  mkdir -p "$dir"
  # one training run per program, of its no-op case: the archive is what a container start would have
  "$JAVA" "${base[@]}" "${train}$dir/floor" -cp "$FLOOR_CP" bench.Floor "$A" >"$dir/train.log" 2>&1
  "$JAVA" "${base[@]}" "${train}$dir/migrator" -jar "$JAR" apply --dsn "$A" -q >>"$dir/train.log" 2>&1
  "$JAVA" "${base[@]}" "${train}$dir/flyway" -cp "$FLYWAY_CP" bench.FlywayRunner migrate "$F" "$SQLDIR" >>"$dir/train.log" 2>&1
  for f in floor migrator flyway; do
    [ -s "$dir/$f" ] || { echo "bench: training run of $f wrote no archive (see below)" >&2; cat "$dir/train.log" >&2; exit 1; }
  done
  FL_FLOOR=("${base[@]}" "${use}$dir/floor"); FL_MIG=("${base[@]}" "${use}$dir/migrator"); FL_FW=("${base[@]}" "${use}$dir/flyway")
}

# --- the cases: CMD (array) and an untimed preparation ---
LABEL=()
label() {
  case $1 in
    floor) echo "JVM + JDBC floor (connect, select 1)" ;;
    apply_noop) echo "migrator apply (no-op)" ;;
    fw_noop) echo "Flyway $FLYWAY_VERSION migrate (no-op)" ;;
    apply_empty) echo "migrator apply from empty (scripts + seeds)" ;;
    apply_empty_noseeds) echo "migrator apply --no-seeds from empty" ;;
    fw_empty) echo "Flyway $FLYWAY_VERSION migrate from empty (no seeds)" ;;
    psql_empty) echo "psql -f of the same SQL, from empty" ;;
    plan) echo "migrator plan (up to date)" ;;
    verify) echo "migrator verify (up to date)" ;;
    diff) echo "migrator diff (up to date)" ;;
    pg_dump) echo "pg_dump --schema-only" ;;
    fw_validate) echo "Flyway $FLYWAY_VERSION validate" ;;
  esac
}
cmd_of() {
  local mig=("$JAVA" "${FL_MIG[@]}" -jar "$JAR") fw=("$JAVA" "${FL_FW[@]}" -cp "$FLYWAY_CP" bench.FlywayRunner)
  case $1 in
    floor) CMD=("$JAVA" "${FL_FLOOR[@]}" -cp "$FLOOR_CP" bench.Floor "$A") ;;
    apply_noop) CMD=("${mig[@]}" apply --dsn "$A" -q) ;;
    fw_noop) CMD=("${fw[@]}" migrate "$F" "$SQLDIR") ;;
    apply_empty) CMD=("${mig[@]}" apply --dsn "$E" -q) ;;
    apply_empty_noseeds) CMD=("${mig[@]}" apply --no-seeds --dsn "$E" -q) ;;
    fw_empty) CMD=("${fw[@]}" migrate "$E" "$SQLDIR") ;;
    psql_empty) CMD=(psql -X -q -v ON_ERROR_STOP=1 -f "$SQLDIR/V1__initial.sql" "$E") ;;
    plan) CMD=("${mig[@]}" plan --dsn "$A" -q) ;;
    verify) CMD=("${mig[@]}" verify --dsn "$A" -q) ;;
    diff) CMD=("${mig[@]}" diff --dsn "$A" -q) ;;
    pg_dump) CMD=(pg_dump --schema-only "$A") ;;
    fw_validate) CMD=("${fw[@]}" validate "$F" "$SQLDIR") ;;
  esac
}
prepare() { case $1 in apply_empty|apply_empty_noseeds|fw_empty|psql_empty) fresh_empty ;; esac; }

# one run of case $2 in profile $1: appends "wall_ms cpu_ms rss_kb" to its file (unless $3 = warmup)
measure() {
  local p=$1 id=$2 t0 t1
  prepare "$id"
  cmd_of "$id"
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%U %S %M' -o "$TMP/rusage" "${CMD[@]}" >"$TMP/out" 2>&1 \
    || { echo "bench: failed: ${CMD[*]}" >&2; tail -5 "$TMP/out" >&2; exit 1; }
  t1=$EPOCHREALTIME
  [ "${3:-}" = warmup ] && return
  awk -v t0="$t0" -v t1="$t1" 'END {printf "%d %d %d\n", (t1 - t0) * 1000, ($1 + $2) * 1000, $3}' "$TMP/rusage" >> "$TMP/$p.$id"
}

# "median min max" of column $2 of file $1
stats() { awk -v c="$2" '{print $c}' "$1" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m, a[1], a[NR]}'; }
median() { stats "$1" "$2" | cut -d' ' -f1; }
load1() { cut -d' ' -f1 /proc/loadavg; }

FIG_noop="floor apply_noop fw_noop"
FIG_empty="apply_empty apply_empty_noseeds fw_empty psql_empty"
FIG_inspect="apply_noop plan verify diff pg_dump fw_validate"
title() {
  case $1 in
    noop) echo "no-op apply (database up to date)" ;;
    empty) echo "from-empty apply" ;;
    inspect) echo "read-only commands on an up-to-date database" ;;
  esac
}

run_figure() {
  local p=$1 fig=$2 ids id r l0 l1
  ids=FIG_$fig; ids=${!ids}
  l0=$(load1)
  for id in $ids; do measure "$p" "$id" warmup; done
  for r in $(seq "$RUNS"); do for id in $ids; do measure "$p" "$id"; done; done
  l1=$(load1)
  echo "$l0 $l1" > "$TMP/$p.$fig.load"
}

print_profile() {
  local p=$1 fig id flags
  cmd_of floor
  flags=${FL_FLOOR[*]}
  flags=${flags//$TMP/\$TMP}
  echo
  echo "### profile: $p ($("$JAVA" -version 2>&1 | head -1 | tr -d '"'); flags: ${flags:-none})"
  echo
  echo "| figure | program | median s | min-max s | CPU median s | peak RSS median MB |"
  echo "|---|---|---|---|---|---|"
  for fig in ${ONLY//,/ }; do
    local ids=FIG_$fig first=1
    for id in ${!ids}; do
      read -r wm wmin wmax < <(stats "$TMP/$p.$fig.$id" 1)
      local cm rss
      cm=$(median "$TMP/$p.$fig.$id" 2); rss=$(median "$TMP/$p.$fig.$id" 3)
      local ftitle=""
      [ $first = 1 ] && ftitle="$(title "$fig") (load $(sed 's/ / -> /' "$TMP/$p.$fig.load"))"
      first=0
      awk -v f="$ftitle" -v l="$(label "$id")" -v wm="$wm" -v a="$wmin" -v b="$wmax" -v c="$cm" -v r="$rss" \
        'BEGIN {printf "| %s | %s | %.3f | %.3f-%.3f | %.3f | %.0f |\n", f, l, wm/1000, a/1000, b/1000, c/1000, r/1024}'
    done
  done
  echo
  echo "| ratio | wall medians | wall minimums | CPU medians | target (wall medians) | met |"
  echo "|---|---|---|---|---|---|"
  ratio() { # figure, case, reference case, target (empty: for information)
    local f=$1 x=$2 y=$3 t=$4
    [ -f "$TMP/$p.$f.$x" ] || return 0
    awk -v xl="$(label "$x")" -v yl="$(label "$y")" -v xm="$(median "$TMP/$p.$f.$x" 1)" -v ym="$(median "$TMP/$p.$f.$y" 1)" \
        -v xn="$(stats "$TMP/$p.$f.$x" 1 | cut -d' ' -f2)" -v yn="$(stats "$TMP/$p.$f.$y" 1 | cut -d' ' -f2)" -v t="$t" \
        -v xc="$(median "$TMP/$p.$f.$x" 2)" -v yc="$(median "$TMP/$p.$f.$y" 2)" \
      'BEGIN {r = xm / ym; printf "| %s / %s | %.2fx | %.2fx | %.2fx | %s | %s |\n", xl, yl, r, xn / yn, (yc > 0 ? xc / yc : 0),
              (t == "" ? "-" : "<= " t "x"), (t == "" ? "-" : (r <= t ? "yes" : "no"))}'
  }
  ratio noop apply_noop floor 1.2
  ratio noop apply_noop fw_noop 0.6
  ratio noop fw_noop floor ""
  ratio empty apply_empty fw_empty 0.6
  ratio empty apply_empty_noseeds fw_empty ""
  ratio empty apply_empty psql_empty ""
  ratio empty fw_empty psql_empty ""
  ratio inspect plan apply_noop 1.5
  ratio inspect verify apply_noop 1.5
  ratio inspect diff apply_noop 1.5
  ratio inspect verify pg_dump ""
  ratio inspect fw_validate apply_noop ""
}

echo "## bench/run.sh $RUNS runs per case after 1 warm-up; $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr);" \
     "PostgreSQL $(psql -XAtq "$ADMIN" -c 'show server_version'); pgjdbc $(basename "$PGJDBC" .jar | sed 's/postgresql-//');" \
     "load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
for p in ${PROFILES//,/ }; do
  setup_profile "$p"
  for fig in ${ONLY//,/ }; do
    for id in $(eval echo "\$FIG_$fig"); do : > "$TMP/$p.$fig.$id"; done
    # measure() writes $TMP/$p.$id; keep figures apart (apply_noop is in two of them)
    run_figure "$p" "$fig"
    for id in $(eval echo "\$FIG_$fig"); do mv "$TMP/$p.$id" "$TMP/$p.$fig.$id"; done
  done
  print_profile "$p"
done

#!/usr/bin/env bash
# Whole-process time of a no-op `apply` (the container-startup command on an up-to-date database), against a
# baseline JVM that opens one JDBC connection and runs one query. Prints min/median per case.
#   scripts/bench-apply.sh [RUNS]        (default 10; build first: mvn -B -q -o install -DskipTests)
# Needs SA01_TEST_DSN=postgresql://user:pass@host:port/db (a superuser: a scratch database is created and dropped)
# and psql. Set CLASSLOG=1 to also count loaded classes per case; JAVA_OPTS (e.g. "-XX:TieredStopAtLevel=1") is
# passed to every JVM, baseline included. Wall-clock times on a busy machine are noisy: compare the minimums.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
JAR=migrator/target/migrator.jar
[ -f "$JAR" ] || { echo "bench: $JAR missing; run mvn -B -q -o install -DskipTests" >&2; exit 1; }
: "${SA01_TEST_DSN:?set SA01_TEST_DSN, e.g. postgresql://soma:soma@localhost:5432/postgres}"
PGJDBC_VERSION=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml)
PGJDBC=${PGJDBC:-$HOME/.m2/repository/org/postgresql/postgresql/$PGJDBC_VERSION/postgresql-$PGJDBC_VERSION.jar}
[ -f "$PGJDBC" ] || { echo "bench: pgjdbc jar not found at $PGJDBC (set PGJDBC)" >&2; exit 1; }

DB=sa01_bench_$$
ADMIN_DSN=$SA01_TEST_DSN
BENCH_DSN=$(echo "$SA01_TEST_DSN" | sed -E "s:(//[^/]+)/[^?]*:\1/$DB:")
TMP=$(mktemp -d)
cleanup() { psql -q "$ADMIN_DSN" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$TMP"; }
trap cleanup EXIT
psql -q "$ADMIN_DSN" -c "CREATE DATABASE $DB" >/dev/null
java -jar "$JAR" apply --dsn "$BENCH_DSN" --quiet

# The baseline: one connection, the same one query the fast path runs. Compiled once, so javac is not timed.
cat > "$TMP/Probe.java" <<'JAVA'
import java.net.URI;
import java.sql.*;
import java.util.Properties;

public class Probe {
    public static void main(String[] args) throws Exception {
        URI u = URI.create(args[0].replaceFirst("^postgres(ql)?://", "pg://"));
        String[] userInfo = u.getUserInfo().split(":", 2);
        Properties p = new Properties();
        p.setProperty("user", userInfo[0]);
        p.setProperty("password", userInfo[1]);
        String url = "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + u.getPath();
        try (Connection c = new org.postgresql.Driver().connect(url, p); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, name, checksum, applied_by, applied_at, duration_ms, how "
                     + "FROM migrator.schema_history ORDER BY version")) {
            int n = 0;
            while (rs.next()) n++;
            System.out.println("history rows: " + n);
        }
    }
}
JAVA
javac -cp "$PGJDBC" -d "$TMP" "$TMP/Probe.java"

# runs COMMAND... RUNS times; prints "wall-min wall-median cpu-min cpu-median" in ms (cpu = user + sys, all threads:
# steadier than wall-clock when the machine is busy)
measure() {
  local log=$TMP/times
  : > "$log"
  for _ in $(seq "$RUNS"); do
    { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1; } 2>> "$log" || { echo "bench: failed: $*" >&2; "$@"; exit 1; }
  done
  stats() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d %d ", a[1], m}'; }
  awk '{printf "%d\n", $1 * 1000}' "$log" | stats
  awk '{printf "%d\n", ($2 + $3) * 1000}' "$log" | stats
  echo
}

report() {
  local name=$1; shift
  read -r wmin wmed cmin cmed < <(measure "$@")
  local classes=""
  if [ "${CLASSLOG:-0}" = 1 ]; then
    local jvm=$1; shift
    classes=$("$jvm" -Xlog:class+load=info:file="$TMP/classes.log" "$@" >/dev/null 2>&1; grep -c 'class,load' "$TMP/classes.log")
    classes="  classes: $classes"
  fi
  printf '%-34s wall min %4d median %4d ms   cpu min %4d median %4d ms%s\n' "$name" "$wmin" "$wmed" "$cmin" "$cmed" "$classes"
}

echo "runs per case: $RUNS; pgjdbc $PGJDBC_VERSION; $(java -version 2>&1 | head -1); JAVA_OPTS=${JAVA_OPTS:-}"
report "baseline: connect + 1 query" java ${JAVA_OPTS:-} -cp "$TMP:$PGJDBC" Probe "$BENCH_DSN"
report "migrator --version (no database)" java ${JAVA_OPTS:-} -jar "$JAR" --version
report "migrator apply (no-op)" java ${JAVA_OPTS:-} -jar "$JAR" apply --dsn "$BENCH_DSN"

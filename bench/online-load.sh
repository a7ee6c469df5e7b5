#!/usr/bin/env bash
# Online-migration load test (run by hand, not in CI). A table shaped like multimodal_executions with ROWS rows,
# an application load of bounded length (pgbench, 4 clients: inserts, updates and selects by key, rate-limited, each
# transaction one statement), and during it a migration that adds an index, adds a foreign key, sets NOT NULL on a
# populated column, adds a UNIQUE constraint and changes an index. The migration is what 'diff' prints from the
# database to a database holding the target schema: once in the online form (the default), once --plain (what a
# Flyway user would write); each is applied with the migrator jar to a fresh copy of the same data.
# Prints, per plan: max and p99 application statement latency during the migration, failed application
# statements, and the migration's duration.
#   bench/online-load.sh            (build first: mvn -B -q -o install -DskipTests)
# Environment: ROWS (default 2000000), LOAD_SECONDS (default ROWS/20000 + 40), KEEP (a directory to copy the two
# generated scripts to), RATE (transactions/s
# over all clients, default 200), DDL_LOCK_TIMEOUT (seconds, default 0.5), SA01_TEST_DSN (a user who may create
# databases; default the local soma/soma server). Needs psql and pgbench. Scratch databases sa01_load_<pid>_* are
# dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-2000000}
RATE=${RATE:-200}
DDL_LOCK_TIMEOUT=${DDL_LOCK_TIMEOUT:-0.5}
JAR=migrator/target/migrator.jar
[ -f "$JAR" ] || { echo "bench: $JAR missing; run mvn -B -q -o install -DskipTests" >&2; exit 1; }
ADMIN=${SA01_TEST_DSN:-postgresql://soma:soma@localhost:5432/postgres}
PREFIX=sa01_load_$$_
TMP=$(mktemp -d)
dsn_of() { echo "$ADMIN" | sed -E "s:(//[^/]+)/[^?]*:\1/$1:"; }
sql() { psql -XAtq -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  for db in before target online plain; do sql "$ADMIN" -c "DROP DATABASE IF EXISTS ${PREFIX}$db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# the table before the change (the target adds: FK on plan_id, tenant_id NOT NULL, UNIQUE (plan_id, step_index,
# attempt_number), idx_mm_exec_tool on (tool_id, provider) instead of (tool_id), idx_mm_exec_tenant_status)
schema() { # $1 = before | after
  local after=$1
  cat <<SQL
CREATE TYPE execution_status AS ENUM ('pending', 'running', 'succeeded', 'failed');
CREATE SEQUENCE bench_step START 1000000;
CREATE TABLE multimodal_job_plans (id uuid PRIMARY KEY, tenant_id text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE multimodal_executions (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    plan_id uuid NOT NULL $( [ "$after" = after ] && echo "CONSTRAINT multimodal_executions_plan_id_fkey REFERENCES multimodal_job_plans (id) ON DELETE CASCADE"),
    step_index integer NOT NULL,
    tenant_id text $( [ "$after" = after ] && echo "NOT NULL"),
    tool_id text NOT NULL,
    provider text NOT NULL,
    status execution_status NOT NULL DEFAULT 'pending',
    attempt_number integer NOT NULL DEFAULT 1,
    asset_id uuid,
    latency_ms integer,
    cost_estimate_cents integer,
    quality_score real,
    quality_feedback jsonb,
    error_code text,
    error_message text,
    started_at timestamptz,
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT multimodal_executions_pkey PRIMARY KEY (id)
    $( [ "$after" = after ] && echo ", CONSTRAINT uq_execution_step_attempt UNIQUE (plan_id, step_index, attempt_number)"));
CREATE INDEX idx_mm_exec_status ON multimodal_executions (status);
CREATE INDEX idx_mm_exec_tool ON multimodal_executions (tool_id $( [ "$after" = after ] && echo ", provider"));
$( [ "$after" = after ] && echo "CREATE INDEX idx_mm_exec_tenant_status ON multimodal_executions (tenant_id, status, created_at);")
SQL
}

now() { date +%s.%N; }
echo "online load benchmark: $ROWS rows, $RATE tps over 4 clients, --ddl-lock-timeout $DDL_LOCK_TIMEOUT s, $(nproc) cores"
t0=$(now)
sql "$ADMIN" -c "CREATE DATABASE ${PREFIX}before" -c "CREATE DATABASE ${PREFIX}target"
schema before | sql "$(dsn_of ${PREFIX}before)"
schema after | sql "$(dsn_of ${PREFIX}target)"
sql "$(dsn_of ${PREFIX}before)" <<SQL
INSERT INTO multimodal_job_plans (id, tenant_id) SELECT md5('plan' || p)::uuid, 'tenant_' || (p % 50) FROM generate_series(0, 9999) p;
INSERT INTO multimodal_executions (id, plan_id, step_index, tenant_id, tool_id, provider, status, latency_ms, created_at)
SELECT md5('exec' || g)::uuid, md5('plan' || (g % 10000))::uuid, g / 10000, 'tenant_' || (g % 50), 'tool_' || (g % 20),
       'prov_' || (g % 5), (ARRAY['pending', 'running', 'succeeded', 'failed'])[g % 4 + 1]::execution_status, g % 1000,
       now() - g * interval '1 second'
FROM generate_series(1, $ROWS) g;
VACUUM ANALYZE;
SQL
echo "setup: $(echo "$t0 $(now)" | awk '{printf "%.0f", $2 - $1}') s; table $(sql "$(dsn_of ${PREFIX}before)" -c "SELECT pg_size_pretty(pg_total_relation_size('multimodal_executions'))")"

# the application: one statement per transaction, so a transaction's latency is the statement's
cat > "$TMP/insert.sql" <<'SQL'
\set p random(0, 9999)
INSERT INTO multimodal_executions (plan_id, step_index, tenant_id, tool_id, provider, status) VALUES (md5('plan' || :p)::uuid, nextval('bench_step')::int, 'tenant_' || (:p % 50), 'tool_' || (:p % 20), 'prov_1', 'running');
SQL
cat > "$TMP/update.sql" <<'SQL'
\set n random(1, :rows)
UPDATE multimodal_executions SET status = 'succeeded', completed_at = now(), latency_ms = :n % 1000 WHERE id = md5('exec' || :n)::uuid;
SQL
cat > "$TMP/select.sql" <<'SQL'
\set n random(1, :rows)
SELECT id, status, latency_ms FROM multimodal_executions WHERE id = md5('exec' || :n)::uuid;
SQL

run() { # $1 = online | plain
  local mode=$1 db=${PREFIX}$1 dir=$TMP/scripts_$1 start end load
  local dsn; dsn=$(dsn_of "$db")
  sql "$ADMIN" -c "CREATE DATABASE $db TEMPLATE ${PREFIX}before"
  mkdir -p "$dir"
  # the migration: diff from this database to the target schema, as a script apply runs
  java -jar "$JAR" diff --dsn "$dsn" --to "$(dsn_of ${PREFIX}target)" $( [ "$mode" = plain ] && echo --plain) \
    > "$dir/0001_change.up.sql" 2> "$TMP/diff_$mode.log"
  : > "$dir/0001_change.down.sql"
  echo '{"extensions":{},"enums":{},"tables":{},"functions":{}}' > "$dir/0001_change.snapshot.json"
  java -jar "$JAR" generate --rehash --dir "$dir" -q
  [ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$dir/0001_change.up.sql" "$KEEP/online-load-$mode.up.sql"
  (cd "$TMP" && exec pgbench -n -c 4 -j 2 -R "$RATE" -T "${load_T}" -D rows="$ROWS" --log --log-prefix="pgbench_$mode" \
      -f insert.sql@2 -f update.sql@3 -f select.sql@5 "$dsn" > "out_$mode.txt" 2>&1) &
  local bench=$!
  sleep 5
  start=$(now)
  java -jar "$JAR" apply --dsn "$dsn" --dir "$dir" --no-seeds --ddl-lock-timeout "$DDL_LOCK_TIMEOUT" > "$TMP/apply_$mode.out" 2> "$TMP/apply_$mode.log" \
    || { echo "bench: apply ($mode) failed:" >&2; tail -5 "$TMP/apply_$mode.log" >&2; }
  end=$(now)
  wait "$bench" || true
  # pgbench --log: client transaction_no latency_us script_no epoch_s epoch_us (the end of the transaction)
  cat "$TMP"/pgbench_"$mode".* 2>/dev/null | awk -v s="$start" -v e="$end" '{ t = $5 + $6 / 1e6; if (t >= s && t - $3 / 1e6 <= e) print $3 / 1000 }' \
    | sort -n > "$TMP/lat_$mode.txt"
  local n max p99 failed aborted
  n=$(wc -l < "$TMP/lat_$mode.txt")
  max=$(tail -1 "$TMP/lat_$mode.txt")
  p99=$(awk -v n="$n" 'NR == int(n * 0.99 + 0.999) { print; exit }' "$TMP/lat_$mode.txt")
  failed=$(grep -Eo 'number of failed transactions: [0-9]+' "$TMP/out_$mode.txt" | head -1 | grep -Eo '[0-9]+$' || echo 0)
  aborted=$(grep -c 'aborted in command' "$TMP/out_$mode.txt" || true)
  printf '%-7s migration %6.1f s (%s segments)  app statements during it: %6d  p99 %8.1f ms  max %8.1f ms  failed %s  aborted clients %s\n' \
    "$mode" "$(echo "$start $end" | awk '{print $2 - $1}')" "$(grep -c '^-- migrator:segment' "$dir/0001_change.up.sql" | awk '{print ($1 > 0 ? $1 : 1)}')" \
    "$n" "${p99:-0}" "${max:-0}" "${failed:-0}" "$aborted"
  grep -E '^progress:' "$TMP/apply_$mode.log" | sed 's/^/    /' | tail -n 12 || true
  grep -E '^error' "$TMP/apply_$mode.log" | sed 's/^/    /' || true
}
# the load lasts long enough to outlive either migration (the plain one's length is not known in advance)
load_T=${LOAD_SECONDS:-$(( ROWS / 20000 + 40 ))}
run online
run plain

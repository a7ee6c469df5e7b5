#!/usr/bin/env bash
# Container entrypoint of the migrate service: applies pending migrations (then seeds) and exits non-zero on
# any failure, so services that depend on it (service_completed_successfully) do not start on a bad schema.
#   SA01_DB_DSN=postgresql://user:pass@host:5432/db scripts/run-migrations.sh [extra apply flags]
set -euo pipefail
. "$(dirname "$0")/jvm-flags.sh"
jar="${MIGRATOR_JAR:-/app/migrator.jar}"
[ -f "$jar" ] || jar="$(cd "$(dirname "$0")/.." && pwd)/migrator/target/migrator.jar"
[ -f "$jar" ] || { echo "run-migrations: migrator.jar not found (build with: mvn -B package)" >&2; exit 1; }
echo "run-migrations: applying migrations" >&2
status=0
java ${JAVA_OPTS:-${JVM_FLAGS[*]} -Xshare:auto} -jar "$jar" apply "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run-migrations: apply failed with exit code $status (see the line above; codes in README)" >&2
fi
exit "$status"

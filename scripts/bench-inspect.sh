#!/usr/bin/env bash
# Times CatalogInspector on a schema of N tables (default 1000) in a throwaway database.
# Usage: SA01_TEST_DSN=postgresql://soma:soma@localhost:5432/postgres scripts/bench-inspect.sh [tables] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl migrator -am test-compile
mvn -B -q -o -pl migrator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "migrator/target/test-classes:migrator/target/classes:$(cat migrator/target/bench.classpath)" \
    org.somaagent01.migrator.bench.InspectBenchmark "${1:-1000}" "${2:-10}"

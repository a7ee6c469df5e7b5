#!/usr/bin/env bash
# Records a start-up archive for one migrator command line and prints the JAVA_OPTS that use it: a dynamic
# class-data-sharing archive on JDK 17-23 (-XX:ArchiveClassesAtExit, used with -XX:SharedArchiveFile), an AOT cache
# on JDK 25+ (-XX:AOTCacheOutput, used with -XX:AOTCache), both with the flags of scripts/jvm-flags.sh (C1 only, the
# serial collector, and with an AOT cache higher compile thresholds). The training run is the command itself, so run
# it against real databases: what it loads (driver, inspector, differ, planner) is what the archive holds.
#   scripts/train-archive.sh ARCHIVE [java] -- diff --from postgresql://… --to postgresql://…
#   JAVA_OPTS="$(scripts/train-archive.sh …)" java $JAVA_OPTS -jar migrator.jar diff …
# The archive belongs to that JVM build and that jar: record it again after either changes (the JVM refuses a stale
# one with a warning and runs without it). MIGRATOR_JAR overrides migrator/target/migrator.jar.
set -euo pipefail
. "$(dirname "$0")/jvm-flags.sh"
[ $# -ge 3 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
archive=$1; shift
java=java
if [ "$1" != -- ]; then java=$1; shift; fi
[ "$1" = -- ] || { echo "train-archive: expected -- before the migrator arguments" >&2; exit 2; }
shift
jar=${MIGRATOR_JAR:-$(cd "$(dirname "$0")/.." && pwd)/migrator/target/migrator.jar}
[ -f "$jar" ] || { echo "train-archive: $jar not found (mvn -B -q -o -pl migrator -am package -DskipTests)" >&2; exit 1; }
feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
flags=("${JVM_FLAGS[@]}")
if [ "${feature%%.*}" -ge 25 ]; then train=-XX:AOTCacheOutput=; use=-XX:AOTCache=; flags+=("${AOT_CACHE_FLAGS[@]}")
else train=-XX:ArchiveClassesAtExit=; use=-XX:SharedArchiveFile=
fi
# the command's own exit code (3 for differences with --exit-code) does not matter here; an archive must come out
"$java" "${flags[@]}" "${train}${archive}" -jar "$jar" "$@" >/dev/null 2>"$archive.log" || true
[ -s "$archive" ] || { echo "train-archive: no archive written; the run said:" >&2; tail -5 "$archive.log" >&2; exit 1; }
rm -f "$archive.log"
echo "${flags[*]} ${use}${archive}"

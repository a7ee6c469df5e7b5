#!/usr/bin/env bash
# One command from a fresh clone to a migrated local database: sets up PostgreSQL 15 + pgvector through
# scripts/setup-postgres.sh when nothing answers on localhost:5432, builds the migrator jar when it is missing or
# older than the sources, creates the database of SA01_DB_DSN (default postgresql://soma:soma@localhost:5432/somaagent01)
# when it does not exist, runs `apply` (scripts, then seeds) and prints `status`.
#   scripts/dev-up.sh                     # extra arguments go to apply, e.g. scripts/dev-up.sh --no-seeds
# Needs a JDK 17+ and Maven (installed with apt when missing: default-jdk-headless, maven) and, for the set-up, root
# or sudo. MVN_FLAGS (e.g. "-o") is passed to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
JAR=migrator/target/migrator.jar
DEFAULT_DSN=postgresql://soma:soma@localhost:5432/somaagent01
export SA01_DB_DSN="${SA01_DB_DSN:-$DEFAULT_DSN}"
say() { echo "dev-up: $*" >&2; }

# 1. PostgreSQL: a bash /dev/tcp probe needs no client installed yet
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  say "nothing answers on localhost:5432: installing PostgreSQL 15 + pgvector (scripts/setup-postgres.sh)"
  scripts/setup-postgres.sh
fi

# 2. The jar, rebuilt when a source, resource or pom is newer
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  say "installing a JDK and Maven (apt: default-jdk-headless maven)"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq default-jdk-headless maven >/dev/null
fi
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml schema-dsl seeds migrator -newer "$JAR" \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -print -quit)" ]; then
  say "building $JAR (mvn package -DskipTests)"
  mvn -B -q -ntp ${MVN_FLAGS:-} package -DskipTests
fi

# 3. The database, created when missing. psql takes libpq URIs: drop a jdbc: prefix and a +driver suffix (SQLAlchemy);
#    pgjdbc's ?user=&password= are libpq URI parameters too.
command -v psql >/dev/null || { say "psql not found: install postgresql-client-15 (or run scripts/setup-postgres.sh)"; exit 1; }
uri=$(printf %s "$SA01_DB_DSN" | sed -E 's#^jdbc:##; s#^(postgres(ql)?)\+[A-Za-z0-9_]+://#\1://#')
db=$(printf %s "$uri" | sed -E 's#^[a-z]+://[^/]*/?([^?]*).*$#\1#')
[ -n "$db" ] || { say "SA01_DB_DSN names no database: add /NAME after host:port"; exit 2; }
db=$(printf '%b' "${db//%/\\x}")   # percent-decoded, as the migrator reads it
admin=$(printf %s "$uri" | sed -E 's#^([a-z]+://[^/?]*)/?[^?]*#\1/postgres#')
exists=$(psql "$admin" -XAtq -v ON_ERROR_STOP=1 -v db="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';") \
  || { say "cannot query the server of SA01_DB_DSN (see the psql error above)"; exit 5; }
if [ "$exists" != 1 ]; then
  say "creating database $db"
  psql "$admin" -XAtq -v ON_ERROR_STOP=1 -v db="$db" <<<'CREATE DATABASE :"db";' >/dev/null
fi

# 4. Migrate, then show where it stands
java -jar "$JAR" apply "$@"
java -jar "$JAR" status

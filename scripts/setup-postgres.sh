#!/usr/bin/env bash
# Installs PostgreSQL 15 and builds pgvector from Debian's source package, then
# (re)starts the default cluster and makes a superuser role for the tests.
# Debian/Ubuntu only; run as root (or with sudo available). Idempotent.
#   scripts/setup-postgres.sh            # install + start cluster 15/main on :5432
# Afterwards: SA01_TEST_DSN=postgresql://soma:soma@localhost:5432/postgres
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
PG_MAJOR=15
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
export DEBIAN_FRONTEND=noninteractive

# The archive address comes from the machine's own apt sources, never from this repo.
archive_uri() {
  local uri
  uri=$(grep -hoE '^URIs:[[:space:]]*[^[:space:]]+' /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hoE '^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[^[:space:]]+' /etc/apt/sources.list 2>/dev/null \
        | awk '{print $NF}' | grep -v security | head -n1 || true)
  [ -n "$uri" ] || { echo "setup-postgres: no Debian archive found in /etc/apt sources" >&2; exit 1; }
  echo "$uri"
}

$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-client-$PG_MAJOR \
  build-essential dpkg-dev jq >/dev/null

if [ ! -f "$($PG_CONFIG --sharedir)/extension/vector.control" ]; then
  src_list=/etc/apt/sources.list.d/sa01-trixie-src.list
  echo "deb-src $(archive_uri) trixie main" | $SUDO tee "$src_list" >/dev/null
  $SUDO apt-get update -qq
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1 || (cd "$work" && apt-get source pgvector))
  dir=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n1)
  make -s -C "$dir" PG_CONFIG=$PG_CONFIG OPTFLAGS="" >/dev/null
  $SUDO make -s -C "$dir" PG_CONFIG=$PG_CONFIG install >/dev/null
  # keep the trixie source entry from affecting later installs
  $SUDO rm -f "$src_list"; $SUDO apt-get update -qq || true
fi

# Installing the dev package may upgrade the server under a running cluster: restart after install.
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$PG_MAJOR main$"; then
  $SUDO pg_createcluster $PG_MAJOR main >/dev/null
fi
$SUDO pg_ctlcluster $PG_MAJOR main restart 2>/dev/null || $SUDO pg_ctlcluster $PG_MAJOR main start
for _ in $(seq 1 30); do pg_isready -q -h localhost -p 5432 && break; sleep 0.5; done
$SUDO -u postgres psql -q -X -v ON_ERROR_STOP=1 -c \
  "DO \$\$BEGIN CREATE ROLE soma LOGIN SUPERUSER PASSWORD 'soma'; EXCEPTION WHEN duplicate_object THEN NULL; END\$\$;" 2>/dev/null \
  || su postgres -c "psql -q -X -c \"DO \\\$\\\$BEGIN CREATE ROLE soma LOGIN SUPERUSER PASSWORD 'soma'; EXCEPTION WHEN duplicate_object THEN NULL; END\\\$\\\$;\""
echo "PostgreSQL $PG_MAJOR with pgvector is running on localhost:5432 (role soma/soma)."
echo "export SA01_TEST_DSN=postgresql://soma:soma@localhost:5432/postgres"

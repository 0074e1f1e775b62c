#!/usr/bin/env bash
# Starts a local PostgreSQL for the migration test (installs Debian's package when missing).
# Prints the JDBC URL on success; prints nothing and exits 0 when PostgreSQL cannot be had,
# so the suite still runs (the PostgreSQL test then reports itself skipped).
set -u
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || exit 0
fi
ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$ver" ] || exit 0
pg_lsclusters -h 2>/dev/null | grep -q . || pg_createcluster "$ver" main >/dev/null 2>&1 || exit 0
pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
for _ in $(seq 1 20); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='stampboard'\"" 2>/dev/null | grep -q 1 \
  || su postgres -c "psql -qc \"create role stampboard login password 'stampboard'\"" >/dev/null 2>&1 || exit 0
su postgres -c "psql -qc 'drop database if exists stampboard_test'" >/dev/null 2>&1
su postgres -c "psql -qc 'create database stampboard_test owner stampboard'" >/dev/null 2>&1 || exit 0
port=$(pg_lsclusters -h | awk '$2=="main"{print $3; exit}')
echo "jdbc:postgresql://localhost:${port:-5432}/stampboard_test"

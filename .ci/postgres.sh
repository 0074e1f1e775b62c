#!/usr/bin/env bash
# Starts a local PostgreSQL for the migration test (installs Debian's package when missing) and
# prints its JDBC URL. Exits non-zero, saying why on stderr, when PostgreSQL cannot be had: CI must
# not pass with the PostgreSQL migration test silently skipped.
set -u
fail() { echo ".ci/postgres.sh: $*" >&2; exit 1; }
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 \
    || fail "PostgreSQL is not installed and apt-get could not install it"
fi
ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$ver" ] || fail "no PostgreSQL version under /usr/lib/postgresql"
pg_lsclusters -h 2>/dev/null | grep -q . || pg_createcluster "$ver" main >/dev/null 2>&1 \
  || fail "could not create a PostgreSQL $ver cluster"
pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true   # already running is fine; the check below decides
up=no
for _ in $(seq 1 40); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then up=yes; break; fi
  sleep 0.5
done
[ "$up" = yes ] || fail "PostgreSQL $ver did not accept connections within 20 s (see /var/log/postgresql/)"
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='stampboard'\"" 2>/dev/null | grep -q 1 \
  || su postgres -c "psql -qc \"create role stampboard login password 'stampboard'\"" >/dev/null 2>&1 \
  || fail "could not create the stampboard role"
# one database per run, so two clones tested at once never drop each other's; old ones are removed
db="stampboard_test_$$_$(date +%s)"
for old in $(su postgres -c "psql -qAtc \"select datname from pg_database where datname like 'stampboard_test%' and (now() - (pg_stat_file('base/'||oid||'/PG_VERSION')).modification) > interval '1 day'\"" 2>/dev/null); do
  su postgres -c "psql -qc 'drop database if exists $old'" >/dev/null 2>&1
done
su postgres -c "psql -qc 'create database $db owner stampboard'" >/dev/null 2>&1 \
  || fail "could not create the $db database"
port=$(pg_lsclusters -h | awk '$2=="main"{print $3; exit}')
echo "jdbc:postgresql://localhost:${port:-5432}/$db"

#!/usr/bin/env bash
# Substitute base images built from Debian packages only, for a machine that cannot pull from Docker Hub but can
# reach a Debian mirror (README "Several instances", "Deployment example"). Needs root, a running dockerd and
# debootstrap. Makes:
#   local/debian:bookworm    a debootstrap --variant=minbase of Debian 12, imported
#   local/jre:17             + openjdk-17-jre-headless        stands in for eclipse-temurin:17-jre
#   local/postgres:15        + postgresql-15 and an entry point that honours POSTGRES_DB/USER/PASSWORD and
#                            initialises /var/lib/postgresql/data on first start, like postgres:15
#   local/nginx:1.22         + nginx, /etc/nginx/conf.d/*.conf, logs to stdout/stderr, like nginx:1.27
# Then: JRE_IMAGE=local/jre:17 POSTGRES_IMAGE=local/postgres:15 NGINX_IMAGE=local/nginx:1.22 (deploy/try-it.sh).
# Packages are installed with the host's network (--network host): the default bridge may have no route out.
# An image that exists already is kept; REBUILD=1 builds all again.
set -euo pipefail

SUITE=bookworm   # postgresql-15 is bookworm's
MIRROR=${MIRROR:-http://deb.debian.org/debian}
WORK=${WORK:-/tmp/stampboard-local-images}
REBUILD=${REBUILD:-0}

have() { [[ $REBUILD != 1 ]] && docker image inspect "$1" > /dev/null 2>&1; }

for tool in docker debootstrap; do
    command -v "$tool" > /dev/null || { echo "local-images.sh: $tool is not installed (apt-get install docker.io debootstrap)" >&2; exit 1; }
done
docker info > /dev/null 2>&1 || { echo "local-images.sh: no Docker engine answers (start dockerd first)" >&2; exit 1; }

if ! have "local/debian:$SUITE"; then
    echo "== local/debian:$SUITE (debootstrap --variant=minbase from $MIRROR)"
    rm -rf "$WORK/rootfs"
    mkdir -p "$WORK"
    debootstrap --variant=minbase "$SUITE" "$WORK/rootfs" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 \
        || { tail -20 "$WORK/debootstrap.log" >&2; exit 1; }
    rm -rf "$WORK/rootfs/var/cache/apt/archives/"*.deb "$WORK/rootfs/var/lib/apt/lists/"*
    tar -C "$WORK/rootfs" -c . | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' \
        --change 'CMD ["bash"]' - "local/debian:$SUITE" > /dev/null
    rm -rf "$WORK/rootfs"
fi

# build NAME: a Dockerfile on stdin, no context
build() {
    if have "$1"; then
        echo "== $1 (exists)"
        return
    fi
    echo "== $1"
    docker build --network host -q -t "$1" - > /dev/null
}

build local/jre:17 <<DOCKERFILE
FROM local/debian:$SUITE
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        openjdk-17-jre-headless ca-certificates && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
CMD ["jshell"]
DOCKERFILE

build local/postgres:15 <<'DOCKERFILE'
FROM local/debian:bookworm
# no "main" cluster at install: the entry point makes one in PGDATA on first start
RUN mkdir -p /etc/postgresql-common && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf \
    && apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o Dpkg::Options::=--force-confold postgresql-15 && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
    && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data
RUN printf '%s\n' \
    '#!/bin/sh' \
    '# the contract of the postgres image: POSTGRES_USER (postgres), POSTGRES_PASSWORD, POSTGRES_DB (= user), PGDATA' \
    'set -eu' \
    ': "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"' \
    'USER_NAME=${POSTGRES_USER:-postgres}; DB=${POSTGRES_DB:-$USER_NAME}' \
    'PGDATA=${PGDATA:-/var/lib/postgresql/data}; export PGDATA' \
    'if [ ! -s "$PGDATA/PG_VERSION" ]; then' \
    '  mkdir -p "$PGDATA"; chmod 700 "$PGDATA"' \
    '  pw=$(mktemp); printf "%s\n" "$POSTGRES_PASSWORD" > "$pw"' \
    '  initdb -U "$USER_NAME" --pwfile="$pw" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 > /dev/null; rm -f "$pw"' \
    '  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"' \
    '  echo "listen_addresses = '"'"'*'"'"'" >> "$PGDATA/postgresql.conf"' \
    '  if [ "$DB" != postgres ]; then' \
    '    postgres --single -D "$PGDATA" postgres > /dev/null <<SQL' \
    'CREATE DATABASE "$DB" OWNER "$USER_NAME";' \
    'SQL' \
    '  fi' \
    '  echo "initialised $PGDATA: database $DB, user $USER_NAME"' \
    'fi' \
    'exec postgres -D "$PGDATA" "$@"' > /usr/local/bin/postgres-entrypoint && chmod 755 /usr/local/bin/postgres-entrypoint
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PGDATA=/var/lib/postgresql/data
USER postgres
VOLUME /var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]
DOCKERFILE

build local/nginx:1.22 <<DOCKERFILE
FROM local/debian:$SUITE
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
    && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
DOCKERFILE

docker images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^local/'

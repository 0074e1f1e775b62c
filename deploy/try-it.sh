#!/usr/bin/env bash
# Runs the deployment example for real (issue 18, README "Deployment example") and checks what it promises:
#   1. the image is built from this repository (deploy/Dockerfile), compose starts PostgreSQL, two consoles and nginx;
#   2. both consoles pass their readiness check (the compose health check), directly and through nginx;
#   3. a stamp declared and samples ingested through console A are read back through console B within 5 s;
#   4. a browser signs in through nginx: every request of that session reaches one console, which alone holds it;
#   5. the console holding the cutover executor's lease is killed (SIGKILL, no clean hand-over): the other takes it,
#      and the elected lease if the killed one held that too, within stampboard.cutover.lease-seconds (30 s), and
#      nginx goes on serving.
# Exits non-zero at the first check that fails. Heavy (two JVMs, minutes): not part of .ci/run.
#
#   bash deploy/try-it.sh          from the repository root; needs a Docker engine, docker-compose (or docker
#                                  compose), curl, python3, Maven's jar build; chromium for step 4
# Environment:
#   LOCAL_IMAGES=1   use the Debian substitutes of deploy/local-images.sh (default: when Docker Hub does not resolve)
#   JAR=source       build the jar inside the image build (default prebuilt: target/ of ./mvnw -Pproduction package)
#   STAMPBOARD_PORT  nginx's port on this machine (8095); KEEP=1 leaves everything running; OUT (target/try-it)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${STAMPBOARD_PORT:-8095}
OUT=${OUT:-target/try-it}
JAR=${JAR:-prebuilt}
KEEP=${KEEP:-0}
BOUND_S=5
LEASE_S=30
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-stampboard-try}
export STAMPBOARD_PORT=$PORT
export STAMPBOARD_DB_PASSWORD=${STAMPBOARD_DB_PASSWORD:-try-it-db-$(date +%s)}
export STAMPBOARD_ADMIN_PASSWORD=${STAMPBOARD_ADMIN_PASSWORD:-try-it-admin-$(date +%s)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
began=$(date +%s)

say() { printf '[%4ds] %s\n' $(($(date +%s) - began)) "$*"; }
fail() {
    say "FAILED: $*"
    exit 1
}

if docker compose version > /dev/null 2>&1; then
    COMPOSE=(docker compose -f deploy/compose.yaml)
elif command -v docker-compose > /dev/null; then
    COMPOSE=(docker-compose -f deploy/compose.yaml)
else
    fail "neither 'docker compose' nor docker-compose is installed"
fi
docker info > /dev/null 2>&1 || fail "no Docker engine answers (start dockerd)"

finish() {
    status=$?
    if [[ $status != 0 ]]; then
        "${COMPOSE[@]}" ps > "$OUT/ps.txt" 2>&1 || true
        "${COMPOSE[@]}" logs --no-color > "$OUT/compose.log" 2>&1 || true
        say "logs of every container: $OUT/compose.log"
    fi
    if [[ $KEEP == 1 ]]; then
        say "KEEP=1: left running; stop with: STAMPBOARD_DB_PASSWORD=- STAMPBOARD_ADMIN_PASSWORD=-" \
            "COMPOSE_PROJECT_NAME=$COMPOSE_PROJECT_NAME ${COMPOSE[*]} down -v"
    else
        "${COMPOSE[@]}" down -v --remove-orphans > "$OUT/down.log" 2>&1 || true
    fi
}
trap finish EXIT

# ---- 1. images -------------------------------------------------------------------------------------------------
build_args=(--build-arg "JAR=$JAR")
if [[ -z ${LOCAL_IMAGES:-} ]]; then
    if getent hosts registry-1.docker.io > /dev/null; then LOCAL_IMAGES=0; else LOCAL_IMAGES=1; fi
fi
if [[ $LOCAL_IMAGES == 1 ]]; then
    say "base images: Debian substitutes (deploy/local-images.sh), Docker Hub is not used"
    bash deploy/local-images.sh | sed 's/^/    /'
    export POSTGRES_IMAGE=local/postgres:15 NGINX_IMAGE=local/nginx:1.22
    # the substitutes install curl with apt: give the build the host's network
    build_args+=(--build-arg JRE_IMAGE=local/jre:17 --network host)
fi

if [[ $JAR == prebuilt ]]; then
    jar=$(ls target/stampboard-*.jar 2> /dev/null | head -1 || true)
    if [[ -z $jar ]] || ! unzip -p "$jar" META-INF/VAADIN/config/flow-build-info.json 2> /dev/null \
        | grep -q '"productionMode" *: *true'; then
        say "building the production jar (./mvnw -B -Pproduction package -DskipTests)"
        ./mvnw -B -q -Pproduction package -DskipTests > "$OUT/jar-build.log" 2>&1 || fail "jar build, see $OUT/jar-build.log"
        jar=$(ls target/stampboard-*.jar | head -1)
    fi
    say "jar: $jar ($(du -h "$jar" | cut -f1), production mode)"
fi

# BuildKit skips the stage the build does not use. Docker 23+ has it through the buildx plugin; a 20.10 client has
# it built in (DOCKER_BUILDKIT=1); a newer client without the plugin has only the legacy builder, which would run
# every stage.
builder=""
for client in docker /usr/bin/docker; do
    command -v "$client" > /dev/null || continue
    if "$client" buildx version > /dev/null 2>&1; then
        builder=$client
        break
    fi
    major=$("$client" version --format '{{.Client.Version}}' 2> /dev/null | cut -d. -f1 || true)
    if [[ $major =~ ^[0-9]+$ && $major -lt 23 ]]; then
        builder=$client
        break
    fi
done
[[ -n $builder ]] || fail "no docker client with BuildKit (install the buildx plugin)"
say "docker build -f deploy/Dockerfile ${build_args[*]} -t stampboard:latest ."
DOCKER_BUILDKIT=1 "$builder" build -f deploy/Dockerfile "${build_args[@]}" -t stampboard:latest . \
    > "$OUT/image-build.log" 2>&1 || { tail -30 "$OUT/image-build.log"; fail "image build, see $OUT/image-build.log"; }
say "image: $(docker image inspect stampboard:latest --format '{{.Id}} {{.Size}} bytes')"
docker run --rm --entrypoint java stampboard:latest -version 2>&1 | grep -i version | sed 's/^/    /'

# ---- 2. up, readiness ------------------------------------------------------------------------------------------
"${COMPOSE[@]}" down -v --remove-orphans > /dev/null 2>&1 || true
say "${COMPOSE[*]} up -d   (project $COMPOSE_PROJECT_NAME, nginx on port $PORT)"
up_at=$(date +%s)
# compose starts nginx only once both consoles are healthy: up -d returns then (or fails)
"${COMPOSE[@]}" up -d > "$OUT/up.log" 2>&1 || { cat "$OUT/up.log"; fail "compose up"; }
cid() { "${COMPOSE[@]}" ps -q "$1"; }
ip() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$(cid "$1")"; }
health() { docker inspect -f '{{.State.Health.Status}}' "$(cid "$1")"; }
for c in console-a console-b; do
    until [[ $(health $c) == healthy ]]; do
        [[ $(($(date +%s) - up_at)) -lt 400 ]] || fail "$c not healthy after 400 s"
        sleep 2
    done
done
A=http://$(ip console-a):8080
B=http://$(ip console-b):8080
N=http://localhost:$PORT
say "both consoles healthy (their readiness check passes) $(($(date +%s) - up_at)) s after up; A=$A B=$B"
"${COMPOSE[@]}" ps | sed 's/^/    /'
for url in "$A" "$B" "$N"; do
    for probe in readiness liveness; do
        code=$(curl -s -o "$OUT/probe.json" -w '%{http_code}' "$url/actuator/health/$probe")
        [[ $code == 200 ]] || fail "$url/actuator/health/$probe answered $code: $(cat "$OUT/probe.json")"
        say "GET $url/actuator/health/$probe -> $code $(cat "$OUT/probe.json")"
    done
done

# ---- 3. declare through A, read through B ----------------------------------------------------------------------
admin=(-u "admin:$STAMPBOARD_ADMIN_PASSWORD")
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
call() { # METHOD URL [BODY]: the answer, failing on a status other than 2xx
    local code
    code=$(curl -s -o "$OUT/answer.json" -w '%{http_code}' -X "$1" "${auth[@]}" -H 'Content-Type: application/json' \
        ${3:+--data-binary "$3"} "$2")
    [[ $code == 2* ]] || fail "$1 $2 answered $code: $(head -c 400 "$OUT/answer.json")"
    cat "$OUT/answer.json"
}
auth=("${admin[@]}")
token=$(call POST "$A/api/v1/tokens" \
    '{"name":"try-it","days":1,"kind":"SERVICE","roles":["INGEST","VIEWER"]}' | json 'd["secret"]')
auth=(-H "Authorization: Bearer $token")
say "a service token (INGEST, VIEWER) from admin on A"

stamp=try-$(date +%s)
call PUT "$A/api/v1/stamps/$stamp" \
    '{"region":"tryregion","pools":[{"pool":"REGISTRY","nodes":["rg-000","rg-001"]},{"pool":"DATAPROXY","nodes":["dp-000","dp-001"]}]}' \
    > /dev/null
declared=$(date +%s%N)
say "PUT $A/api/v1/stamps/$stamp (region tryregion, 2 + 2 nodes)"
# 30 minutes of node CPU: dp-000 runs 40 + (t mod 30), dp-001 20 %, the registry nodes 10 %
samples=$(python3 - "$stamp" << 'PY'
import json, sys, time
stamp = sys.argv[1]
now = int(time.time()) // 60
rows, hot = [], []
for t in range(now - 30, now):
    minute = time.strftime("%Y-%m-%dT%H:%M:00Z", time.gmtime(t * 60))
    dp0 = 40 + (t % 30)
    hot.append(dp0)
    for node, cpu in (("dp-000", dp0), ("dp-001", 20)):
        rows.append({"stamp": stamp, "pool": "DATAPROXY", "node": node, "minute": minute, "cpu": cpu})
    for node in ("rg-000", "rg-001"):
        rows.append({"stamp": stamp, "pool": "REGISTRY", "node": node, "minute": minute, "cpu": 10})
hot.sort()
import math
# DESIGN §2: the hot node's value at rank ceil(0.95 n) of the n minutes sorted ascending
print(json.dumps({"samples": rows, "expect": hot[math.ceil(0.95 * len(hot)) - 1]}))
PY
)
expect=$(json 'd["expect"]' <<< "$samples")
body=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"samples": d["samples"]}))' <<< "$samples")
# B must know the stamp before anything is sent to it; here the samples go to A, which took the declaration
accepted=$(call POST "$A/api/v1/telemetry/node-cpu" "$body" | json 'd["accepted"]')
ingested=$(date +%s%N)
say "POST $A/api/v1/telemetry/node-cpu: $accepted samples accepted (30 minutes x 4 nodes); expected hot-node P95 of DATAPROXY: $expect"
[[ $accepted == 120 ]] || fail "A accepted $accepted of 120 samples"

until p95=$(curl -s "${auth[@]}" "$B/api/v1/stamps/$stamp/pools/DATAPROXY/hot-node" | json 'd.get("p95")' 2> /dev/null) \
    && [[ $p95 == "$expect" || $p95 == "$expect.0" ]]; do
    (($(date +%s%N) - ingested < BOUND_S * 1000000000)) || fail "B did not answer P95 $expect within ${BOUND_S} s (last: ${p95:-none})"
    sleep 0.1
done
seen=$(date +%s%N)
say "GET $B/api/v1/stamps/$stamp/pools/DATAPROXY/hot-node -> p95 $p95, $(((seen - ingested) / 1000000)) ms after A accepted the samples ($(((seen - declared) / 1000000)) ms after the declaration)"
p95a=$(call GET "$A/api/v1/stamps/$stamp/pools/DATAPROXY/hot-node" | json 'd["p95"]')
[[ $p95a == "$p95" ]] || fail "A answers P95 $p95a, B $p95"
say "A answers the same P95 ($p95a)"
stampsB=$(call GET "$B/api/v1/stamps?region=tryregion" | json '[s["name"] if isinstance(s, dict) and "name" in s else s for s in d]')
say "B lists region tryregion: $stampsB"

# ---- 4. sign in through nginx: one session, one console ---------------------------------------------------------
if [[ ${SKIP_BROWSER:-0} == 1 ]]; then
    say "SKIP_BROWSER=1: no sign-in through nginx"
else
    CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
    [[ -x $CHROMIUM ]] || fail "no chromium at $CHROMIUM (apt-get install chromium, or SKIP_BROWSER=1)"
    ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$OUT/playwright.cp" -Dmdep.includeScope=test \
        -Dmdep.includeGroupIds=com.microsoft.playwright,com.google.code.gson,org.opentest4j > /dev/null \
        || fail "no Playwright class path (./mvnw dependency:build-classpath)"
    nginx_id=$(cid nginx)
    log_from=$(date +%s)
    STAMPBOARD_SIGN_IN_PASSWORD=$STAMPBOARD_ADMIN_PASSWORD CHROMIUM=$CHROMIUM \
        java -cp "$(cat "$OUT/playwright.cp")" deploy/SignIn.java "$N" admin "$OUT" > "$OUT/sign-in.log" 2>&1 \
        || { cat "$OUT/sign-in.log"; fail "sign-in through nginx"; }
    grep -v JSESSIONID "$OUT/sign-in.log" | sed 's/^/    /'
    session=$(sed -n 's/^JSESSIONID=//p' "$OUT/sign-in.log")
    [[ -n $session ]] || fail "the browser has no JSESSIONID cookie"
    say "signed in as admin through nginx ($N); screenshots $OUT/login.png, $OUT/dashboard.png"
    docker logs --since "$log_from" "$nginx_id" 2> /dev/null | grep -o 'upstream=.*' | sort | uniq -c > "$OUT/upstreams.txt"
    sed 's/^/    requests via nginx, by console: /' "$OUT/upstreams.txt"
    [[ $(wc -l < "$OUT/upstreams.txt") == 1 ]] || fail "the browser's requests reached more than one console"
    # Swagger UI is behind the console's session sign-in: only the console that holds the session lets it in
    holder=""
    for c in console-a console-b; do
        where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "JSESSIONID=$session" \
            "http://$(ip $c):8080/swagger-ui/index.html")
        say "GET $c /swagger-ui/index.html with the browser's session cookie -> $where"
        if [[ $where == 200* ]]; then holder="$holder $c"; fi
    done
    [[ $holder == " console-a" || $holder == " console-b" ]] || fail "the session is held by:${holder:- none}"
    served=$(awk '{print $2}' "$OUT/upstreams.txt" | sed 's/upstream=//; s/:8080//')
    [[ $served == "$(ip "${holder# }")" ]] || fail "nginx sent the browser to $served, the session is on$holder"
    say "sticky: every request of the session went to$holder ($served), the only console that knows the session"
fi

# ---- 5. kill the console that holds the executor lease ---------------------------------------------------------
metric() { # CONSOLE NAME: the metric's value on that console (HTTP Basic as admin)
    curl -s "${admin[@]}" "http://$(ip "$1"):8080/actuator/prometheus" | awk -v m="$2" '$1 == m {print $2}'
}
leases() {
    for c in console-a console-b; do
        [[ -n $(cid $c) && $(docker inspect -f '{{.State.Running}}' "$(cid $c)") == true ]] || continue
        printf '%s elected=%s executor=%s  ' $c "$(metric $c stampboard_elected)" "$(metric $c stampboard_executor_lease_held)"
    done
}
held() { [[ $(metric "$1" "$2") == 1* ]]; }
victim=""
for _ in $(seq 1 60); do
    for c in console-a console-b; do
        held $c stampboard_executor_lease_held && victim=$c && break 2
    done
    sleep 1
done
[[ -n $victim ]] || fail "no console holds the executor lease ($(leases))"
other=console-a
[[ $victim == console-a ]] && other=console-b
say "leases: $(leases)"
moving=""
for lease in stampboard_elected stampboard_executor_lease_held; do
    held $victim $lease && moving="$moving $lease"
done
docker kill "$(cid $victim)" > /dev/null
killed=$(date +%s)
say "docker kill $victim, holder of$moving (SIGKILL: nothing is released, the leases must expire)"
for lease in $moving; do
    until held $other $lease; do
        (($(date +%s) - killed <= LEASE_S + 30)) || fail "$other did not take $lease within $((LEASE_S + 30)) s"
        sleep 1
    done
    say "$other: $lease=1, $(($(date +%s) - killed)) s after the kill (lease: ${LEASE_S} s)"
done
held $other stampboard_elected && held $other stampboard_executor_lease_held \
    || fail "$other does not hold both leases: $(leases 2> /dev/null)"
say "$other holds both leases: elected jobs and the cutover executor run there now"
for _ in 1 2 3; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$N/api/v1/stamps/$stamp/pools/DATAPROXY/hot-node")
    [[ $code == 200 ]] && break
    sleep 2
done
[[ $code == 200 ]] || fail "nginx answers $code with $victim down"
p95n=$(curl -s "${auth[@]}" "$N/api/v1/stamps/$stamp/pools/DATAPROXY/hot-node" | json 'd["p95"]')
say "through nginx with $victim down: hot-node P95 $p95n (nothing lost)"
[[ $p95n == "$p95" ]] || fail "after the kill the P95 reads $p95n, before $p95"
docker logs --since "$killed" "$(cid nginx)" 2>&1 | grep -o 'upstream=.*' | sort | uniq -c | sed 's/^/    requests via nginx after the kill: /'

say "all checks passed in $(($(date +%s) - began)) s"

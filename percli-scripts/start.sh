#!/usr/bin/env bash
# `npm start`: the local stack with both dashboards live, all on 127.0.0.1, all state under .data/stack/.
#
#   vLLM fleet (metrics under load) → Prometheus (scrapes every 5 s) → Perses v0.52.0 (server + its own web app
#   on one port, http://localhost:18080; our archive + the official ones loaded by Module Federation).
#
# Installs and builds what it needs first (percli-scripts/setup.sh, the archive, the Perses server with its UI),
# applies the project, datasource and dashboards with percli-scripts/apply.sh (the script users run), prints one
# line per component as it becomes ready and stops everything on Ctrl-C.
#
# Environment knobs (defaults in brackets):
#   STACK_DIR [.data/stack]            state folder: logs, Prometheus TSDB, Perses database and plugins
#   STACK_PERSES_PORT [18080]  STACK_PROMETHEUS_PORT [19090]  STACK_VLLM_PORT [18001]
#                                      (the vLLM pods take STACK_VLLM_PORT, +1, +2)
#   STACK_SCRAPE_INTERVAL [5s]         Prometheus scrape interval
#   STACK_LOAD_RATE [1.5]              mean requests/s per vLLM pod outside bursts
#   STACK_PODS [0]                     fleet scale: this many pods in all; those beyond the simulated three are
#                                      metrics-only stand-ins (stack/fleet-standins.ts), one process on one port
#   STACK_POD_ENGINES [2]              engines per stand-in pod
#   STACK_FLEET_PORT [STACK_VLLM_PORT+3]  port of the stand-ins (each pod at /pods/<pod>/metrics)
#   STACK_SKIP_BUILD [0]               1: reuse the existing archives (the e2e tests set it after
#                                      percli-scripts/test.sh has built the archive)
#   PERSES_PROJECT [vllm]              the Perses project the dashboards go to
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

STACK_DIR="${STACK_DIR:-$DATA/stack}"
PERSES_PORT="${STACK_PERSES_PORT:-18080}"
PROM_PORT="${STACK_PROMETHEUS_PORT:-19090}"
VLLM_PORT="${STACK_VLLM_PORT:-18001}"
SCRAPE_INTERVAL="${STACK_SCRAPE_INTERVAL:-5s}"
LOAD_RATE="${STACK_LOAD_RATE:-1.5}"
SKIP_BUILD="${STACK_SKIP_BUILD:-0}"
PODS="${STACK_PODS:-0}"
POD_ENGINES="${STACK_POD_ENGINES:-2}"
FLEET_PORT="${STACK_FLEET_PORT:-$((VLLM_PORT + 3))}"
[[ "$PODS" =~ ^[0-9]+$ ]] || die "STACK_PODS=$PODS: expected a whole number of pods (e.g. 200)"
[[ "$POD_ENGINES" =~ ^[1-9][0-9]*$ ]] || die "STACK_POD_ENGINES=$POD_ENGINES: expected a whole number ≥ 1"
PROJECT="${PERSES_PROJECT:-vllm}"
STACK="$ROOT/percli-scripts/stack"
LOGS="$STACK_DIR/logs"
mkdir -p "$LOGS" "$STACK_DIR/run"
STACK_DIR="$(cd "$STACK_DIR" && pwd)"
rm -f "$STACK_DIR/stack.json"

# --- processes: each component in its own session, so stopping it stops its children too ----------------------
names=()
pids=()
start_bg() {
  local name="$1"
  shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  names+=("$name")
  pids+=("$!")
}
stop_all() {
  trap - EXIT INT TERM
  [ -n "${build_pid:-}" ] && kill -TERM -- "-$build_pid" 2>/dev/null
  [ ${#pids[@]} -eq 0 ] && return
  log "stopping ${names[*]}"
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM -- "-${pids[i]}" 2>/dev/null || true; done
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  log "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A component died: say which, show the end of its log, stop the rest.
check_alive() {
  local i
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[i]}" 2>/dev/null; then
      log "error: ${names[i]} exited; last lines of ${LOGS#"$ROOT"/}/${names[i]}.log:"
      tail -n 15 "$LOGS/${names[i]}.log" >&2
      exit 1
    fi
  done
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
require_port() {
  port_free "$1" || die "port $1 ($2) is already in use on 127.0.0.1: stop what uses it or set $3"
}

# Waits for an HTTP endpoint, printing a dot per second (progress) and the time it took.
wait_http() {
  local name="$1" url="$2" timeout="${3:-120}" t0=$SECONDS
  printf '\033[1m[start]\033[0m waiting for %s ' "$name" >&2
  until curl -sf -o /dev/null "$url"; do
    check_alive
    if ((SECONDS - t0 > timeout)); then
      printf '\n' >&2
      die "$name not ready at $url after ${timeout}s (log: ${LOGS#"$ROOT"/}/$name.log)"
    fi
    printf '.' >&2
    sleep 1
  done
  printf ' %ss\n' "$((SECONDS - t0))" >&2
}
# Runs a long step (a build) with its output in a log, printing a dot every 2 s and its duration, so a quiet
# compiler does not look stuck. Own session, so Ctrl-C (stop_all) stops the whole build too.
build_pid=""
with_progress() {
  local label="$1" logfile="$2" t0=$SECONDS status=0
  shift 2
  printf '\033[1m[start]\033[0m %s ' "$label" >&2
  setsid "$@" >"$logfile" 2>&1 </dev/null &
  build_pid=$!
  while kill -0 "$build_pid" 2>/dev/null; do
    printf '.' >&2
    sleep 2
  done
  wait "$build_pid" || status=$?
  build_pid=""
  printf ' %ss\n' "$((SECONDS - t0))" >&2
  [ "$status" = 0 ] || { tail -n 30 "$logfile" >&2; die "$label failed (log: ${logfile#"$ROOT"/})"; }
}
ready() { printf '\033[1;32m[ready]\033[0m %-12s %s\n' "$1" "$2" >&2; }

# --- build -------------------------------------------------------------------------------------------------------
require_port "$PERSES_PORT" "Perses server" STACK_PERSES_PORT
require_port "$PROM_PORT" Prometheus STACK_PROMETHEUS_PORT
for i in 0 1 2; do require_port "$((VLLM_PORT + i))" "vLLM pod $i" STACK_VLLM_PORT; done
if [ "$PODS" -gt 0 ]; then require_port "$FLEET_PORT" "fleet stand-ins" STACK_FLEET_PORT; fi

archives="$STACK_DIR/plugins-archive"
if [ "$SKIP_BUILD" != 1 ] || [ ! -f "$ARCHIVE" ]; then
  "$ROOT/percli-scripts/setup.sh"
  "$ROOT/percli-scripts/build.sh"
fi
rm -rf "$archives"
if [ "$SKIP_BUILD" = 1 ] && ls "$DATA/plugins-archive"/Prometheus-*.tar.gz >/dev/null 2>&1; then
  # Already assembled by percli-scripts/test.sh: copy rather than re-run official-plugins.sh, which rewrites the
  # extracted copies other suites may be reading at the same moment.
  mkdir -p "$archives"
  cp "$DATA/plugins-archive"/*.tar.gz "$archives/"
else
  OFFICIAL_PLUGINS_DIR="$archives" "$ROOT/percli-scripts/official-plugins.sh"
fi
# The server rejects every resource whose plugin kind has no CUE model; see stack/schema-shims/README.md.
"$STACK/add-schema-shims.sh" "$archives"
rm -f "$archives/$MODULE_NAME"-*.tar.gz
cp "$ARCHIVE" "$archives/"
ready archives "$(cd "$archives" && ls | tr '\n' ' ')"

# The server with the Perses web app embedded: built once per pinned version (npm ci + the app build + go build,
# 7-14 min on 2 cores the first time, depending on the npm and Go caches), then reused from .data
# (see stack/build-perses.sh).
with_progress "Perses v0.52.0 server + web app (built once; the first build takes up to 15 min)" "$LOGS/perses-build.log" "$STACK/build-perses.sh"
grep -h '^\S*\[build-perses\]' "$LOGS/perses-build.log" >&2 || true
ready perses-bin "${BIN#"$ROOT"/}/perses (v0.52.0 with its web app)"

# --- run ---------------------------------------------------------------------------------------------------------
# 1. vLLM fleet (ports assigned in fleet order) and the load generator's and Prometheus's view of it.
tsx "$STACK/fleet.ts" assign-ports "$STACK/fleet.json" "$STACK_DIR/fleet.json" "$VLLM_PORT"
start_bg vllm tsx "$STACK/vllm-emitter.ts" --fleet "$STACK_DIR/fleet.json"
for i in 0 1 2; do wait_http "vllm" "http://127.0.0.1:$((VLLM_PORT + i))/metrics" 60; done
ready vllm "$(tsx "$STACK/fleet.ts" describe "$STACK_DIR/fleet.json")"

# 1b. Fleet scale (STACK_PODS): metrics-only stand-ins up to that many pods, all served by one process.
standins=()
echo '[]' >"$STACK_DIR/standins.json"
if [ "$PODS" -gt 0 ]; then
  tsx "$STACK/fleet.ts" standins "$STACK_DIR/fleet.json" "$PODS" "$POD_ENGINES" "$STACK_DIR/standins.json"
  start_bg standins tsx "$STACK/fleet-standins.ts" --pods "$STACK_DIR/standins.json" --port "$FLEET_PORT"
  wait_http standins "http://127.0.0.1:$FLEET_PORT/health" 60
  ready standins "$(node -p "require('$STACK_DIR/standins.json').length") metrics-only pods × $POD_ENGINES engines on 127.0.0.1:$FLEET_PORT/pods/<pod>/metrics"
  standins=("$STACK_DIR/standins.json" "$FLEET_PORT")
fi

# 2. Prometheus, with `pod` attached as a target label (as Kubernetes service discovery would).
mkdir -p "$STACK_DIR/prometheus"
tsx "$STACK/prometheus-config.ts" "$STACK_DIR/fleet.json" "$STACK_DIR/prometheus/prometheus.yml" "$SCRAPE_INTERVAL" \
  "${standins[@]}"
start_bg prometheus prometheus --config.file="$STACK_DIR/prometheus/prometheus.yml" \
  --storage.tsdb.path="$STACK_DIR/prometheus/data" --storage.tsdb.retention.time=2d \
  --web.listen-address="127.0.0.1:$PROM_PORT"
wait_http prometheus "http://127.0.0.1:$PROM_PORT/-/ready" 60
ready prometheus "http://127.0.0.1:$PROM_PORT (scrape every $SCRAPE_INTERVAL)"

# 3. Perses server: archives are extracted at start-up only, so start from a clean extraction folder.
mkdir -p "$STACK_DIR/perses"
rm -rf "$STACK_DIR/perses/plugins"
sed "s#@STATE@#$STACK_DIR/perses#g; s#@ARCHIVES@#$archives#g; s#@PROJECT@#$PROJECT#g" "$STACK/perses-config.yaml.tmpl" >"$STACK_DIR/perses/config.yaml"
start_bg perses perses --config="$STACK_DIR/perses/config.yaml" --web.listen-address="127.0.0.1:$PERSES_PORT"
wait_http perses "http://127.0.0.1:$PERSES_PORT/api/v1/health" 120
modules="$(curl -sf "http://127.0.0.1:$PERSES_PORT/api/v1/plugins" | tsx "$STACK/resource-names.ts")"
[[ " $modules " == *" $MODULE_NAME "* ]] || die "the Perses server did not load $MODULE_NAME (loaded: $modules); see ${LOGS#"$ROOT"/}/perses.log"
ready perses "http://127.0.0.1:$PERSES_PORT (plugins: $modules)"

# 4. Project, datasource and dashboards, through the same script users run against their own Perses.
PERSES_URL="http://127.0.0.1:$PERSES_PORT" PERSES_PROJECT="$PROJECT" PROMETHEUS_URL="http://127.0.0.1:$PROM_PORT" \
  "$ROOT/percli-scripts/apply.sh" 2>&1 | tee "$LOGS/apply.log" >&2
[ "${PIPESTATUS[0]}" = 0 ] || die "percli-scripts/apply.sh failed (see above)"
ready dashboards "project $PROJECT: $(curl -sf "http://127.0.0.1:$PERSES_PORT/api/v1/projects/$PROJECT/dashboards" | tsx "$STACK/resource-names.ts" ", ")"

# 5. Load.
loadgen_args=()
while read -r port model; do loadgen_args+=(--target "http://127.0.0.1:$port=$model"); done \
  < <(tsx "$STACK/fleet.ts" targets "$STACK_DIR/fleet.json")
start_bg loadgen tsx "$STACK/loadgen.ts" "${loadgen_args[@]}" --rate "$LOAD_RATE"
sleep 1
check_alive
ready loadgen "$((${#loadgen_args[@]} / 2)) pods, $LOAD_RATE req/s per pod with bursts (log: ${LOGS#"$ROOT"/}/loadgen.log)"

# What the e2e tests and the benchmark read to find the stack.
cat >"$STACK_DIR/stack.json" <<EOF
{ "app": "http://127.0.0.1:$PERSES_PORT", "perses": "http://127.0.0.1:$PERSES_PORT",
  "prometheus": "http://127.0.0.1:$PROM_PORT", "project": "$PROJECT", "fleet": $(cat "$STACK_DIR/fleet.json"),
  "standins": $(cat "$STACK_DIR/standins.json") }
EOF
app="http://localhost:$PERSES_PORT"
ready app "$app/projects/$PROJECT (the Perses web app: view and edit the dashboards)"
for d in $(curl -sf "http://127.0.0.1:$PERSES_PORT/api/v1/projects/$PROJECT/dashboards" | tsx "$STACK/resource-names.ts"); do
  printf '             %s\n' "$app/projects/$PROJECT/dashboards/$d" >&2
done
log "stack up: open $app/projects/$PROJECT — Ctrl-C stops everything (logs in ${LOGS#"$ROOT"/})"
while true; do
  sleep 2 &
  wait $! || true
  check_alive
done

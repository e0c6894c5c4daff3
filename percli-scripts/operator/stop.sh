#!/usr/bin/env bash
# Stops what percli-scripts/operator/start.sh started (operator, kube-apiserver, etcd, in that order), by the pids it
# recorded; keeps the state (certificates, etcd data, logs) for the next start. Safe to re-run.
#   OPERATOR_STATE [.data/operator/cluster]   the state folder start.sh used;  --quiet: no "stopped" line
source "$(dirname "$0")/../lib.sh"
STATE="${OPERATOR_STATE:-$DATA/operator/cluster}"
RUN="$STATE/run"
stopped=()
for name in perses-operator kube-apiserver etcd; do
  pidfile="$RUN/$name.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    # Each component runs in its own session: signal the whole group, give it 10 s to exit cleanly.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    stopped+=("$name")
  fi
  rm -f "$pidfile"
done
rm -f "$STATE/cluster.json"
[ "${1:-}" = --quiet ] || log "stopped: ${stopped[*]:-nothing was running}"

#!/usr/bin/env bash
# A Kubernetes control plane on 127.0.0.1 with the Perses Operator, no kubelet and no containers:
#
#   etcd → kube-apiserver (client certificates, RBAC, the operator's four CRDs) → perses-operator, run outside the
#   cluster with webhooks off, syncing Perses resources to the Perses server at OPERATOR_PERSES_URL.
#
# Builds what it needs first (percli-scripts/operator/build.sh), starts each component in its own session and
# returns once all are ready, leaving them running; percli-scripts/operator/stop.sh stops them. Re-running it while
# the control plane is up changes nothing. State (certificates, etcd data, logs, pids, kubeconfigs) lives in
# OPERATOR_STATE and is kept across stop/start; delete the folder for a fresh cluster.
#
# Environment (defaults in brackets):
#   OPERATOR_STATE [.data/operator/cluster]   state folder; cluster.json in it describes the running cluster
#   OPERATOR_PERSES_URL [http://127.0.0.1:18080]   the Perses server the operator writes to (`npm start`'s)
#   KUBE_API_PORT, ETCD_PORT [free ports]     loopback ports
#
# Then: KUBECONFIG=$OPERATOR_STATE/admin.kubeconfig .data/bin/kubectl get perses -A
source "$(dirname "$0")/../lib.sh"
HERE="$ROOT/percli-scripts/operator"
STATE="${OPERATOR_STATE:-$DATA/operator/cluster}"
PERSES_URL="${OPERATOR_PERSES_URL:-http://127.0.0.1:18080}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
PKI="$STATE/pki"
LOGS="$STATE/logs"
RUN="$STATE/run"
ADMIN_KUBECONFIG="$STATE/admin.kubeconfig"
export KUBECONFIG="$ADMIN_KUBECONFIG"

"$HERE/build.sh"

# --- already up? --------------------------------------------------------------------------------------------------
alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }
if [ -f "$STATE/cluster.json" ] && alive etcd && alive kube-apiserver && alive perses-operator; then
  running_url="$(node -p 'require(process.argv[1]).persesUrl' "$STATE/cluster.json")"
  [ "$running_url" = "$PERSES_URL" ] ||
    die "already running with OPERATOR_PERSES_URL=$running_url; stop it first (percli-scripts/operator/stop.sh)"
  log "already running: $(node -p 'require(process.argv[1]).server' "$STATE/cluster.json") (state: ${STATE#"$ROOT"/})"
  exit 0
fi
# Some component is missing: start clean, keeping certificates and etcd data.
OPERATOR_STATE="$STATE" "$HERE/stop.sh" --quiet
rm -f "$STATE/cluster.json"
mkdir -p "$PKI" "$LOGS" "$RUN"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
API_PORT="${KUBE_API_PORT:-$(free_port)}"
ETCD_PORT="${ETCD_PORT:-$(free_port)}"
ETCD_PEER_PORT="$(free_port)"
PROBE_PORT="$(free_port)"
METRICS_PORT="$(free_port)"

# Each component in its own session (pid = process group), so stop.sh stops it with everything it started.
start_bg() {
  local name="$1"
  shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo "$!" >"$RUN/$name.pid"
}
# Stops what this run started if a later step fails, so a failed start leaves nothing running.
trap 'status=$?; [ "$status" = 0 ] || OPERATOR_STATE="$STATE" "$HERE/stop.sh" --quiet; exit "$status"' EXIT

wait_until() {
  local name="$1" timeout="$2" t0=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    alive "$name" || {
      tail -n 20 "$LOGS/$name.log" >&2
      die "$name exited (log: ${LOGS#"$ROOT"/}/$name.log)"
    }
    ((SECONDS - t0 < timeout)) || die "$name not ready after ${timeout}s (log: ${LOGS#"$ROOT"/}/$name.log)"
    sleep 0.5
  done
  log "$name ready in $((SECONDS - t0)) s"
}

# --- certificates (openssl): one CA for serving and client certificates, a service-account key pair ------------
sign() { # name subject [subjectAltName]
  local name="$1" subject="$2" san="${3:-}"
  [ -f "$PKI/$name.crt" ] && return 0
  openssl req -new -newkey rsa:2048 -nodes -keyout "$PKI/$name.key" -subj "$subject" -out "$PKI/$name.csr" 2>/dev/null
  local ext="$PKI/$name.ext"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=%s\n' \
    "$([ -n "$san" ] && echo serverAuth || echo clientAuth)" >"$ext"
  [ -n "$san" ] && printf 'subjectAltName=%s\n' "$san" >>"$ext"
  openssl x509 -req -in "$PKI/$name.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial -days 3650 \
    -extfile "$ext" -out "$PKI/$name.crt" 2>/dev/null
  rm -f "$PKI/$name.csr" "$ext"
}
if [ ! -f "$PKI/ca.crt" ]; then
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$PKI/ca.key" -subj "/CN=perses-plugin-vllm test CA" \
    -days 3650 -out "$PKI/ca.crt" 2>/dev/null
fi
sign apiserver "/CN=kube-apiserver" "IP:127.0.0.1,DNS:localhost,IP:10.0.0.1,DNS:kubernetes.default.svc"
sign admin "/O=system:masters/CN=admin"         # kubectl: cluster admin through the system:masters group
sign perses-operator "/CN=perses-operator"     # the operator: only what its ClusterRole grants (RBAC below)
if [ ! -f "$PKI/sa.key" ]; then
  openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
fi

kubeconfig() { # file user
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters: [{ name: local, cluster: { server: "https://127.0.0.1:$API_PORT", certificate-authority: "$PKI/ca.crt" } }]
users: [{ name: $2, user: { client-certificate: "$PKI/$2.crt", client-key: "$PKI/$2.key" } }]
contexts: [{ name: local, context: { cluster: local, user: $2 } }]
current-context: local
EOF
}
kubeconfig "$ADMIN_KUBECONFIG" admin
kubeconfig "$STATE/operator.kubeconfig" perses-operator

# --- etcd ------------------------------------------------------------------------------------------------------------
start_bg etcd etcd --name local --data-dir "$STATE/etcd" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "local=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls "" --quota-backend-bytes 1073741824
wait_until etcd 30 curl -sf "http://127.0.0.1:$ETCD_PORT/health"

# --- kube-apiserver --------------------------------------------------------------------------------------------------
# No kubelet, so no pods: the ServiceAccount admission plugin (which wants token controllers) is off; the
# service-account keys are still required flags.
start_bg kube-apiserver "$BIN/kube-apiserver" \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" --cert-dir="$PKI" \
  --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
  --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" --client-ca-file="$PKI/ca.crt" \
  --authorization-mode=RBAC --disable-admission-plugins=ServiceAccount \
  --service-account-issuer=https://kubernetes.default.svc --service-account-key-file="$PKI/sa.pub" \
  --service-account-signing-key-file="$PKI/sa.key" --service-cluster-ip-range=10.0.0.0/24 --profiling=false
wait_until kube-apiserver 120 kubectl get --raw /readyz

# --- the operator's CRDs and RBAC, from its Go module (the version build.sh built) -----------------------------------
operator_dir="$(cd "$HERE/perses-operator" && go list -m -f '{{.Dir}}' github.com/perses/perses-operator)"
# Server-side apply: the Perses CRD (~518 KB) is over the last-applied-configuration annotation's limit.
kubectl apply --server-side --force-conflicts -f "$operator_dir/config/crd/bases/" >"$LOGS/crds.log"
kubectl wait --for=condition=Established --timeout=60s crd --all >>"$LOGS/crds.log"
kubectl apply --server-side -f "$operator_dir/config/rbac/role.yaml" >"$LOGS/rbac.log"
kubectl create clusterrolebinding perses-operator --clusterrole=manager-role --user=perses-operator \
  --dry-run=client -o yaml | kubectl apply --server-side -f - >>"$LOGS/rbac.log"
log "CRDs: $(kubectl get crd -o name | sed 's#.*/##' | tr '\n' ' ')"

# --- perses-operator ---------------------------------------------------------------------------------------------------
start_bg perses-operator env KUBECONFIG="$STATE/operator.kubeconfig" ENABLE_WEBHOOKS=false "$BIN/perses-operator" \
  --perses-server-url="$PERSES_URL" --health-probe-bind-address="127.0.0.1:$PROBE_PORT" \
  --metrics-bind-address="127.0.0.1:$METRICS_PORT"
wait_until perses-operator 60 curl -sf "http://127.0.0.1:$PROBE_PORT/readyz"

cat >"$STATE/cluster.json" <<EOF
{ "server": "https://127.0.0.1:$API_PORT", "kubeconfig": "$ADMIN_KUBECONFIG", "persesUrl": "$PERSES_URL",
  "etcd": "http://127.0.0.1:$ETCD_PORT", "logs": "$LOGS" }
EOF
log "control plane up: https://127.0.0.1:$API_PORT, operator → $PERSES_URL (KUBECONFIG=${ADMIN_KUBECONFIG#"$ROOT"/})"

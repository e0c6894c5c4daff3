#!/usr/bin/env bash
# Installs the Kubernetes control plane the operator tests run on, once: Debian's etcd, and from the Go module proxy
# kube-apiserver + kubectl (k8s.io/kubernetes v1.36.3, pinned in operator/kubernetes/go.mod) and the Perses Operator
# (v0.5.0, pinned in operator/perses-operator/go.mod), built into .data/bin. A binary is rebuilt only when it is
# missing or older than the go.mod that pins it; each build prints how long it took. Safe to re-run.
source "$(dirname "$0")/../lib.sh"
HERE="$ROOT/percli-scripts/operator"
mkdir -p "$BIN"

if ! command -v etcd >/dev/null; then
  log "apt-get install etcd-server"
  apt-get update -qq
  # The package would start a system etcd where an init system runs; tests start their own on free ports.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >/dev/null
fi

# go build of one or more packages from a pinning module, skipped while every output is newer than its go.mod.
# `nice`: the machine is shared and kube-apiserver alone keeps every core busy for minutes (about 2.2 GB peak).
build() {
  local mod="$1" label="$2" ldflags="$3"
  shift 3
  local pkg out stale=0
  for pkg in "$@"; do
    out="$BIN/$(basename "$pkg")"
    [ -x "$out" ] && [ "$out" -nt "$mod/go.mod" ] || stale=1
  done
  [ "$stale" = 1 ] || return 0
  log "building $label from the Go module proxy (first run: several minutes)"
  local t0=$SECONDS
  (cd "$mod" && nice go build -ldflags "$ldflags" -o "$BIN/" "$@")
  # go build leaves an identical output untouched: date it, so the check above sees it as built from this go.mod.
  for pkg in "$@"; do touch "$BIN/$(basename "$pkg")"; done
  log "built $label in $((SECONDS - t0)) s"
}

k8s_version="$(cd "$HERE/kubernetes" && go list -m -f '{{.Version}}' k8s.io/kubernetes)"
k8s_minor="$(echo "$k8s_version" | cut -d. -f2)"
# Without these, both binaries report v0.0.0-master and kubectl warns about version skew on every call.
version_flags="-X k8s.io/component-base/version.gitVersion=$k8s_version -X k8s.io/component-base/version.gitMajor=1"
version_flags+=" -X k8s.io/component-base/version.gitMinor=$k8s_minor -X k8s.io/component-base/version.gitTreeState=clean"
build "$HERE/kubernetes" "kube-apiserver and kubectl $k8s_version" "$version_flags" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kubectl

operator_version="$(cd "$HERE/perses-operator" && go list -m -f '{{.Version}}' github.com/perses/perses-operator)"
build "$HERE/perses-operator" "perses-operator $operator_version" "" github.com/perses/perses-operator

log "ready: etcd $(etcd --version | awk '/etcd Version/ {print $3}'), kube-apiserver and kubectl $k8s_version, perses-operator $operator_version"

#!/usr/bin/env bash
# Installs everything the build and the tests need (npm packages, percli, cue, the Perses CUE package, Prometheus, Chromium, kubectl); safe to re-run.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# npm packages: exactly the lock file. npm 11 skips dependencies' install scripts unless approved; none is needed
# here (@swc/core and @rspack ship prebuilt binaries as optional dependencies).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# percli and cue, at the versions pinned in percli-scripts/tools/go.mod (go get -tool).
mkdir -p "$BIN"
if [ ! -x "$BIN/percli" ] || [ ! -x "$BIN/cue" ] || [ percli-scripts/tools/go.mod -nt "$BIN/percli" ]; then
  log "building percli and cue from the Go module proxy (first run: a few minutes)"
  (cd percli-scripts/tools && go build -o "$BIN/" github.com/perses/perses/cmd/percli cuelang.org/go/cmd/cue)
fi

# The Perses CUE package our schemas import, copied from the Go module cache (never committed: see .gitignore).
perses_dir="$(cd percli-scripts/tools && go list -m -f '{{.Dir}}' github.com/perses/perses)"
pkg_dir="cue.mod/pkg/github.com/perses/perses/cue"
if [ ! -d "$pkg_dir/common" ]; then
  log "placing github.com/perses/perses/cue/common under cue.mod/pkg"
  mkdir -p "$pkg_dir"
  cp -r "$perses_dir/cue/common" "$pkg_dir/"
  chmod -R u+w "$pkg_dir"
fi

# The plugin runtimes of newer Perses hosts than the one we build against, for test/archive's check that every shared
# module our remote consumes without a fallback is one the host provides. @perses-dev/plugin-system 0.54.0 cannot be
# installed (its dependencies are not on the npm registry), but its tarball can be read.
hosts="$DATA/hosts"
for version in 0.54.0; do
  if [ ! -f "$hosts/plugin-system-$version/package/dist/remote/PluginRuntime.js" ]; then
    log "fetching @perses-dev/plugin-system@$version (its host plugin runtime) into ${hosts#"$ROOT"/}"
    rm -rf "$hosts/plugin-system-$version" && mkdir -p "$hosts/plugin-system-$version"
    tarball="$(cd "$hosts/plugin-system-$version" && npm pack --silent "@perses-dev/plugin-system@$version")"
    tar -xzf "$hosts/plugin-system-$version/$tarball" -C "$hosts/plugin-system-$version"
  fi
done

# Debian packages: a real Prometheus (tests ask it for histogram_quantile) and Chromium (browser tests).
missing=()
command -v prometheus >/dev/null || missing+=(prometheus)
command -v promtool >/dev/null || missing+=(prometheus)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v kubectl >/dev/null || missing+=(kubernetes-client)   # `kubectl create configmap --dry-run` (test/archive)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
log "ready: percli $(cd percli-scripts/tools && go list -m -f "{{.Version}}" github.com/perses/perses), cue $(cue version | head -1 | awk "{print \$3}"), prometheus $(prometheus --version 2>&1 | head -1 | awk "{print \$3}")"

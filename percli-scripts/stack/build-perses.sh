#!/usr/bin/env bash
# Builds the Perses server v0.52.0 WITH its web UI into .data/bin/perses, the way Perses's release does it, and
# skips everything while the pin and this script are unchanged.
#
# The server's Go module (github.com/perses/perses, pinned in stack/perses/go.mod) ships the UI's source in ui/
# but not the built app: its release runs `make build-ui` (npm install + build in ui/), then
# scripts/compress_assets.sh (gzips ui/app/dist and writes ui/embed.go from ui/embed.go.tmpl with one
# //go:embed line listing the .gz files), then `go build ./cmd/perses`. We do the same on writable copies:
#   1. UI: `npm ci` in a copy of ui/ against its own package-lock.json (npm registry only), then `npm run build`
#      in ui/app (rspack). The app's tsconfig maps @perses-dev/{core,components,plugin-system,dashboards,explore}
#      to ../<package>/src, so rspack compiles the workspace packages' sources at the same version directly;
#      the root `turbo run build` would additionally emit each package's dist/ (swc + tsc declarations), which
#      the app bundle never reads. Cached in .data/perses-ui/<version>-<hash of this script>/dist.
#   2. Server: the module copied out of the read-only module cache, the cached dist placed in ui/app/dist, the
#      module's own scripts/compress_assets.sh run, and `go build` through a `replace` in a copy of our go.mod.
# Prints each step's time. The server then serves the app on its one port, next to /api and /plugins.
source "$(dirname "$0")/../lib.sh"
mod="$ROOT/percli-scripts/stack/perses"
out="$BIN/perses"
stamp="$BIN/perses.build" # the key $out was built for

version="$(cd "$mod" && go list -m -f '{{.Version}}' github.com/perses/perses)"
script_hash="$(sha256sum "$0" | cut -c1-12)"
key="$version-$(cat "$0" "$mod/go.mod" "$mod/go.sum" | sha256sum | cut -c1-12)"
up_to_date() { [ -x "$out" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$key" ]; }
up_to_date && exit 0
# Test suites running in parallel may all ask for the server: one builds, the others wait and then reuse it.
mkdir -p "$DATA/stack"
exec 9>"$DATA/stack/build-perses.lock"
flock 9
up_to_date && exit 0

perses_dir="$(cd "$mod" && go list -m -f '{{.Dir}}' github.com/perses/perses)"
work="$DATA/stack/build/perses"
rm -rf "$work" && mkdir -p "$work" "$BIN"
trap 'rm -rf "$work"' EXIT

# --- 1. the web UI ----------------------------------------------------------------------------------------------
ui_cache="$DATA/perses-ui/$version-$script_hash"
if [ ! -f "$ui_cache/dist/index.html" ]; then
  log "building the Perses $version web UI from the Go module's ui/ (first run only; cached in ${ui_cache#"$ROOT"/})"
  cp -r "$perses_dir/ui" "$work/ui" && chmod -R u+w "$work/ui"
  t0=$SECONDS
  # The lock file pins every dependency; npm's own cache (~/.npm) makes a repeat cheap.
  (cd "$work/ui" && nice npm ci --no-audit --no-fund --loglevel=error)
  t1=$SECONDS
  log "UI: npm ci $((t1 - t0))s ($(du -sm "$work/ui/node_modules" | cut -f1) MB node_modules)"
  (cd "$work/ui/app" && NODE_OPTIONS=--max-old-space-size=4096 nice npm run build --silent >"$work/ui-build.log" 2>&1) ||
    { tail -n 40 "$work/ui-build.log" >&2; die "the Perses UI build failed"; }
  [ -f "$work/ui/app/dist/index.html" ] || die "the Perses UI build wrote no ui/app/dist/index.html"
  log "UI: rspack build $((SECONDS - t1))s ($(du -sm "$work/ui/app/dist" | cut -f1) MB)"
  # Older cached builds (another version or script) are dead weight.
  rm -rf "$DATA/perses-ui" && mkdir -p "$ui_cache"
  mv "$work/ui/app/dist" "$ui_cache/dist"
  rm -rf "$work/ui"
fi

# --- 2. the server with the UI embedded ---------------------------------------------------------------------------
t0=$SECONDS
log "building the Perses server $version with its web UI embedded (first run: a few minutes)"
# Go refuses to embed or generate files inside the read-only module cache, so build a writable copy of the module
# (16 MB) through a `replace` in a throw-away copy of our pinned go.mod/go.sum.
cp -r "$perses_dir" "$work/perses-src" && chmod -R u+w "$work/perses-src"
rm -rf "$work/perses-src/ui/app/dist" && cp -r "$ui_cache/dist" "$work/perses-src/ui/app/dist"
# The release's own step: gzip every asset and write ui/embed.go listing them (the server serves the .gz files
# through prometheus/common/assets, which un-gzips for clients that do not accept gzip).
(cd "$work/perses-src" && bash scripts/compress_assets.sh)
mkdir -p "$work/main"
cp "$mod/go.mod" "$mod/go.sum" "$work/main/"
printf '\nreplace github.com/perses/perses => ../perses-src\n' >>"$work/main/go.mod"
(cd "$work/main" && nice go build -o "$out.tmp" github.com/perses/perses/cmd/perses)
mv "$out.tmp" "$out"
echo "$key" >"$stamp"
log "built $(basename "$out") $version with the web UI in $((SECONDS - t0))s ($(du -m "$out" | cut -f1) MB)"

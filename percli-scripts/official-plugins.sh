#!/usr/bin/env bash
# Assembles the official Perses plugin archives our dashboards need into .data/plugins-archive/ (override: OFFICIAL_PLUGINS_DIR); safe to re-run.
#
# An official archive = its npm package's frontend (__mf/, mf-manifest.json, package.json) + the CUE schemas and
# cue.mod/ of its Go module github.com/perses/plugins/<name> at the same version. The npm tarballs carry no CUE, so the
# schemas come from the Go module proxy, pinned in percli-scripts/official-plugins/go.mod. A plugin whose Go module
# version the proxy refused gets an archive without schemas: the Perses UI can still load it, but the server (and
# `percli lint --plugin.path`) cannot validate specs of its kinds. Each such gap is printed.
#
# Output: <dir>/<Module>-<version>.tar.gz (the server's plugin.archive_path). With the default <dir>, also the
# extracted folders .data/official-plugins/<Module>-<version>/ (what `percli lint --plugin.path` reads), swapped in
# whole at the end, so a test reading them never sees a half-built folder. Another <dir> leaves them untouched.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

OUT="${OFFICIAL_PLUGINS_DIR:-$DATA/plugins-archive}"
EXTRACTED="$DATA/official-plugins"
mkdir -p "$DATA"
STAGE="$(mktemp -d "$DATA/official-plugins.build.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
PIN_DIR="$ROOT/percli-scripts/official-plugins"

# npm package (under @perses-dev) → Go module folder in github.com/perses/plugins.
PLUGINS=(
  "prometheus-plugin:prometheus"
  "timeseries-chart-plugin:timeserieschart"
  "stat-chart-plugin:statchart"
  "table-plugin:table"
  "heatmap-chart-plugin:heatmapchart"
  "markdown-plugin:markdown"
  "gauge-chart-plugin:gaugechart"
)

# The Perses CUE packages the official schemas import (github.com/perses/perses/cue/...), same version as percli.
perses_dir="$(cd "$ROOT/percli-scripts/tools" && go list -m -f '{{.Dir}}' github.com/perses/perses)"
[ -d "$perses_dir/cue/common" ] || die "github.com/perses/perses is not in the Go module cache: run percli-scripts/setup.sh"

# Version of a Go module pinned in official-plugins/go.mod, empty when not pinned (i.e. the proxy refused it).
pinned_version() {
  awk -v mod="$1" '$1 == mod { print $2 }' "$PIN_DIR/go.mod"
}

# Directory of a pinned Go module, downloading it through the proxy if the module cache lacks it.
# The official plugin modules (e.g. prometheus v0.53.4) are missing from the public checksum database, so the
# lookup is skipped for github.com/perses/plugins only; go.sum in $PIN_DIR still verifies every download.
go_module_dir() {
  (cd "$PIN_DIR" && GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/perses/plugins" GOFLAGS=-mod=mod \
    go mod download -json "$1@$2") |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})'
}

# cue.mod without `deps` plus the imported Perses packages under cue.mod/pkg, so CUE resolves imports offline
# (CUE rejects an import that both `deps` and cue.mod/pkg provide).
write_offline_cue_mod() {
  local src="$1" dest="$2"
  mkdir -p "$dest/cue.mod/pkg/github.com/perses/perses/cue"
  node -e '
    const fs = require("fs");
    const text = fs.readFileSync(process.argv[1], "utf8");
    // drop the whole top-level deps: { ... } block (braces balanced)
    const start = text.search(/^deps:\s*\{/m);
    let out = text;
    if (start >= 0) {
      let depth = 0, i = text.indexOf("{", start);
      for (; i < text.length; i++) { if (text[i] === "{") depth++; else if (text[i] === "}" && --depth === 0) break; }
      out = text.slice(0, start) + text.slice(i + 1).replace(/^\n/, "");
    }
    fs.writeFileSync(process.argv[2], out);
  ' "$src/cue.mod/module.cue" "$dest/cue.mod/module.cue"
  cp -r "$perses_dir/cue/common" "$dest/cue.mod/pkg/github.com/perses/perses/cue/"
}

mkdir -p "$OUT"
missing=()
for entry in "${PLUGINS[@]}"; do
  npm_name="${entry%%:*}"
  go_name="${entry##*:}"
  pkg="$ROOT/node_modules/@perses-dev/$npm_name"
  [ -f "$pkg/mf-manifest.json" ] || die "@perses-dev/$npm_name is not installed: run percli-scripts/setup.sh"
  module_name="$(node -p "require('$pkg/mf-manifest.json').name")"
  version="$(node -p "require('$pkg/package.json').version")"
  dest="$STAGE/$module_name-$version"
  mkdir -p "$dest"
  cp -r "$pkg/__mf" "$pkg/mf-manifest.json" "$pkg/package.json" "$dest/"
  for extra in README.md LICENSE; do [ -f "$pkg/$extra" ] && cp "$pkg/$extra" "$dest/"; done

  go_module="github.com/perses/plugins/$go_name"
  go_version="$(pinned_version "$go_module")"
  if [ -n "$go_version" ]; then
    [ "$go_version" = "v$version" ] || die "$go_module is pinned at $go_version but the npm package is $version: keep them equal"
    src="$(go_module_dir "$go_module" "$go_version")" || die "go mod download $go_module@$go_version failed"
    cp -r "$src/schemas" "$dest/schemas"
    write_offline_cue_mod "$src" "$dest"
  else
    # The server skips a plugin folder without schemas/ entirely (UI included), so keep the folder with a note.
    mkdir -p "$dest/schemas"
    printf '%s\n' "No CUE schemas: $go_module@v$version was not served by the Go module proxy." \
      "Specs of this module's kinds cannot be validated offline; see percli-scripts/official-plugins/go.mod." > "$dest/schemas/MISSING.txt"
    missing+=("$module_name ($go_module@v$version)")
  fi
  chmod -R u+w "$dest"
  # Entries at the archive root, as `percli plugin build` lays them out.
  tar -czf "$OUT/$module_name-$version.tar.gz" -C "$dest" $(cd "$dest" && ls -A)
  log "$module_name-$version.tar.gz$([ -n "$go_version" ] && echo " (with CUE schemas)" || echo " (frontend only)")"
done

if [ -z "${OFFICIAL_PLUGINS_DIR:-}" ]; then
  # Swap the finished folder in: two renames, never a partly written tree under the final name.
  old="$(mktemp -d "$DATA/official-plugins.old.XXXXXX")"
  [ -d "$EXTRACTED" ] && mv "$EXTRACTED" "$old/"
  mv "$STAGE" "$EXTRACTED"
  rm -rf "$old"
  log "official archives in ${OUT#"$ROOT"/}, extracted copies in ${EXTRACTED#"$ROOT"/}"
else
  log "official archives in $OUT"
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "without CUE schemas (Go module proxy refused the version): ${missing[*]}"
fi

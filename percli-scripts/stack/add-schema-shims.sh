#!/usr/bin/env bash
# Adds the stand-in CUE models of percli-scripts/stack/schema-shims/<Module>/ to the local stack's copies of official
# archives that came without schemas (see schema-shims/README.md for why). Archives with real schemas are left alone.
#   percli-scripts/stack/add-schema-shims.sh <archive folder>
source "$(dirname "$0")/../lib.sh"
dir="${1:?usage: add-schema-shims.sh <archive folder>}"
shims="$ROOT/percli-scripts/stack/schema-shims"
for module_dir in "$shims"/*/; do
  module="$(basename "$module_dir")"
  archive="$(ls "$dir/$module"-*.tar.gz 2>/dev/null | head -1)"
  [ -n "$archive" ] || continue
  tar -tzf "$archive" | grep -q '\.cue$' && continue   # real schemas: keep them
  work="$(mktemp -d)"
  tar -xzf "$archive" -C "$work"
  rm -f "$work/schemas/MISSING.txt"
  mkdir -p "$work/schemas" "$work/cue.mod"
  cp -r "$module_dir"/*/ "$work/schemas/"
  [ -f "$work/cue.mod/module.cue" ] || printf 'module: "stack.local/%s@v0"\nlanguage: version: "v0.14.0"\n' "$(echo "$module" | tr 'A-Z' 'a-z')" >"$work/cue.mod/module.cue"
  tar -czf "$archive" -C "$work" $(cd "$work" && ls -A)
  rm -rf "$work"
  log "$(basename "$archive"): added stand-in schemas for $(ls "$module_dir" | grep -v README | tr '\n' ' ')"
done

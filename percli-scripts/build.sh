#!/usr/bin/env bash
# Builds the plugin archive VllmPanels-<version>.tar.gz in the repository root with `percli plugin build`; safe to re-run.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/percli-scripts/setup.sh"
rm -rf dist "$ARCHIVE"
log "percli plugin build"
# NODE_ENV decides rsbuild's mode: a caller such as jest (NODE_ENV=test) must not get a development bundle.
NODE_ENV=production percli plugin build --skip.npm-install --log.level=warning
[ -f "$ARCHIVE" ] || die "percli plugin build did not produce $(basename "$ARCHIVE")"
log "built $(basename "$ARCHIVE") ($(du -k "$ARCHIVE" | cut -f1) KiB)"

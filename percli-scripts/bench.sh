#!/usr/bin/env bash
# Runs every benchmark and prints its table (figures and side-by-side ratios, never pass/fail); safe to re-run.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/percli-scripts/setup.sh"
for bench in test/bench/*.bench.*; do
  log "$bench"
  case "$bench" in
    *.sh) bash "$bench" ;;
    *) tsx "$bench" ;;
  esac
done

#!/usr/bin/env bash
# The whole test suite, as CI and a new user run it: installs what it needs, builds the archive, then checks everything.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/percli-scripts/setup.sh"

log "type-check and lint"
npm run --silent type-check
npm run --silent lint

"$ROOT/percli-scripts/build.sh"

log "percli plugin test-schemas"
percli plugin test-schemas

# The reference answers come from a real Prometheus: regenerate them so any drift in our engine shows up.
log "regenerating the histogram_quantile fixture from a real Prometheus"
tsx test/histogram-fixture/generate.ts

# The official plugin archives the dashboards use, for `percli lint --plugin.path` and the local Perses server.
"$ROOT/percli-scripts/official-plugins.sh"

# The Perses v0.52.0 server with its web app, which the install, operator and browser suites start (built once per
# pinned version: npm ci + the app build + go build; reused from .data afterwards).
"$ROOT/percli-scripts/stack/build-perses.sh"

# kube-apiserver, kubectl and perses-operator for test/operator/ (built once, reused while their pins are unchanged).
"$ROOT/percli-scripts/operator/build.sh"

log "jest (unit and integration suites)"
results="$DATA/jest-results.json"
status=0
jest --ci --json --outputFile="$results" "$@" || status=$?
# One plain closing line that any CI reader understands, whatever jest printed above it.
node -e 'const r = require(process.argv[1]);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);' "$results"
exit "$status"

#!/usr/bin/env bash
# Applies the project, its default Prometheus datasource and the bundled dashboards to a Perses server with percli; safe to re-run.
#
#   PERSES_URL=http://localhost:8080 PERSES_PROJECT=vllm percli-scripts/apply.sh
#
# Environment:
#   PERSES_URL         Perses server (default http://localhost:8080)
#   PERSES_PROJECT     project to create and fill (default vllm); replaces metadata.project in every applied file
#   PROMETHEUS_URL     URL the datasource proxies to (default: the one in dashboards/datasource.yaml)
#   APPLY_DATASOURCE   0 to keep the project's existing default datasource (default 1)
#   PERSES_USERNAME / PERSES_PASSWORD, or PERSES_TOKEN   credentials when the server has auth enabled
# percli's own config goes to .data/percli/config, so the user's ~/.perses/config is left alone.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PERSES_URL="${PERSES_URL:-http://localhost:8080}"
PERSES_PROJECT="${PERSES_PROJECT:-vllm}"
APPLY_DATASOURCE="${APPLY_DATASOURCE:-1}"
command -v percli >/dev/null || die "percli not found: run percli-scripts/setup.sh"
[[ "$PERSES_PROJECT" =~ ^[a-zA-Z0-9_.-]+$ ]] || die "PERSES_PROJECT='$PERSES_PROJECT' is not a valid Perses name (letters, digits, _ . -)"

cli_config="$DATA/percli/config"
mkdir -p "$(dirname "$cli_config")"
percli() { command percli --percliconfig "$cli_config" "$@"; }

login_args=("$PERSES_URL")
if [ -n "${PERSES_TOKEN:-}" ]; then
  login_args+=(--token "$PERSES_TOKEN")
elif [ -n "${PERSES_USERNAME:-}" ]; then
  login_args+=(--username "$PERSES_USERNAME" --password "${PERSES_PASSWORD:-}")
fi
percli login "${login_args[@]}" >/dev/null || die "cannot log in to $PERSES_URL: is the Perses server running (and are credentials needed)?"

# Copies of the resources with the chosen project (and Prometheus URL), so the committed files stay the one source.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
files=(dashboards/performance_statistics.yaml dashboards/query_statistics.yaml)
[ "$APPLY_DATASOURCE" = 1 ] && files=(dashboards/datasource.yaml "${files[@]}")
node - "$work" "$PERSES_PROJECT" "${PROMETHEUS_URL:-}" "${files[@]}" <<'EOF'
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const [out, project, prometheusUrl, ...files] = process.argv.slice(2);
fs.writeFileSync(path.join(out, '00-project.yaml'), YAML.stringify({ kind: 'Project', metadata: { name: project }, spec: {} }));
files.forEach((file, i) => {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  doc.setIn(['metadata', 'project'], project);
  if (prometheusUrl && doc.get('kind') === 'Datasource') {
    doc.setIn(['spec', 'plugin', 'spec', 'proxy', 'spec', 'url'], prometheusUrl);
  }
  fs.writeFileSync(path.join(out, `${String(i + 1).padStart(2, '0')}-${path.basename(file)}`), doc.toString());
});
EOF

for file in "$work"/*.yaml; do
  percli apply -f "$file" --project "$PERSES_PROJECT" >/dev/null ||
    die "percli apply of $(basename "$file" | cut -d- -f2-) was rejected by $PERSES_URL (see the message above)"
  log "applied $(basename "$file" | cut -d- -f2-) to project $PERSES_PROJECT"
done
log "open $PERSES_URL/projects/$PERSES_PROJECT"

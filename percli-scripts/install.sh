#!/usr/bin/env bash
# Installs the VllmPanels plugin archive into a Perses server (there is no `percli plugin install` in v0.52-v0.54).
#
#   percli-scripts/install.sh folder DIR [--with-official]   a server you run: DIR is its plugin.archive_path
#   percli-scripts/install.sh configmap [-n NS] [--apply]    prints (or applies) the ConfigMap vllm-panels holding the archive
#   percli-scripts/install.sh helm      [-n NS] [--apply]    the perses Helm chart (Perses v0.52): values that mount the
#                                                            ConfigMap's archive into the image's own archive folder
#   percli-scripts/install.sh operator  [-n NS]              the Perses Operator, Perses v0.52: the Perses resource whose
#                                                            volume (a PVC) must hold our archive and the official ones
#   percli-scripts/install.sh operator --archive-paths [-n NS] [--apply]
#                                                            the Perses Operator, Perses v0.53+: the ConfigMap, then the
#                                                            Perses resource that lists it in plugin.archive_paths
#
# The manifests are the files of percli-scripts/install/, which test/operator/ applies to a real kube-apiserver.
#
# Options:
#   --archive FILE      the archive to install (default: VllmPanels-<version>.tar.gz in the repository root, built
#                       with percli-scripts/build.sh when missing), e.g. one downloaded from a release
#   --with-official     (folder) also the official archives the dashboards need (percli-scripts/official-plugins.sh),
#                       with stand-in CUE models where the Go module proxy refuses the official ones
#   --archive-paths     (operator) the Perses v0.53+ resource: our archive from a ConfigMap, next to the image's own
#   -n, --namespace NS  namespace of the ConfigMap and of the Perses server (default: monitoring)
#   --apply             kubectl apply the ConfigMap (needs a kubeconfig) instead of printing it; the Perses resource
#                       or Helm values are still printed, to merge into yours
#
# Perses extracts archives at start-up only: restart the server (or its pod) afterwards, then run
# percli-scripts/apply.sh for the project, datasource and dashboards.
source "$(dirname "$0")/lib.sh"

usage() { sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

target="${1:-}"
[ -n "$target" ] || usage
shift
dir=""
archive=""
with_official=0
archive_paths=0
namespace=monitoring
apply=0
if [ "$target" = folder ]; then
  [ $# -gt 0 ] && [[ "$1" != -* ]] || die "folder needs the archive folder: install.sh folder DIR"
  dir="$1"
  shift
fi
while [ $# -gt 0 ]; do
  case "$1" in
    --archive) archive="${2:?--archive needs a file}"; shift 2 ;;
    --with-official) with_official=1; shift ;;
    --archive-paths) archive_paths=1; shift ;;
    -n | --namespace) namespace="${2:?$1 needs a namespace}"; shift 2 ;;
    --apply) apply=1; shift ;;
    -h | --help) usage ;;
    *) die "unknown option $1 (see install.sh --help)" ;;
  esac
done
case "$target" in folder | configmap | operator | helm) ;; -h | --help) usage ;; *) die "unknown target '$target': folder, configmap, operator or helm" ;; esac
[ "$with_official" = 0 ] || [ "$target" = folder ] || die "--with-official is for the folder target only"
[ "$archive_paths" = 0 ] || [ "$target" = operator ] || die "--archive-paths is for the operator target only"
[ "$apply" = 0 ] || [ "$target" != folder ] || die "--apply is for the cluster targets (configmap, operator, helm)"
# On v0.52 the operator's one archive folder must also hold the official archives (about 2.2 MB each): a PVC, which
# no kubectl apply can fill.
[ "$apply" = 0 ] || [ "$target" != operator ] || [ "$archive_paths" = 1 ] ||
  die "--apply needs --archive-paths (Perses v0.53+): on v0.52 the archives go into a PVC (README, \"Install with the Perses Operator\")"

if [ -z "$archive" ]; then
  archive="$ARCHIVE"
  [ -f "$archive" ] || "$ROOT/percli-scripts/build.sh"
fi
[ -f "$archive" ] || die "archive $archive not found"
archive="$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")"
name="$(basename "$archive")"
[[ "$name" =~ ^${MODULE_NAME}-[0-9][^/]*\.tar\.gz$ ]] || die "$name is not a $MODULE_NAME-<version>.tar.gz archive"
tar -tzf "$archive" mf-manifest.json package.json >/dev/null 2>&1 || die "$name holds no mf-manifest.json and package.json: not a plugin archive"

if [ "$target" = folder ]; then
  mkdir -p "$dir"
  # One version of the module per folder: the server would load whichever it extracts last.
  find "$dir" -maxdepth 1 -name "$MODULE_NAME-*.tar.gz" ! -name "$name" -print -delete | sed 's/^/removed older /' >&2
  cp "$archive" "$dir/$name.tmp" && mv "$dir/$name.tmp" "$dir/$name"
  log "$name → $dir"
  if [ "$with_official" = 1 ]; then
    OFFICIAL_PLUGINS_DIR="$(cd "$dir" && pwd)" "$ROOT/percli-scripts/official-plugins.sh"
    # The server accepts no dashboard using a kind without a CUE model; the proxy refuses the official models of a
    # few panels (README, "The local stack"), so their archives get the project's stand-in models.
    "$ROOT/percli-scripts/stack/add-schema-shims.sh" "$dir"
  fi
  log "restart the Perses server (archives are extracted at start-up), then: PERSES_URL=… percli-scripts/apply.sh"
  exit 0
fi

# --- cluster targets: manifests on stdout --------------------------------------------------------------------------
[[ "$namespace" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || die "'$namespace' is not a valid namespace name"
RECIPES="$ROOT/percli-scripts/install"
# A recipe of percli-scripts/install/, for this namespace and this archive's file name.
recipe() {
  sed -e "s/^\(  namespace:\) monitoring\$/\1 $namespace/" -e "s/${MODULE_NAME}-[0-9][^/ ]*\.tar\.gz/$name/g" "$RECIPES/$1"
}

if [ "$target" = operator ] && [ "$archive_paths" = 0 ]; then
  recipe operator-perses.yaml
  log "fill the PVC vllm-panels with $name and the official archives (README, \"Install with the Perses Operator\"),"
  log "then: kubectl apply --server-side -f - (this resource) and kubectl apply -f dashboards/operator/"
  exit 0
fi

command -v kubectl >/dev/null || die "kubectl not found (Debian: apt-get install kubernetes-client)"
configmap_name="$(echo "$MODULE_NAME" | sed 's/\([a-z]\)\([A-Z]\)/\1-\2/g' | tr 'A-Z' 'a-z')"   # vllm-panels
# kubectl stores the binary archive base64-encoded under binaryData; the API server refuses objects over 1 MiB.
configmap="$(kubectl create configmap "$configmap_name" --namespace "$namespace" --from-file="$archive" \
  --dry-run=client -o yaml)"
size="$(printf '%s' "$configmap" | wc -c)"
[ "$size" -lt 1048576 ] || die "the ConfigMap would be $size bytes, over Kubernetes' 1 MiB limit"

if [ "$apply" = 1 ]; then
  printf '%s\n' "$configmap" | kubectl apply --server-side -f - >&2 || die "kubectl apply of the ConfigMap failed"
  log "ConfigMap $namespace/$configmap_name applied ($size bytes)"
elif [ "$target" != helm ]; then
  printf '%s\n' "$configmap"
else
  log "the ConfigMap is not created: add --apply, or run install.sh configmap | kubectl apply -f -"
fi

case "$target" in
  operator)
    [ "$apply" = 1 ] || echo ---
    recipe operator-perses-v0.53.yaml
    ;;
  helm) recipe helm-values.yaml ;;
esac
[ "$target" = configmap ] || log "merge the resource or values above, let the pod restart, then: PERSES_URL=… percli-scripts/apply.sh"

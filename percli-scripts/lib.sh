# Shared settings for the percli-scripts: sourced, never run. Paths are relative to the repository root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/.data"             # all generated state (git-ignored)
BIN="$DATA/bin"                # percli, cue (built from the pinned Go module in percli-scripts/tools)
export PATH="$BIN:$ROOT/node_modules/.bin:$PATH"
MODULE_NAME=VllmPanels
VERSION="$(node -p "require('$ROOT/package.json').version")"
ARCHIVE="$ROOT/$MODULE_NAME-$VERSION.tar.gz"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

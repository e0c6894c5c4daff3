// Pins the Go modules that hold the official plugins' CUE schemas and the Perses Operator CRDs.
// Nothing here is compiled: percli-scripts/official-plugins.sh asks `go mod download` for each version below.
// Not listed because proxy.golang.org refused them (2026-11-29): prometheus v0.53.4 (no checksum-database entry),
// timeserieschart v0.10.2, table v0.8.1, heatmapchart v0.3.0, markdown v0.9.1 ("This module version is not available").
module github.com/vllm-perses/perses-plugin-vllm/percli-scripts/official-plugins

go 1.25

require (
	github.com/perses/perses-operator v0.5.0
	github.com/perses/plugins/gaugechart v0.10.0
	github.com/perses/plugins/statchart v0.10.0
)

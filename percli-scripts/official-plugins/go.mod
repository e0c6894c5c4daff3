// Pins the Go modules that hold the official plugins' CUE schemas and the Perses Operator CRDs.
// Nothing here is compiled: percli-scripts/official-plugins.sh asks `go mod download` for each version below.
// prometheus v0.53.4 has no entry in the public checksum database: official-plugins.sh fetches it with
// GONOSUMDB=github.com/perses/plugins (that path only), and its hash below in go.sum is what verifies it.
// Not listed because proxy.golang.org refused them (2026-11-29): timeserieschart v0.10.2, table v0.8.1,
// heatmapchart v0.3.0, markdown v0.9.1 ("This module version is not available"); the stack and lint use
// stand-in models for their kinds (percli-scripts/stack/schema-shims/).
module github.com/vllm-perses/perses-plugin-vllm/percli-scripts/official-plugins

go 1.25

require (
	github.com/perses/perses-operator v0.5.0
	github.com/perses/plugins/gaugechart v0.10.0
	github.com/perses/plugins/prometheus v0.53.4
	github.com/perses/plugins/statchart v0.10.0
)

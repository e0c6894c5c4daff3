// What the VllmPanels remote exposes: one entry `./<Kind>` per plugin listed in package.json `perses.plugins`.
// Kept apart from rsbuild.config.ts so tests can read it without loading the bundler.
import pkg from '../package.json';

export const MODULE_NAME = 'VllmPanels';

// The exposed module must name-export the plugin object under the same kind: the host does `module[kind]`.
const PANEL_SOURCES: Record<string, string> = {
  VllmLatencyQuad: './src/panels/latency-quad/VllmLatencyQuad.ts',
  VllmKvQueueGauge: './src/panels/kv-queue-gauge/VllmKvQueueGauge.ts',
  VllmHistogramHeatmap: './src/panels/histogram-heatmap/VllmHistogramHeatmap.ts',
};

export function exposedSources(): Record<string, string> {
  return Object.fromEntries(
    pkg.perses.plugins.map((p: { spec: { name: string } }) => {
      const source = PANEL_SOURCES[p.spec.name];
      if (!source)
        throw new Error(`package.json lists plugin ${p.spec.name} but src/federation-exposes.ts has no source for it`);
      return [`./${p.spec.name}`, source];
    }),
  );
}

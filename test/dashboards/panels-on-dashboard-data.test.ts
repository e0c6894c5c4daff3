// The contract between the dashboards and our panels: what a dashboard's queries return from a real Prometheus,
// handed to the panels' own view models (the pure part of VllmLatencyQuad, VllmKvQueueGauge and
// VllmHistogramHeatmap), gives full panels — one row per model with every tile, one row per target, one histogram
// with its buckets in numeric order — and no warning or problem sentence.

import { buildHeatmapViewModel } from '../../src/panels/histogram-heatmap/heatmap-view-model';
import {
  HistogramHeatmapSpec,
  quantileLabel,
  resolveHistogramHeatmapSpec,
} from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { KvQueueGaugeSpec, resolveKvQueueGaugeSpec } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-spec';
import { buildKvQueueView } from '../../src/panels/kv-queue-gauge/kv-queue-view-model';
import { assignQueryRoles } from '../../src/panels/kv-queue-gauge/query-roles';
import { LatencyQuadSpec, resolveLatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-spec';
import { buildQuadViewModel } from '../../src/panels/latency-quad/quad-view-model';
import {
  DASHBOARD_FILES,
  DEFAULT_INTERPOLATION,
  interpolate,
  loadDashboard,
  PluginRef,
} from '../support/dashboard-files';
import { MatrixSeries } from '../support/prometheus';
import { vllmPrometheusForThisFile } from '../support/vllm-prometheus';
import { DEFAULT_FLEET, LEGACY_MODEL, LLAMA, QWEN, TSDB_END } from '../support/vllm-tsdb';

const END = TSDB_END;
const START = END - DEFAULT_INTERPOLATION.rangeSeconds;
const SCRAPE = DEFAULT_INTERPOLATION.scrapeSeconds;

const prom = vllmPrometheusForThisFile();

type PanelQuery = { kind: string; spec: { plugin: PluginRef & { spec: { query: string; minStep?: string } } } };
const panels = DASHBOARD_FILES.flatMap((file) =>
  Object.entries(loadDashboard(file).spec.panels).map(([id, panel]) => ({
    where: `${file.replace('dashboards/', '')} ${id}`,
    plugin: panel.spec.plugin,
    queries: (panel.spec.queries ?? []) as PanelQuery[],
  })),
);

/** A panel query as Perses runs it (step from minStep, $__rate_interval from it), as Perses time series. */
async function perses(q: PanelQuery) {
  const minStep = q.spec.plugin.spec.minStep === '1m' ? 60 : SCRAPE;
  const expr = interpolate(q.spec.plugin.spec.query, {
    ...DEFAULT_INTERPOLATION,
    stepSeconds: minStep,
    scrapeSeconds: minStep,
  });
  const data = await prom.queryRange(expr, START, END, minStep);
  const series = (data.result as MatrixSeries[]).map((s) => ({
    name: JSON.stringify(s.metric),
    labels: s.metric,
    values: s.values.map(([t, v]) => [t * 1000, Number(v)] as [number, number]),
  }));
  // Perses hands each result back with its definition rebuilt as { kind, spec: { plugin } }.
  return { definition: { kind: q.kind, spec: { plugin: q.spec.plugin } }, data: { series } };
}

describe("our panels on the dashboards' real query results", () => {
  it.each(panels.filter((p) => p.plugin.kind === 'VllmLatencyQuad').map((p) => [p.where, p] as const))(
    '%s: one full row per model, no warning',
    async (_, panel) => {
      const results = await Promise.all(panel.queries.map(perses));
      const view = buildQuadViewModel(results, resolveLatencyQuadSpec(panel.plugin.spec as Partial<LatencyQuadSpec>));
      if (view.state !== 'rows') throw new Error(`${view.state}: ${view.message}`);
      expect(view.warnings).toEqual([]);
      expect(view.rows.map((r) => r.name).sort()).toEqual([LLAMA, LEGACY_MODEL, QWEN].sort());
      for (const row of view.rows) {
        expect({ row: row.name, problem: row.problem }).toEqual({ row: row.name, problem: undefined });
        expect(row.tiles.map((t) => t.label)).toEqual(['mean', 'p50', 'p90', 'p99']);
        const [mean, p50, p90, p99] = row.tiles.map((t) => t.value);
        for (const v of [mean, p50, p90, p99]) expect(v).toBeGreaterThan(0);
        expect(p50).toBeLessThanOrEqual(p90);
        expect(p90).toBeLessThanOrEqual(p99);
      }
    },
  );

  it.each(panels.filter((p) => p.plugin.kind === 'VllmKvQueueGauge').map((p) => [p.where, p] as const))(
    '%s: fleet figures and one named row per target, no problem',
    async (_, panel) => {
      const spec = resolveKvQueueGaugeSpec(panel.plugin.spec as Partial<KvQueueGaugeSpec>);
      const results = await Promise.all(panel.queries.map(perses));
      const assignment = assignQueryRoles(spec.queryRoles, panel.queries, results);
      expect(assignment.missing).toEqual([]);
      const view = buildKvQueueView(assignment, spec);
      expect(view.problems).toEqual([]);
      expect(view.instanceLabel).toBe('target');
      expect(view.instances.map((r) => r.name).sort()).toEqual(
        DEFAULT_FLEET.map((t) => t.k8s?.pod ?? t.instance).sort(),
      );
      expect(view.kvMax).toBeGreaterThan(0);
      expect(view.kvMax).toBeLessThanOrEqual(1);
      expect(view.running).toBe(view.instances.reduce((sum, r) => sum + (r.running ?? 0), 0));
    },
  );
  it.each(panels.filter((p) => p.plugin.kind === 'VllmHistogramHeatmap').map((p) => [p.where, p] as const))(
    '%s: one histogram, buckets in numeric order up to +Inf, quantiles drawn, no warning',
    async (_, panel) => {
      const spec = resolveHistogramHeatmapSpec(panel.plugin.spec as Partial<HistogramHeatmapSpec>);
      const view = buildHeatmapViewModel(await Promise.all(panel.queries.map(perses)), spec);
      if (view.state !== 'histograms') throw new Error(`${view.state}: ${view.message}`);
      expect(view.warnings).toEqual([]);
      expect(view.histograms).toHaveLength(1);
      const [h] = view.histograms;
      expect(h.problem).toBeUndefined();
      const uppers = h.rows.map((r) => r.upper);
      expect(uppers.length).toBeGreaterThan(5);
      expect(uppers).toEqual([...uppers].sort((a, b) => a - b));
      expect(new Set(uppers).size).toBe(uppers.length);
      expect(uppers[uppers.length - 1]).toBe(Infinity);
      if (spec.mode === 'distribution') {
        const d = h.distribution!;
        expect(d.total).toBeGreaterThan(0);
        expect(d.shares).toHaveLength(uppers.length);
        expect(d.cumulative[d.cumulative.length - 1]).toBeCloseTo(1, 9);
        expect(d.markers.map((m) => m.label)).toEqual(spec.quantiles.map(quantileLabel));
        for (const m of d.markers) expect(m.value).toBeGreaterThan(0);
      } else {
        expect(h.lines.map((l) => l.label)).toEqual(['p50', 'p90', 'p99']);
        for (const line of h.lines) expect(line.values.some((v) => v > 0)).toBe(true);
      }
    },
  );
});

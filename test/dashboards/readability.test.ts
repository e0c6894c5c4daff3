// What makes the bundled dashboards readable at a glance in an incident, checked on the files: latency quads that
// turn amber/red against an SLO, per-model tables that are wide (one column per figure, each with a header and a
// unit), short units, and optional features (speculative decoding, LoRA) and the wide latency heatmaps in rows that
// start collapsed.

import { BUCKETS } from '../../percli-scripts/stack/vllm-metrics';
import { DASHBOARD_FILES, dashboardQueries, loadDashboard } from '../support/dashboard-files';

interface Step {
  value: number;
  color?: string;
}
interface QuadSpec {
  slo?: { threshold: number; target: number };
  statistics?: Array<{ kind: string; quantile?: number; thresholds?: { steps: Step[] } }>;
}
interface Column {
  name: string;
  header?: string;
  hide?: boolean;
  format?: { unit?: string };
}

const panels = DASHBOARD_FILES.flatMap((file) =>
  Object.entries(loadDashboard(file).spec.panels).map(([id, panel]) => ({ file, id, panel })),
);
const where = (p: { file: string; id: string }) => `${p.file.replace('dashboards/', '')} ${p.id}`;

/** The latency families whose p99 has an objective, by the histogram each quad reads. */
const SLO_FAMILIES: Record<string, readonly number[]> = {
  'vllm:e2e_request_latency_seconds': BUCKETS.requestLatency,
  'vllm:time_to_first_token_seconds': BUCKETS.ttft,
  'vllm:inter_token_latency_seconds': BUCKETS.itl,
};

describe('bundled dashboards: readable at a glance', () => {
  const quads = panels.filter((p) => p.panel.spec.plugin.kind === 'VllmLatencyQuad');
  const sloQuads = quads.filter((p) =>
    Object.keys(SLO_FAMILIES).some((f) => dashboardQueries(p.file).some((q) => q.where === p.id && q.expr.includes(f))),
  );

  it('the E2E, TTFT and inter-token quads of both dashboards have an SLO', () => {
    expect(sloQuads.map(where).sort()).toEqual([
      'performance_statistics.yaml e2e_latency',
      'performance_statistics.yaml inter_token_latency',
      'performance_statistics.yaml ttft',
      'query_statistics.yaml e2e_latency',
    ]);
  });

  it.each(sloQuads.map((p) => [where(p), p] as const))(
    '%s: the p99 tile turns amber at the SLO and red above it; the SLO is a bucket bound (exact attainment)',
    (_, p) => {
      const spec = p.panel.spec.plugin.spec as QuadSpec;
      const family = Object.keys(SLO_FAMILIES).find((f) =>
        dashboardQueries(p.file).some((q) => q.where === p.id && q.expr.includes(f)),
      )!;
      expect(spec.slo).toBeDefined();
      expect(SLO_FAMILIES[family]).toContain(spec.slo!.threshold);
      const p99 = spec.statistics?.find((s) => s.kind === 'quantile' && s.quantile === 0.99);
      const steps = p99?.thresholds?.steps ?? [];
      expect(steps.map((s) => s.value)).toEqual([spec.slo!.threshold, expect.any(Number)]);
      expect(steps[1].value).toBeGreaterThan(steps[0].value);
      expect(steps.every((s) => /^#[0-9a-f]{6}$/i.test(s.color ?? ''))).toBe(true);
      // The other tiles keep their default order and look: mean, p50, p90, p99.
      expect(spec.statistics!.map((s) => (s.kind === 'mean' ? 'mean' : `p${s.quantile! * 100}`))).toEqual([
        'mean',
        'p50',
        'p90',
        'p99',
      ]);
    },
  );

  it.each(panels.filter((p) => p.panel.spec.plugin.kind === 'Table').map((p) => [where(p), p] as const))(
    '%s: every shown column has a header, no sorting prefix; value columns match the queries and carry a unit',
    (_, p) => {
      const spec = p.panel.spec.plugin.spec as { columnSettings?: Column[]; transforms?: Array<{ kind: string }> };
      const columns = spec.columnSettings ?? [];
      const queries = p.panel.spec.queries?.length ?? 0;
      for (const c of columns.filter((x) => !x.hide)) {
        expect({ column: c.name, header: c.header }).toEqual({ column: c.name, header: expect.stringMatching(/^\D/) });
      }
      const valueColumns = columns.filter((c) => /^value( #\d+)?$/.test(c.name) && !c.hide);
      if (queries > 1) {
        // Several queries are joined into one row per model by Perses's MergeSeries transform.
        expect(spec.transforms?.map((t) => t.kind)).toEqual(['MergeSeries']);
        expect(valueColumns.map((c) => c.name)).toEqual(Array.from({ length: queries }, (__, i) => `value #${i + 1}`));
      }
      for (const c of valueColumns)
        expect({ column: c.name, unit: c.format?.unit }).toEqual({ column: c.name, unit: expect.any(String) });
    },
  );

  it.each(panels.filter((p) => p.panel.spec.plugin.kind === 'TimeSeriesChart').map((p) => [where(p), p] as const))(
    '%s: short units (no long unit names in legend values)',
    (_, p) => {
      const unit = (p.panel.spec.plugin.spec as { yAxis?: { format?: { unit?: string } } }).yAxis?.format?.unit;
      // Perses appends throughput units such as "requests/sec" to every legend value, which then gets cut.
      expect(['decimal', 'percent-decimal', 'seconds']).toContain(unit);
    },
  );

  it.each(DASHBOARD_FILES.map((f) => [f] as const))(
    '%s: rows for optional features and the latency heatmaps start collapsed, the rest open',
    (file) => {
      const rows = (
        loadDashboard(file).spec.layouts as Array<{
          spec: { display?: { title?: string; collapse?: { open: boolean } } };
        }>
      ).map((l) => ({ title: l.spec.display?.title, open: l.spec.display?.collapse?.open ?? true }));
      for (const row of rows) {
        const collapsed = /speculative|lora|heatmap/i.test(row.title ?? '');
        expect(row).toEqual({ title: row.title, open: !collapsed });
      }
    },
  );
});

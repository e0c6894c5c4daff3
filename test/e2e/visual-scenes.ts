// The scenes of the visual regression suite: each panel at the sizes Perses gives it, from the smallest grid item
// to a maximised panel on a 1920×1080 and a 3840×2160 screen, with typical and extreme data. Shared by the browser
// page (which renders a scene by id) and the test (which walks the list); both themes are applied by the test.

import { TimeSeries } from '@perses-dev/core';

import { HistogramHeatmapSpec } from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { KvQueueGaugeSpec } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-spec';
import { histogramSeries, TTFT_BOUNDS } from '../../src/panels/latency-quad/latency-quad-fixtures';
import { LatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-spec';
import { ttftByModel } from './histogram-heatmap-scenes';

export type PanelKind = 'quad' | 'gauge' | 'heatmap';

/** Panel content sizes (the panel minus its header), px. */
export const SIZES = {
  smallest: { width: 300, height: 80 },
  default: { width: 480, height: 200 },
  wide: { width: 1400, height: 220 },
  tall: { width: 400, height: 620 },
  'max-1080p': { width: 1880, height: 960 },
  'max-4k': { width: 3800, height: 2040 },
} as const;
export type SizeName = keyof typeof SIZES;

export interface QueryResultLike {
  definition: { kind: 'TimeSeriesQuery'; spec: { plugin: { kind: string; spec: { query: string } } } };
  data: { stepMs?: number; series: TimeSeries[] };
}

export interface VisualScene {
  readonly id: string;
  readonly panel: PanelKind;
  readonly size: SizeName;
  readonly data: string;
  readonly spec: Record<string, unknown>;
  readonly queryResults: () => QueryResultLike[];
}

const STEP_MS = 60_000;
const STEPS = 30;
const T0 = Date.UTC(2026, 0, 1);

const query = (q: string): QueryResultLike['definition'] => ({
  kind: 'TimeSeriesQuery',
  spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query: q } } },
});
const result = (q: string, series: TimeSeries[]): QueryResultLike => ({
  definition: query(q),
  data: { stepMs: STEP_MS, series },
});

/** A long model name of the kind real fleets have (org/model-variant-quantisation). */
const longName = (i: number) => `meta-llama/Llama-3.1-70B-Instruct-FP8-dynamic-replica-${String(i).padStart(2, '0')}`;

// --- Latency quad: one TTFT histogram with thresholds (the palette's yellow and orange as text), and 20 models
// with long names and no thresholds (neutral text).
const quadOne = () =>
  histogramSeries({ bounds: TTFT_BOUNDS, median: 0.4, sigma: 0.9, requestRate: 6, steps: STEPS, withSum: true });
const quadTwenty = () =>
  Array.from({ length: 20 }, (_, i) =>
    histogramSeries({
      bounds: TTFT_BOUNDS,
      labels: { model_name: longName(i) },
      median: 0.04 * (i + 1),
      sigma: 0.7,
      requestRate: 3 + (i % 4),
      steps: STEPS,
      withSum: true,
    }),
  ).flat();
const QUAD_THRESHOLDS = { steps: [{ value: 0.1 }, { value: 0.5 }, { value: 5 }] };

// --- KV gauge: one pod at 84 % KV (the warning yellow, as in the issue) with nothing waiting and no capacity;
// 200 pods with long names, some queueing, capacity known, 50 listed.
function gaugeSeries(label: string, values: (step: number) => number): TimeSeries {
  return {
    name: label,
    labels: { pod: label },
    values: Array.from({ length: STEPS }, (_, s) => [T0 + s * STEP_MS, values(s)] as [number, number]),
  };
}
const KV_QUERY = 'max by (pod) (vllm:kv_cache_usage_perc)';
const RUNNING_QUERY = 'sum by (pod) (vllm:num_requests_running)';
const WAITING_QUERY = 'sum by (pod) (vllm:num_requests_waiting)';
function gaugeResults(pods: readonly string[], kv: (p: number, s: number) => number, waiting: (p: number) => number) {
  return [
    result(
      KV_QUERY,
      pods.map((pod, p) => gaugeSeries(pod, (s) => kv(p, s))),
    ),
    result(
      RUNNING_QUERY,
      pods.map((pod, p) => gaugeSeries(pod, (s) => 30 + ((p * 7 + s) % 25))),
    ),
    result(
      WAITING_QUERY,
      pods.map((pod, p) => gaugeSeries(pod, () => waiting(p))),
    ),
  ];
}
const gaugeOne = () =>
  gaugeResults(
    ['vllm-llama3-8b-7c9d5f-2xkqp'],
    (_, s) => 0.7 + 0.14 * (s / (STEPS - 1)),
    () => 0,
  );
const PODS_200 = Array.from(
  { length: 200 },
  (_, i) => `vllm-meta-llama-3-1-70b-instruct-fp8-7c9d5f-${i.toString(36).padStart(5, 'x')}`,
);
const gauge200 = () =>
  gaugeResults(
    PODS_200,
    (p, s) => Math.min(0.99, 0.35 + ((p * 37) % 60) / 100 + 0.002 * s),
    (p) => (p % 9 === 0 ? 1 + (p % 5) : 0),
  );

// --- Heatmap: TTFT over time; three models as small multiples.
const heatmapOne = () => histogramSeries({ bounds: TTFT_BOUNDS, median: 0.08, sigma: 1.1, requestRate: 6, steps: 60 });
const heatmapThree = () => ttftByModel(['llama-3.1-8b-instruct', 'qwen2.5-7b-instruct', longName(1)]);

interface DataVariant {
  name: string;
  spec: Record<string, unknown>;
  results: () => QueryResultLike[];
}

const BUCKETS_QUERY = 'sum by (le) (rate(vllm:time_to_first_token_seconds_bucket[$__rate_interval]))';

const DATA: Record<PanelKind, DataVariant[]> = {
  quad: [
    {
      name: '1 group, thresholds',
      spec: { thresholds: QUAD_THRESHOLDS } satisfies Partial<LatencyQuadSpec>,
      results: () => [result(BUCKETS_QUERY, quadOne())],
    },
    {
      name: '20 groups, long names',
      spec: { groups: { nameFormat: '{{model_name}}' } } satisfies Partial<LatencyQuadSpec>,
      results: () => [result(BUCKETS_QUERY, quadTwenty())],
    },
  ],
  gauge: [
    {
      name: '1 instance at 84%, no capacity',
      spec: { sparklines: true, runningSparkline: true } satisfies Partial<KvQueueGaugeSpec>,
      results: gaugeOne,
    },
    {
      name: '200 instances, long names',
      spec: { capacity: 64, maxInstances: 50, sparklines: true } satisfies Partial<KvQueueGaugeSpec>,
      results: gauge200,
    },
  ],
  heatmap: [
    {
      name: '1 histogram',
      spec: {} satisfies Partial<HistogramHeatmapSpec>,
      results: () => [result(BUCKETS_QUERY, heatmapOne())],
    },
    {
      name: '3 models',
      spec: {} satisfies Partial<HistogramHeatmapSpec>,
      results: () => [result(BUCKETS_QUERY, heatmapThree())],
    },
  ],
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const VISUAL_SCENES: readonly VisualScene[] = [
  ...(['quad', 'gauge', 'heatmap'] as const).flatMap((panel) =>
    DATA[panel].flatMap((variant) =>
      (Object.keys(SIZES) as SizeName[]).map((size) => ({
        id: `${panel}--${slug(variant.name)}--${size}`,
        panel,
        size,
        data: variant.name,
        spec: variant.spec,
        queryResults: variant.results,
      })),
    ),
  ),
  // A new panel with no query: the help with a recipe, at the default size.
  ...(['quad', 'gauge', 'heatmap'] as const).map((panel) => ({
    id: `${panel}--no-query--default`,
    panel,
    size: 'default' as const,
    data: 'no query',
    spec: {},
    queryResults: () => [],
  })),
];

/**
 * Largest empty rectangle a scene may leave, as a share of the panel (see visual-measure.ts largestEmptyShare).
 * A panel under 120 px tall is a line or two of text plus a fixed 20 px footer, so it is allowed more.
 */
export const MAX_EMPTY_SHARE = 0.3;
export const MAX_EMPTY_SHARE_SHORT = 0.4;
export const maxEmptyShare = (size: SizeName) => (SIZES[size].height < 120 ? MAX_EMPTY_SHARE_SHORT : MAX_EMPTY_SHARE);

// Regenerates test/histogram-fixture/fixture.json: Prometheus's own `histogram_quantile` answers for vLLM's bucket
// layouts and every edge case of issue 2, which test/histogram-exactness.test.ts compares our engine against.
//
//   tsx test/histogram-fixture/generate.ts      (percli-scripts/test.sh runs it; a few seconds)
//
// How: the histograms below are written as OpenMetrics at fixed past instants (2024-01-01, so the output does
// not depend on the clock and re-running is idempotent), backfilled with `promtool tsdb create-blocks-from
// openmetrics`, and served by a throwaway `prometheus` on loopback (test/support/prometheus.ts). For each case we
// record the buckets exactly as Prometheus returns them (`le` strings and values) and its answers:
//   - instant cases: `histogram_quantile(q, hq_bucket)` at the sample time for every q, and SLO attainment at
//     bucket bounds, `sum by (case) (hq_bucket{le="T"}) / sum by (case) (hq_bucket{le="+Inf"})`;
//   - time-series cases: the range query of the bucket expression X (the panel's input), `histogram_quantile(q, X)`
//     per step, the whole-range answer `histogram_quantile(q, sum by (le) (sum_over_time(X[range:step])))`
//     (the subquery samples exactly the range query's steps: start is a multiple of step, and a 2.x range
//     selection includes both ends) and the whole-range attainment at a bound.
// Values are encoded as JSON numbers or "NaN" / "+Inf" / "-Inf"; an absent result is null.
// Without prometheus/promtool on PATH it says so and leaves the committed fixture untouched (exit 0).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { seededRandom } from '../../percli-scripts/stack/prng';
import { BUCKETS, requestTokenBuckets } from '../../percli-scripts/stack/vllm-metrics';
import { findPrometheus, PrometheusHandle, QueryData, startPrometheus } from '../support/prometheus';

export type Encoded = number | 'NaN' | '+Inf' | '-Inf';

export interface InstantCase {
  name: string;
  /** What the case exercises. */
  about: string;
  /** The buckets as Prometheus returns them for `hq_bucket{case=…}`: `[le, value]`, in the order returned. */
  buckets: Array<[le: string, value: Encoded]>;
  /** Keyed by the q literal ("0.5", "NaN", "-Inf"); null = Prometheus returned no sample. */
  quantiles: Record<string, Encoded | null>;
  /** Keyed by the `le` label of the bound; threshold = that bound as a number. */
  attainment: Record<string, { threshold: number; value: Encoded | null }>;
}

export interface SeriesCase {
  name: string;
  about: string;
  /** The bucket expression X. */
  expr: string;
  start: number;
  end: number;
  step: number;
  /** `query_range(X)`: one entry per bucket series; values[i] is at start + i × step (seconds), null = no point. */
  series: Array<{ labels: Record<string, string>; values: Array<Encoded | null> }>;
  /** `query_range(histogram_quantile(q, X))`, keyed by q literal, aligned like `series` values. */
  perStep: Record<string, Array<Encoded | null>>;
  /** Whole-range quantile (subquery), keyed by q literal. */
  range: Record<string, Encoded | null>;
  /** Whole-range attainment at a bound, keyed by `le` label. */
  rangeAttainment: Record<string, { threshold: number; value: Encoded | null }>;
  /**
   * Attainment at a bound per step, `X{le=T} / X{le="+Inf"}`, keyed by `le` label; null where that ratio is not
   * an attainment (a bucket series has no point there, or Prometheus's monotonic fix would change the counts).
   */
  perStepAttainment: Record<string, { threshold: number; values: Array<Encoded | null> }>;
}

export interface Fixture {
  about: string;
  prometheus: string;
  qs: string[];
  instantTime: number;
  instant: InstantCase[];
  series: SeriesCase[];
}

const FIXTURE = join(__dirname, 'fixture.json');
const T0 = 1704067200; // 2024-01-01T00:00:00Z, a multiple of every step used here
const QS = ['-Inf', '-0.5', '0', '0.01', '0.25', '0.5', '0.9', '0.95', '0.99', '0.999', '1', '1.5', 'Inf', 'NaN'];

// ---------------------------------------------------------------------------------------------------------------
// Data

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

// vLLM's default bucket families (vllm/v1/metrics/buckets.py and the histograms in vllm/v1/metrics/loggers.py).
const LAYOUTS: Record<string, number[]> = {
  request_latency: [...BUCKETS.requestLatency],
  ttft: [...BUCKETS.ttft],
  itl: [...BUCKETS.itl],
  iteration_tokens: [...BUCKETS.iterationTokens],
  request_tokens_4096: requestTokenBuckets(4096),
  request_tokens_1024: requestTokenBuckets(1024),
  request_params_n: [1, 2, 5, 10, 20],
  num_preemptions: [1, 2, 3, 4, 5, 10, 20],
  kv_block_lifetime: [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800,
  ],
};

/** `le` as Python's prometheus_client writes it (vLLM): Go-style float text, integers with ".0". */
function pythonLe(bound: number): string {
  if (bound === Infinity) return '+Inf';
  return Number.isInteger(bound) && Math.abs(bound) < 1e16 ? `${bound}.0` : String(bound);
}
/** `le` as Go's client_golang writes it. */
function goLe(bound: number): string {
  return bound === Infinity ? '+Inf' : String(bound);
}

/** Cumulative bucket counts of `n` log-normal observations (median, sigma), plus the +Inf bucket. */
function lognormalCounts(bounds: number[], n: number, median: number, sigma: number, seed: number): number[] {
  const random = seededRandom(seed);
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const x = median * Math.exp(sigma * gaussian(random));
    let b = bounds.findIndex((bound) => x <= bound);
    if (b < 0) b = bounds.length;
    counts[b]++;
  }
  for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
  return counts;
}

type RawBucket = [le: string, value: number | string];

interface RawInstant {
  name: string;
  about: string;
  buckets: RawBucket[];
  /** `le` labels at which to ask Prometheus for attainment (monotonic, well-formed cases only). */
  attainmentAt?: string[];
}

function layoutCase(
  name: string,
  about: string,
  bounds: number[],
  counts: number[],
  le: (bound: number) => string,
  scale = 1,
): RawInstant {
  const all = [...bounds, Infinity];
  const buckets = all.map((b, i): RawBucket => [le(b), counts[i] * scale]);
  const pick = [0, Math.floor(bounds.length / 3), Math.floor(bounds.length / 2), bounds.length - 1];
  return { name, about, buckets, attainmentAt: [...new Set(pick.map((i) => le(bounds[i])))] };
}

function instantCases(): RawInstant[] {
  const cases: RawInstant[] = [];
  // Realistic vLLM histograms: counts as scraped (integers) and as 5m rates (fractions).
  const shapes: Array<[layout: string, median: number, sigma: number, n: number]> = [
    ['request_latency', 6, 0.9, 12345],
    ['request_latency', 0.2, 0.4, 800],
    ['request_latency', 2000, 1.5, 5000],
    ['ttft', 0.18, 1.1, 20000],
    ['ttft', 3, 2.5, 997],
    ['itl', 0.03, 0.5, 500000],
    ['itl', 0.12, 0.9, 3100],
    ['iteration_tokens', 180, 1.4, 86400],
    ['request_tokens_4096', 400, 1.2, 7000],
    ['request_tokens_1024', 300, 1.0, 2500],
    ['request_params_n', 1.2, 0.7, 400],
    ['num_preemptions', 1.5, 0.9, 60],
    ['kv_block_lifetime', 4, 2, 9000],
  ];
  shapes.forEach(([layout, median, sigma, n], i) => {
    const bounds = LAYOUTS[layout];
    const counts = lognormalCounts(bounds, n, median, sigma, 1000 + i);
    const tag = `${layout}_${i}`;
    cases.push(layoutCase(`vllm_${tag}_count`, `vLLM ${layout} buckets, python le, counts`, bounds, counts, pythonLe));
    cases.push(
      layoutCase(`vllm_${tag}_rate`, `vLLM ${layout} buckets, go le, 5m rates`, bounds, counts, goLe, 1 / 300),
    );
  });
  const ttft = LAYOUTS.ttft;
  cases.push(
    layoutCase('vllm_ttft_small', 'a handful of observations', ttft, lognormalCounts(ttft, 3, 0.2, 1, 7), pythonLe),
    layoutCase('vllm_ttft_one', 'one observation', ttft, lognormalCounts(ttft, 1, 0.2, 1, 8), pythonLe),
    layoutCase(
      'vllm_ttft_overflow',
      'most observations above 2560 s: rank in +Inf',
      ttft,
      lognormalCounts(ttft, 1000, 4000, 0.5, 9),
      pythonLe,
    ),
  );

  // `le` spellings: one odd bucket between 0.25 and 3, so whether and how it parses moves the answer.
  const spellings = [
    '1',
    '1.0',
    '1e0',
    '1E0',
    '+1',
    '01',
    '1.',
    '.5',
    '+.5',
    '0.5e1',
    '1.5E+0',
    '10e-1',
    '0x1p-2',
    '0x1p0',
    '0X1P+1',
    '0x1.8p1',
    '0x.8p1',
    '0x1p',
    '0x1',
    '0x1.8',
    '0x_1p0',
    '0x1_0p-4',
    '1_0',
    '1_000e-3',
    '1__0',
    '_1',
    '1_',
    '1._5',
    '1e1_0',
    '0x1p2000',
    'abc',
    '',
    ' 1',
    '1 ',
    '1,5',
    '1e',
    '1e400',
    '-1e400',
    '1e-400',
    '2e-310',
    'infin',
    'info',
    '-',
    '+',
    '.',
    '0x',
    'nan1',
    '1f',
    '1d',
    '١',
    // Rounding: long hex mantissas (past 53 bits), halfway cases, subnormals; long decimals.
    '0x1.0000000000001p0',
    '0x1.00000000000008p0',
    '0x1.00000000000018p0',
    '0x1.000000000000081p0',
    '0x1.fffffffffffff8p0',
    '0x123456789abcdef123p-72',
    '0x1p-1074',
    '0x1p-1075',
    '0x1.8p-1075',
    '0x3p-1076',
    '1.00000000000000011102230246251565404236316680908203125',
    '1.0000000000000001110223024625156540423631668090820312500001',
    '0.999999999999999999999999999999999999999999999999',
    '2.2250738011e-308',
  ];
  spellings.forEach((le, i) =>
    cases.push({
      name: `le_spelling_${i}`,
      about: `le=${JSON.stringify(le)} between 0.25 and 3`,
      buckets: [
        ['0.25', 1],
        [le, 4],
        ['3', 7],
        ['+Inf', 10],
      ],
    }),
  );
  // +Inf spellings: the odd one is the only candidate for the +Inf bucket.
  const infs = [
    '+Inf',
    '+inf',
    'Inf',
    'inf',
    'INF',
    'infinity',
    '+Infinity',
    'INFINITY',
    '+iNfInItY',
    '-Inf',
    'Infinit',
    '+In',
    'inf ',
    'Infinity1',
  ];
  infs.forEach((le, i) =>
    cases.push({
      name: `inf_spelling_${i}`,
      about: `le=${JSON.stringify(le)} as the only +Inf candidate`,
      buckets: [
        ['1', 3],
        ['2', 6],
        [le, 10],
      ],
    }),
  );

  const edge = (name: string, about: string, buckets: RawBucket[]): void => {
    cases.push({ name, about, buckets });
  };
  // Duplicate bounds (distinct label values that parse to the same number) are merged by adding.
  edge('dup_1_1.0', '"1" and "1.0" merge', [
    ['0.5', 1],
    ['1', 2],
    ['1.0', 3],
    ['2', 8],
    ['+Inf', 10],
  ]);
  edge('dup_three_ways', '"1", "1e0", "0x1p0" merge', [
    ['1', 2],
    ['1e0', 2],
    ['0x1p0', 2],
    ['2', 9],
    ['+Inf', 12],
  ]);
  edge('dup_inf', '"+Inf" and "inf" merge', [
    ['1', 2],
    ['2', 5],
    ['+Inf', 6],
    ['inf', 6],
  ]);
  edge('dup_inf_three', 'three +Inf spellings merge', [
    ['1', 1],
    ['+Inf', 2],
    ['Inf', 2],
    ['infinity', 2],
  ]);
  edge('dup_zero', '"0" and "-0" merge', [
    ['-0', 1],
    ['0', 1],
    ['1', 4],
    ['+Inf', 5],
  ]);
  edge('dup_underscore', '"10" and "1_0" merge', [
    ['5', 1],
    ['10', 2],
    ['1_0', 2],
    ['+Inf', 6],
  ]);
  // Non-monotonic counts are raised to the running maximum.
  edge('nonmono_middle', 'a dip in the middle', [
    ['1', 5],
    ['2', 3],
    ['4', 7],
    ['+Inf', 10],
  ]);
  edge('nonmono_total', '+Inf lower than a finite bucket', [
    ['1', 5],
    ['2', 9],
    ['+Inf', 6],
  ]);
  edge('nonmono_all_down', 'counts decrease throughout', [
    ['0.1', 9],
    ['0.2', 7],
    ['0.5', 4],
    ['+Inf', 1],
  ]);
  edge('nonmono_after_dup', 'dip created by merging', [
    ['1', 4],
    ['1.0', 4],
    ['2', 5],
    ['+Inf', 9],
  ]);
  edge('nonmono_negative', 'negative count in the middle', [
    ['1', 2],
    ['2', -3],
    ['3', 6],
    ['+Inf', 8],
  ]);
  // Missing +Inf.
  edge('no_inf', 'no +Inf bucket', [
    ['1', 3],
    ['2', 6],
    ['5', 10],
  ]);
  edge('no_inf_neg_inf', 'only -Inf as an infinite bound', [
    ['-Inf', 1],
    ['1', 3],
    ['2', 6],
  ]);
  edge('inf_unparseable', '+Inf spelt "+Infinite"', [
    ['1', 3],
    ['+Infinite', 6],
  ]);
  // Fewer than two buckets.
  edge('one_inf', 'only +Inf', [['+Inf', 10]]);
  edge('one_inf_zero', 'only +Inf, zero', [['+Inf', 0]]);
  edge('one_finite', 'only one finite bucket', [['1', 10]]);
  edge('one_inf_plus_junk', '+Inf plus an unparseable bucket', [
    ['abc', 3],
    ['+Inf', 10],
  ]);
  edge('only_junk', 'only unparseable buckets: no result at all', [
    ['abc', 3],
    ['xyz', 10],
  ]);
  edge('dup_collapse_to_one', 'two +Inf spellings merge into one bucket', [
    ['+Inf', 3],
    ['inf', 4],
  ]);
  // Zero totals.
  edge('zero_all', 'all zero', [
    ['1', 0],
    ['2', 0],
    ['+Inf', 0],
  ]);
  edge('zero_inf_nonzero_lower', '+Inf is 0 but a lower bucket is not (raised)', [
    ['1', 2],
    ['2', 4],
    ['+Inf', 0],
  ]);
  edge('zero_negative_total', 'negative totals', [
    ['1', -2],
    ['+Inf', -1],
  ]);
  edge('zero_first_buckets', 'leading empty buckets (q=0 divides 0 by 0)', [
    ['0.1', 0],
    ['0.2', 0],
    ['0.5', 3],
    ['+Inf', 4],
  ]);
  // Rank in +Inf.
  edge('rank_in_inf', 'half the observations above the last bound', [
    ['1', 2],
    ['2', 5],
    ['+Inf', 10],
  ]);
  edge('rank_in_inf_single_finite', 'one finite bucket, rank in +Inf', [
    ['0.5', 1],
    ['+Inf', 10],
  ]);
  edge('rank_in_inf_all', 'every observation above the last bound', [
    ['1', 0],
    ['2', 0],
    ['+Inf', 7],
  ]);
  edge('rank_exact_bound', 'rank exactly on a cumulative count', [
    ['1', 25],
    ['2', 50],
    ['4', 90],
    ['8', 99],
    ['+Inf', 100],
  ]);
  edge('rank_flat_buckets', 'equal counts across buckets', [
    ['1', 5],
    ['2', 5],
    ['3', 5],
    ['4', 10],
    ['+Inf', 10],
  ]);
  // Non-positive bounds.
  edge('neg_bounds', 'negative and zero bounds', [
    ['-1', 2],
    ['0', 5],
    ['1', 8],
    ['+Inf', 10],
  ]);
  edge('zero_first_bound', 'first bound is 0', [
    ['0', 5],
    ['1', 7],
    ['+Inf', 10],
  ]);
  edge('neg_only', 'all finite bounds negative', [
    ['-5', 0],
    ['-2', 3],
    ['+Inf', 4],
  ]);
  edge('neg_inf_bound', 'a -Inf bound first', [
    ['-Inf', 1],
    ['0', 2],
    ['1', 5],
    ['+Inf', 8],
  ]);
  edge('neg_first_empty', 'negative first bound with zero count', [
    ['-1', 0],
    ['1', 5],
    ['+Inf', 6],
  ]);
  edge('neg_zero_neg', '"-0" as the first bound', [
    ['-0', 2],
    ['1', 5],
    ['+Inf', 6],
  ]);
  // NaN values.
  edge('nan_middle', 'NaN count in the middle', [
    ['1', 2],
    ['2', 'NaN'],
    ['4', 7],
    ['+Inf', 10],
  ]);
  edge('nan_first', 'NaN count in the first bucket', [
    ['1', 'NaN'],
    ['2', 5],
    ['+Inf', 10],
  ]);
  // The copy of the monotonic rule the quad's whole-range path once had raised 3 to 6 here (its running maximum
  // skipped the NaN first count); Prometheus 2.42 raises nothing, so attainment at 4 is 3/10.
  cases.push({
    name: 'nan_first_dip',
    about: 'NaN first count, then a dip: nothing is raised',
    buckets: [
      ['1', 'NaN'],
      ['2', 6],
      ['4', 3],
      ['+Inf', 10],
    ],
    attainmentAt: ['2', '4'],
  });
  edge('nan_total', 'NaN +Inf count', [
    ['1', 2],
    ['2', 5],
    ['+Inf', 'NaN'],
  ]);
  edge('nan_all', 'all NaN', [
    ['1', 'NaN'],
    ['+Inf', 'NaN'],
  ]);
  edge('nan_many', 'NaN counts make the rank search non-monotonic', [
    ['1', 1],
    ['2', 'NaN'],
    ['3', 'NaN'],
    ['4', 2],
    ['5', 'NaN'],
    ['6', 8],
    ['7', 'NaN'],
    ['+Inf', 10],
  ]);
  edge('nan_dup', 'NaN merged into a duplicate bound', [
    ['1', 2],
    ['1.0', 'NaN'],
    ['2', 5],
    ['+Inf', 6],
  ]);
  edge('inf_values', '+Inf counts', [
    ['1', 2],
    ['2', '+Inf'],
    ['+Inf', '+Inf'],
  ]);
  edge('inf_total_only', 'only the total is +Inf', [
    ['1', 2],
    ['2', 4],
    ['+Inf', '+Inf'],
  ]);
  edge('neg_inf_value', 'a -Inf count', [
    ['1', '-Inf'],
    ['2', 4],
    ['+Inf', 5],
  ]);
  // NaN bounds: Prometheus keeps `le="NaN"` and sorts with Go's sort.Sort (insertion sort for ≤ 12 buckets).
  edge('nan_le_last', 'le="NaN" sorts last: no +Inf at the end', [
    ['1', 1],
    ['2', 2],
    ['NaN', 3],
    ['+Inf', 4],
  ]);
  edge('nan_le_with_inf_spelling', 'le="NaN" before le="inf"', [
    ['0.5', 1],
    ['1', 3],
    ['NaN', 5],
    ['inf', 10],
  ]);
  edge('nan_le_lower', 'le="nan" lowercase', [
    ['1', 2],
    ['nan', 3],
    ['infinity', 9],
  ]);
  edge('nan_le_many', 'two NaN bounds among several', [
    ['0.1', 1],
    ['0.2', 2],
    ['NaN', 3],
    ['Nan', 4],
    ['0.5', 6],
    ['infinity', 9],
  ]);
  // Large and tiny magnitudes.
  edge('huge_bounds', 'bounds near the float limits', [
    ['1e-300', 1],
    ['1e300', 5],
    ['1.7976931348623157e308', 6],
    ['+Inf', 9],
  ]);
  edge('huge_counts', 'counts near 2^53 and beyond', [
    ['1', 9007199254740991],
    ['2', '9007199254740993'],
    ['+Inf', 1e20],
  ]);
  edge('tiny_counts', 'rates of 1e-300', [
    ['1', 1e-300],
    ['2', 3e-300],
    ['+Inf', 4e-300],
  ]);
  // Many buckets in odd orders (the API returns label order; the stored order is shuffled).
  const shuffledBounds = LAYOUTS.ttft.map((b, i) => [b, i] as const);
  const random = seededRandom(42);
  shuffledBounds.sort(() => random() - 0.5);
  edge(
    'shuffled_ttft',
    'ttft layout, mixed spellings, stored shuffled',
    shuffledBounds.map(([b, i]): RawBucket => [i % 2 ? goLe(b) : pythonLe(b), (i + 1) * 10]).concat([['+Inf', 300]]),
  );
  return cases;
}

// Time series: written as counters (scraped every 30 s, with gaps) or gauges, read back through X.
interface RawSeriesCase {
  name: string;
  about: string;
  expr: string;
  /** Metric lines `name{labels} value timestamp`, each series in time order. */
  lines: string[];
  attainmentAt: string[];
}

const SERIES_START = T0;
const SERIES_STEPS = 360; // 6 h at 60 s
const SERIES_STEP = 60;
const SERIES_END = SERIES_START + SERIES_STEPS * SERIES_STEP;

function counterHistogramCase(
  name: string,
  about: string,
  layout: number[],
  le: (b: number) => string,
  options: {
    seed: number;
    median: number;
    sigma: number;
    /** Observations per 30 s at minute m. */
    load: (minute: number) => number;
    /** Scrape missing entirely at these minutes (all buckets). */
    gap?: (minute: number) => boolean;
    /** Some bucket series missing at these minutes: [bucket index (−1 = +Inf), predicate]. */
    bucketGap?: Array<[number, (minute: number) => boolean]>;
    /** Counter reset at this minute. */
    resetAt?: number;
  },
): RawSeriesCase {
  const random = seededRandom(options.seed);
  const bounds = [...layout, Infinity];
  const cumulative = new Array<number>(bounds.length).fill(0);
  const perBucket: string[][] = bounds.map(() => []);
  // Scrapes every 30 s, offset by 7 s from the steps, from 10 minutes before the range (so rate has history).
  for (let t = SERIES_START - 600 + 7; t <= SERIES_END; t += 30) {
    const minute = (t - SERIES_START) / 60;
    if (options.resetAt !== undefined && minute >= options.resetAt && minute < options.resetAt + 0.5)
      cumulative.fill(0);
    const n = Math.max(0, Math.round(options.load(minute) * (0.5 + random())));
    for (let i = 0; i < n; i++) {
      const x = options.median * Math.exp(options.sigma * gaussian(random));
      for (let b = 0; b < bounds.length; b++) if (x <= bounds[b]) cumulative[b]++;
    }
    if (options.gap?.(minute)) continue;
    bounds.forEach((b, i) => {
      const missing = options.bucketGap?.some(
        ([idx, when]) => (idx < 0 ? bounds.length + idx : idx) === i && when(minute),
      );
      if (!missing) perBucket[i].push(`${cumulative[i]} ${t}`);
    });
  }
  const lines: string[] = [];
  bounds.forEach((b, i) => {
    for (const sample of perBucket[i]) lines.push(`hc_bucket{case="${name}",le="${le(b)}"} ${sample}`);
  });
  const pick = [0, Math.floor(layout.length / 2), layout.length - 1];
  return {
    name,
    about,
    expr: `rate(hc_bucket{case="${name}"}[5m])`,
    lines,
    attainmentAt: [...new Set(pick.map((i) => le(layout[i])))],
  };
}

function gaugeCase(
  name: string,
  about: string,
  buckets: Array<[le: string, value: (minute: number) => number | string | undefined]>,
  attainmentAt: string[] = [],
): RawSeriesCase {
  const lines: string[] = [];
  for (const [le, value] of buckets) {
    for (let minute = 0; minute <= SERIES_STEPS; minute++) {
      const v = value(minute);
      if (v !== undefined) lines.push(`hg_bucket{case="${name}",le="${le}"} ${v} ${SERIES_START + minute * 60}`);
    }
  }
  return { name, about, expr: `hg_bucket{case="${name}"}`, lines, attainmentAt };
}

function seriesCases(): RawSeriesCase[] {
  // Only the unparseable series reports here: Prometheus returns no point (lookback is 5 min, so 15 min).
  const quiet = (m: number) => m >= 330 && m < 345;
  const wave = (base: number) => (m: number) => base * (1 + 0.8 * Math.sin(m / 40));
  return [
    counterHistogramCase(
      'ttft_busy',
      'vLLM ttft rates, diurnal load, a 3-minute and a 20-minute scrape gap',
      LAYOUTS.ttft,
      pythonLe,
      {
        seed: 1,
        median: 0.2,
        sigma: 1.2,
        load: wave(40),
        gap: (m) => (m >= 50 && m < 53) || (m >= 200 && m < 220),
      },
    ),
    counterHistogramCase(
      'e2e_idle',
      'vLLM request_latency rates with idle periods (rate 0 → NaN)',
      LAYOUTS.request_latency,
      pythonLe,
      {
        seed: 2,
        median: 8,
        sigma: 1,
        load: (m) => (m % 90 < 30 ? 0 : 6),
      },
    ),
    counterHistogramCase(
      'itl_partial',
      'vLLM itl rates; the +Inf and one middle bucket series go missing for a while, a counter reset',
      LAYOUTS.itl,
      goLe,
      {
        seed: 3,
        median: 0.04,
        sigma: 0.6,
        load: wave(300),
        bucketGap: [
          [-1, (m) => m >= 100 && m < 130],
          [5, (m) => m >= 240 && m < 260],
        ],
        resetAt: 300,
      },
    ),
    counterHistogramCase(
      'tokens_overflow',
      'request_tokens up to 1024 with many prompts above the last bound',
      LAYOUTS.request_tokens_1024,
      pythonLe,
      {
        seed: 4,
        median: 900,
        sigma: 0.8,
        load: wave(5),
      },
    ),
    gaugeCase(
      'raw_edges',
      'raw gauge buckets over time: NaN values, duplicates "1"/"1.0", an unparseable series, non-monotonic, gaps',
      [
        ['0.5', (m) => (quiet(m) ? undefined : m % 7 === 0 ? 'NaN' : m % 5)],
        ['1', (m) => (quiet(m) || (m >= 60 && m < 80) ? undefined : 2 + (m % 5))],
        ['1.0', (m) => (!quiet(m) && m % 3 === 0 ? 1 : undefined)],
        ['2', (m) => (quiet(m) ? undefined : m % 11 === 0 ? 1 : 6 + (m % 4))],
        ['abc', (m) => m],
        ['+Inf', (m) => (quiet(m) || (m >= 150 && m < 170) ? undefined : m % 13 === 0 ? 0 : 10)],
        ['inf', (m) => (m >= 300 && !quiet(m) ? 1 : undefined)],
      ],
    ),
    gaugeCase(
      'nan_first_range',
      'first bucket NaN at every step, a dip after it: the whole-range and per-step histograms keep the dip',
      [
        ['0.5', () => 'NaN'],
        ['1', (m) => 6 + (m % 3)],
        ['2', (m) => 3 + (m % 2)],
        ['+Inf', () => 10],
      ],
      ['1', '2'],
    ),
    gaugeCase(
      'nan_le',
      'le="NaN" and le="nan" series among ordinary ones (Prometheus sorts NaN bounds with Go\'s sort)',
      [
        ['0.5', (m) => 1 + (m % 3)],
        ['1', (m) => (m >= 100 && m < 120 ? undefined : 4)],
        ['NaN', (m) => (m % 4 === 0 ? undefined : 5)],
        ['nan', (m) => (m >= 200 && m < 230 ? 6 : undefined)],
        ['2', (m) => 7 + (m % 2)],
        ['+Inf', (m) => (m >= 250 && m < 270 ? 10 : undefined)],
        ['inf', (m) => (m >= 300 && m < 320 ? undefined : 10)],
      ],
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Prometheus

function encode(text: string): Encoded {
  if (text === 'NaN' || text === '+Inf' || text === '-Inf') return text;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`unexpected sample value ${text}`);
  return n;
}

function vector(data: QueryData) {
  if (data.resultType !== 'vector') throw new Error(`expected a vector, got ${data.resultType}`);
  return data.result;
}
function matrix(data: QueryData) {
  if (data.resultType !== 'matrix') throw new Error(`expected a matrix, got ${data.resultType}`);
  return data.result;
}

function openMetrics(instant: RawInstant[], series: RawSeriesCase[]): string {
  const lines: string[] = [];
  for (const c of instant) {
    for (const [le, value] of c.buckets) lines.push(`hq_bucket{case="${c.name}",le="${le}"} ${value} ${T0}`);
  }
  for (const c of series) lines.push(...c.lines);
  lines.push('# EOF', '');
  return lines.join('\n');
}

async function instantAnswers(prom: PrometheusHandle, raw: RawInstant[]): Promise<InstantCase[]> {
  const byCase = new Map<string, InstantCase>();
  for (const c of raw) byCase.set(c.name, { name: c.name, about: c.about, buckets: [], quantiles: {}, attainment: {} });
  for (const sample of vector(await prom.query('hq_bucket', T0))) {
    const c = byCase.get(sample.metric.case);
    if (!c) throw new Error(`unknown case ${sample.metric.case}`);
    // An empty label value is no label at all in Prometheus; keep it as "" (unparseable either way).
    c.buckets.push([sample.metric.le ?? '', encode(sample.value[1])]);
  }
  for (const q of QS) {
    const seen = new Set<string>();
    for (const sample of vector(await prom.query(`histogram_quantile(${q}, hq_bucket)`, T0))) {
      byCase.get(sample.metric.case)!.quantiles[q] = encode(sample.value[1]);
      seen.add(sample.metric.case);
    }
    for (const c of byCase.values()) if (!seen.has(c.name)) c.quantiles[q] = null;
  }
  for (const c of raw) {
    for (const le of c.attainmentAt ?? []) {
      const expr = `sum by (case) (hq_bucket{case="${c.name}",le="${le}"}) / sum by (case) (hq_bucket{case="${c.name}",le="+Inf"})`;
      const result = vector(await prom.query(expr, T0));
      byCase.get(c.name)!.attainment[le] = {
        threshold: Number(le),
        value: result.length ? encode(result[0].value[1]) : null,
      };
    }
  }
  return [...byCase.values()];
}

async function seriesAnswers(prom: PrometheusHandle, raw: RawSeriesCase): Promise<SeriesCase> {
  const { expr } = raw;
  const range = SERIES_END - SERIES_START;
  const subquery = `${range}s:${SERIES_STEP}s`;
  const rangeQuery = (e: string) => prom.queryRange(e, SERIES_START, SERIES_END, SERIES_STEP).then(matrix);
  const instant = async (e: string): Promise<Encoded | null> => {
    const result = vector(await prom.query(e, SERIES_END));
    if (result.length > 1) throw new Error(`${e}: more than one series`);
    return result.length ? encode(result[0].value[1]) : null;
  };
  const out: SeriesCase = {
    name: raw.name,
    about: raw.about,
    expr,
    start: SERIES_START,
    end: SERIES_END,
    step: SERIES_STEP,
    series: [],
    perStep: {},
    range: {},
    rangeAttainment: {},
    perStepAttainment: {},
  };
  const aligned = (values: Array<[number, string]>): Array<Encoded | null> => {
    const row = new Array<Encoded | null>(SERIES_STEPS + 1).fill(null);
    for (const [t, v] of values) row[(t - SERIES_START) / SERIES_STEP] = encode(v);
    return row;
  };
  for (const s of await rangeQuery(expr)) out.series.push({ labels: s.metric, values: aligned(s.values) });
  for (const q of QS) {
    const result = await rangeQuery(`histogram_quantile(${q}, ${expr})`);
    if (result.length > 1) throw new Error(`${raw.name}: histogram_quantile returned several series`);
    out.perStep[q] = aligned(result.length ? result[0].values : []);
    out.range[q] = await instant(`histogram_quantile(${q}, sum by (le) (sum_over_time((${expr})[${subquery}])))`);
  }
  // cum[le=T] / cum[+Inf] is an attainment only where every bucket series has a point at every step;
  // with series missing at some steps the two sums cover different steps, so nothing is recorded then.
  const complete = out.series.every((s) =>
    s.values.every((v, i) => (v === null) === (out.series[0].values[i] === null)),
  );
  for (const le of complete ? raw.attainmentAt : []) {
    const at = (bound: string) => `sum(sum_over_time((${expr.replace('}', `,le="${bound}"}`)})[${subquery}]))`;
    out.rangeAttainment[le] = { threshold: Number(le), value: await instant(`${at(le)} / ${at('+Inf')}`) };
  }
  const comparable = out.series[0].values.map((_, step) => attainmentIsRatio(out.series, step));
  for (const le of raw.attainmentAt) {
    const bucket = (bound: string) => `sum(${expr.replace('}', `,le="${bound}"}`)})`;
    const result = await rangeQuery(`${bucket(le)} / ${bucket('+Inf')}`);
    const values = aligned(result.length ? result[0].values : []).map((v, step) => (comparable[step] ? v : null));
    out.perStepAttainment[le] = { threshold: Number(le), values };
  }
  return out;
}

/**
 * Whether cum[le=T] / cum[+Inf] at `step` is what an attainment is: every bucket series has a point there, and
 * Prometheus 2.42's monotonic fix leaves the counts as they are (they never drop, or the first is NaN: its running
 * maximum then stays NaN and raises nothing).
 */
function attainmentIsRatio(series: SeriesCase['series'], step: number): boolean {
  const row = series
    .map((s) => ({ bound: Number(s.labels.le === '+Inf' ? Infinity : s.labels.le), value: s.values[step] }))
    .sort((a, b) => a.bound - b.bound);
  if (row.some((b) => b.value === null || Number.isNaN(b.bound))) return false;
  const counts = row.map((b) => (b.value === '+Inf' ? Infinity : b.value === '-Inf' ? -Infinity : Number(b.value)));
  return Number.isNaN(counts[0]) || counts.every((c, i) => i === 0 || c >= counts[i - 1]);
}

/** JSON with one case (and one series) per line: compact, yet diffs stay readable. */
function serialise(fixture: Fixture): string {
  const j = (v: unknown) => JSON.stringify(v);
  const seriesCase = (c: SeriesCase) =>
    [
      `  {"name": ${j(c.name)}, "about": ${j(c.about)}, "expr": ${j(c.expr)}, "start": ${c.start}, "end": ${c.end}, "step": ${c.step},`,
      `   "range": ${j(c.range)},`,
      `   "rangeAttainment": ${j(c.rangeAttainment)},`,
      `   "perStepAttainment": ${j(c.perStepAttainment)},`,
      `   "series": [\n${c.series.map((s) => `    ${j(s)}`).join(',\n')}\n   ],`,
      `   "perStep": {\n${Object.entries(c.perStep)
        .map(([q, v]) => `    ${j(q)}: ${j(v)}`)
        .join(',\n')}\n   ]}`.replace(/\]\}$/, '}}'),
    ].join('\n');
  return [
    '{',
    `"about": ${j(fixture.about)},`,
    `"prometheus": ${j(fixture.prometheus)},`,
    `"qs": ${j(fixture.qs)},`,
    `"instantTime": ${fixture.instantTime},`,
    `"instant": [\n${fixture.instant.map((c) => `  ${j(c)}`).join(',\n')}\n],`,
    `"series": [\n${fixture.series.map(seriesCase).join(',\n')}\n]`,
    '}',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const bins = findPrometheus();
  if (!bins) {
    console.log('generate: prometheus/promtool not found on PATH; keeping the committed fixture as it is.');
    return;
  }
  const version = spawnSync(bins.prometheus, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0].trim();
  const rawInstant = instantCases();
  const rawSeries = seriesCases();
  const names = [...rawInstant, ...rawSeries].map((c) => c.name);
  if (new Set(names).size !== names.length) throw new Error('duplicate case names');

  const started = Date.now();
  const prom = await startPrometheus({ openMetrics: openMetrics(rawInstant, rawSeries) });
  try {
    const instant = await instantAnswers(prom, rawInstant);
    const series: SeriesCase[] = [];
    for (const c of rawSeries) series.push(await seriesAnswers(prom, c));
    const fixture: Fixture = {
      about: 'Generated by test/histogram-fixture/generate.ts from a real Prometheus; do not edit by hand.',
      prometheus: version,
      qs: QS,
      instantTime: T0,
      instant,
      series,
    };
    const text = serialise(fixture);
    const changed = !existsSync(FIXTURE) || readFileSync(FIXTURE, 'utf8') !== text;
    if (changed) writeFileSync(FIXTURE, text);
    console.log(
      `generate: ${instant.length} instant cases × ${QS.length} q, ${series.length} time-series cases from ${version} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s; fixture ${changed ? 'updated' : 'unchanged'}.`,
    );
  } finally {
    await prom.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

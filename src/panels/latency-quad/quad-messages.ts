// Every sentence the Latency Quad shows a user: the explained states, row problems, warnings and the tooltips that
// say how a number was computed. Kept apart from the view-model logic so the logic reads straight and the wording
// can be reviewed in one place.

import { labelValue } from '../../model/series';

type Labels = Readonly<Record<string, string>> | undefined;

export const EXAMPLE_QUERY =
  'sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket[$__rate_interval])) or sum(rate(vllm:e2e_request_latency_seconds_sum[$__rate_interval]))';

/** `metric{a="b"}` as Prometheus prints a series, so users recognise which one is meant. */
export function labelText(labels: Labels): string {
  return `${labelValue(labels, '__name__') ?? ''}{${Object.entries(labels ?? {})
    .filter(([name]) => name !== '__name__')
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ')}}`;
}

const quotedList = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

// --- Panel states

export const INVALID_SPEC =
  "This panel's settings are invalid, so it shows no numbers. Fix these in the panel editor (JSON tab):";

export const NO_SAMPLES = 'No samples in the selected time range.';

/** A quad without any query (a new panel): what to add. */
export const NO_QUERY = {
  title: 'Add a query: this panel needs one latency histogram.',
  needs:
    'The Latency Quad reads histogram bucket rates summed by le, or-ed with the _sum rate for the mean, and shows mean, p50, p90 and p99 from them. For example, time to first token:',
  recipes: [
    {
      label: 'Time to first token (seconds)',
      query:
        'sum by (le) (rate(vllm:time_to_first_token_seconds_bucket{model_name=~"$model_name"}[$__rate_interval])) or sum(rate(vllm:time_to_first_token_seconds_sum{model_name=~"$model_name"}[$__rate_interval]))',
    },
  ],
  readmeSection: 'VllmLatencyQuad › Recipes (copy-paste PromQL)',
} as const;

export function notHistogram(plain: ReadonlyArray<{ readonly labels?: Labels }>): string {
  const example = plain
    .slice(0, 2)
    .map((s) => labelText(s.labels))
    .join(', ');
  return `The query returned no le label (series ${example}${plain.length > 2 ? ', …' : ''}). The Latency Quad needs histogram bucket rates grouped by le, optionally with the _sum rate for the mean, e.g. ${EXAMPLE_QUERY}`;
}

// --- Row problems (the buckets cannot give any number)

export const noReadableBound = (ignoredLe: readonly string[]) =>
  `No bucket bound could be read (le = ${quotedList(ignoredLe)}); le must be a number or +Inf.`;
export const noInfBucket =
  'The buckets have no le="+Inf": without the total count no quantile exists (Prometheus returns NaN). Keep all buckets in the query; do not filter on le.';
export const onlyInfBucket = 'Only the +Inf bucket is present: a quantile needs at least two bucket bounds.';
export const nonFiniteSample =
  'Some bucket samples are NaN or ±Inf (often a division in the query), so no number would be right. Query bucket rates directly: sum by (le) (rate(…_bucket[$__rate_interval])).';

// --- Warnings

export const ignoredLe = (rowName: string, le: readonly string[]) =>
  `${rowName || 'histogram'}: ignored buckets with unreadable le ${quotedList(le)}.`;

export const ignoredPlainSeries = (labels: Labels) =>
  `Ignored ${labelText(labels)}: it has no le and no histogram has the same labels, so it cannot be a mean. Group it by the same labels as the buckets.`;

// --- The mean tile without a mean series

export function missingMean(groupLabels: Readonly<Record<string, string>>, candidates: number): string {
  if (candidates > 0) {
    return `${candidates} series without le have the labels ${labelText(groupLabels)}; the mean needs exactly one.`;
  }
  const names = Object.keys(groupLabels).sort();
  return `No series without le has the labels ${labelText(groupLabels)}, so there is no mean. Add the _sum rate with the same grouping: … or sum${names.length ? ` by (${names.join(', ')})` : ''} (rate(…_sum[$__rate_interval])).`;
}

// --- Tooltips: how a tile's number was computed

export const explainNonFiniteMean = (time: string) =>
  `The mean series has a NaN or ±Inf sample at ${time}; Prometheus carries it into every sum over the range, so the mean is NaN there too. Check the _sum query (a division by zero?).`;
export const explainQuantileOutside = (q: number) =>
  `quantile ${q} is outside (0, 1): histogram_quantile gives ±Inf there, which is not a latency. Use 0 < q < 1 (0.99 = p99).`;
export const negativeBucket =
  'Some bucket samples are negative: rates of counters never are, so this is not bucket rates (a delta or deriv of a gauge?) and no quantile would be right. Query sum by (le) (rate(…_bucket[$__rate_interval])).';

export const explainMeanOverRange = (meanInput: 'sum' | 'mean', usedSteps: number, span: string) =>
  `Σ ${meanInput === 'sum' ? '_sum rate' : '(mean × +Inf bucket rate)'} / Σ +Inf bucket rate over the ${usedSteps} steps of ${span}`;
export const explainQuantileOverRange = (q: number, steps: number, span: string) =>
  `histogram_quantile(${q}) of the bucket rates summed over all ${steps} steps of ${span} (as histogram_quantile(${q}, sum by (le) (increase(…[$__range]))))`;
export const explainNoTraffic = (span: string) =>
  `No observations in ${span}: the +Inf bucket rate is 0 at every step.`;
export const explainOverRange = (label: string, rangeText: string) => `${label} = ${rangeText}.`;
export const explainUndefinedEverywhere = (label: string, span: string) =>
  `${label} is undefined at every step of ${span}.`;
export const explainLastStep = (label: string, time: string, skipped: number) =>
  `${label} at ${time}, the last step with a value${skipped > 0 ? ` (${skipped} later steps had none)` : ''}.`;
export const explainMeanOfSteps = (label: string, used: number, span: string, skipped: number) =>
  `${label} = average of the ${used} per-step values over ${span}${skipped > 0 ? ` (${skipped} steps without a value skipped)` : ''}. Not a ${label} of the range: steps are weighted equally, whatever their traffic.`;
export const explainClamped = (top: number) =>
  ` The rank falls in the +Inf bucket, so like Prometheus this shows the highest finite bound (${top}): the true value is at least that.`;
export const explainSlo = (
  thresholdText: string,
  window: string,
  threshold: number,
  isBound: boolean,
  target: number,
) =>
  `Share of observations ≤ ${thresholdText} ${window}: ${
    isBound
      ? `cumulative count at le=${threshold} / +Inf count`
      : `interpolated inside the bucket that holds ${threshold} (not a bucket bound, so this is an estimate)`
  }. Target ${Number((target * 100).toPrecision(6))}%.`;
export const explainSloWindowLast = (time: string | undefined) =>
  time !== undefined ? `at ${time} (last step with traffic)` : 'at the last step';
export const explainSloWindowRange = (span: string) => (span ? `over ${span} (whole-range buckets)` : '');

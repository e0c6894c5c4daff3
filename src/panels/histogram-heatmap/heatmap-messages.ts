// Every sentence the Histogram Heatmap shows a user: the explained states and why a histogram cannot be drawn.
// Kept apart from the view-model logic so the wording can be reviewed in one place.

export const EXAMPLE_QUERY = 'sum by (le) (rate(vllm:time_to_first_token_seconds_bucket[$__rate_interval]))';

export const NO_SAMPLES = 'No samples in the selected time range.';

/** A heatmap without any query (a new panel): what to add. */
export const NO_QUERY = {
  title: 'Add a query: this panel needs one histogram.',
  needs:
    'The Histogram Heatmap reads histogram bucket rates summed by le (keep every bucket, +Inf included). For example, time to first token:',
  recipes: [
    {
      label: 'Time to first token (seconds)',
      query: 'sum by (le) (rate(vllm:time_to_first_token_seconds_bucket{model_name=~"$model_name"}[$__rate_interval]))',
    },
  ],
  readmeSection: 'VllmHistogramHeatmap › Recipes',
} as const;

export const notHistogram = (example: string) =>
  `The query returned no le label (series ${example}). The Histogram Heatmap needs histogram bucket rates grouped by le, e.g. ${EXAMPLE_QUERY}`;

export const noReadableBound = (ignoredLe: readonly string[]) =>
  `No bucket bound could be read (le = ${ignoredLe.map((v) => JSON.stringify(v)).join(', ')}); le must be a number or +Inf.`;
export const noInfBucket =
  'The buckets have no le="+Inf": without the total count no share or quantile exists (Prometheus returns NaN). Keep all buckets in the query; do not filter on le.';
export const onlyInfBucket = 'Only the +Inf bucket is present: a distribution needs at least two bucket bounds.';
export const nanBound =
  'A bucket has le="NaN": it has no place among the rows, so the heatmap is not drawn. Drop that series from the query.';
export const nonFiniteSample =
  'Some bucket samples are NaN or ±Inf (often a division in the query), so no cell would be right. Query bucket rates directly: sum by (le) (rate(…_bucket[$__rate_interval])).';
export const ignoredLe = (name: string, le: readonly string[]) =>
  `${name || 'histogram'}: ignored buckets with unreadable le ${le.map((v) => JSON.stringify(v)).join(', ')}.`;
export const ignoredPlain = (count: number) =>
  `Ignored ${count} series without le: the heatmap draws bucket series only.`;
export const noTraffic = 'No observations in the selected time range: the +Inf bucket is 0 at every step.';

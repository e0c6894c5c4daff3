// Every sentence the KV & queue panel shows a user about its queries, data and options, in one place so the
// logic that decides when to show them reads straight and the wording can be reviewed together.

export const INVALID_SPEC =
  "This panel's settings are invalid, so it shows no numbers. Fix these in the panel editor (JSON tab):";

/** A gauge without any query (a new panel): the three queries of the default roles, in order. */
export const NO_QUERY = {
  title: 'Add three queries: KV usage, running and waiting requests, in this order.',
  needs:
    'Each query has a role by position (Settings › Query roles; default kv, running, waiting). Group them by the label to list per instance (pod here):',
  recipes: [
    {
      label: 'Query 1 · kv (0–1)',
      query:
        'max by (pod) (vllm:kv_cache_usage_perc{model_name=~"$model_name"} or vllm:gpu_cache_usage_perc{model_name=~"$model_name"})',
    },
    { label: 'Query 2 · running', query: 'sum by (pod) (vllm:num_requests_running{model_name=~"$model_name"})' },
    { label: 'Query 3 · waiting', query: 'sum by (pod) (vllm:num_requests_waiting{model_name=~"$model_name"})' },
  ],
  readmeSection: 'VllmKvQueueGauge › Queries and roles',
} as const;

/** The caption under the queue bar. Without a capacity the bar cannot say how full the fleet is, so it says what it
 * knows (how many run and wait) and how to give it the capacity, without reading like an alarm. */
export const queueCaption = (running: number, waiting: number, capacity: number | null) =>
  capacity !== null
    ? `${Math.round((running / capacity) * 100)}% of capacity running`
    : waiting > 0
      ? `${Math.round((waiting / (running + waiting)) * 100)}% of requests waiting · capacity unknown: set Capacity per instance`
      : `${running > 0 ? 'none waiting' : 'no requests'} · capacity unknown: set Capacity per instance`;
export const CAPACITY_HINT =
  'Capacity unknown: set "Capacity per instance" (vLLM --max-num-seqs) in the panel settings, or give a query the capacity role, to see running requests against it.';

/** A line of the panel's message list for a role that gives nothing to show. */
export const missingRoleMessage = (role: string, reason: string) => `Missing ${role}: ${reason}`;

// --- Query roles (query-roles.ts)

export const noResultPositional = (queryName: string) =>
  `no result for ${queryName}: add the query or check the panel header for its error`;
export const roleBeyondQueries = (role: string, index: number, queryCount: number) =>
  `the role "${role}" is given to query ${index + 1}, but the panel has only ${queryCount} ${queryCount === 1 ? 'query' : 'queries'}`;
export const noResult = (queryName: string) =>
  `no result for ${queryName}: it failed or is still loading (see the panel header)`;
export const noSeries = (queryName: string) =>
  `${queryName} returned no series: check the metric name and the $model_name filter`;
export const roleMissing = (role: string) =>
  `no query has the role "${role}": add one and list "${role}" in Query roles`;
export const queryWithoutRole = (index: number) =>
  `query ${index + 1} has no role and is ignored: add its role to Query roles`;

// --- Data (kv-queue-view-model.ts)

export const kvNegative = (lowest: number) =>
  `KV usage ${lowest} is negative: the kv query must return usage between 0 and 1 (or 0–100)`;
export const countNegative = (role: string, lowest: number) =>
  `${role} ${lowest} is negative: request counts and preemption rates never are; check the ${role} query (a subtraction or delta?)`;
export const kvLooksPercent = (highest: number) =>
  `KV usage ${highest} is above 1: the kv query looks like percent, so set "KV unit" to percent (0–100) or drop the ×100 from the query`;
export const kvAbove100 = (highest: number) =>
  `KV usage ${highest} is above 100 %: check the kv query (vLLM's kv_cache_usage_perc is a 0–1 fraction)`;
export const noInstanceLabel = (label: string) =>
  `no series carries the label "${label}": group the queries by it (sum by (${label}) (…)) or change "Instance label"`;

// --- Thresholds (kv-thresholds.ts)

export const thresholdOutsidePercent = (value: number) =>
  `threshold ${value} is outside 0–100: in percent mode steps are percent of the KV cache`;
export const thresholdOutsideAbsolute = (value: number) =>
  `threshold ${value} is outside 0–1: in absolute mode steps are fractions of the KV cache (0.8 = 80 %); switch the thresholds to percent mode to enter 80`;
export const thresholdPercentBelowOne = (values: readonly number[]) =>
  `thresholds ${values.join(', ')} are in percent mode, i.e. below 1 %: enter 80 for 80 % or switch back to absolute`;

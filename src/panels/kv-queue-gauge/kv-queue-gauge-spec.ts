// The VllmKvQueueGauge spec model: the panel options as stored in a dashboard and their defaults. (The view model,
// what the panel draws, is kv-queue-view-model.ts.) The CUE model in schemas/vllm-kv-queue-gauge/ describes the same
// shape; test/schemas/kv-queue-gauge.test.ts checks that its defaults equal createInitialKvQueueGaugeOptions().
import { ThresholdOptions } from '@perses-dev/core';

import { withSpecDefaults } from '../../shared/spec-defaults';

/**
 * What one of the panel's queries measures. Roles are assigned by position (query 1, 2, …) rather than
 * read from `__name__`, because `sum by (pod) (…)` and `max by (pod) (…)` drop the metric name.
 */
export type KvQueueRole = 'kv' | 'running' | 'waiting' | 'preemptions' | 'capacity';
export const KV_QUEUE_ROLES: readonly KvQueueRole[] = ['kv', 'running', 'waiting', 'preemptions', 'capacity'];

/** How each series is reduced to one number over the dashboard's time range. */
export type KvValueOverRange = 'last' | 'max' | 'mean';
export const KV_VALUES_OVER_RANGE: readonly KvValueOverRange[] = ['last', 'max', 'mean'];

/** Unit of the `kv` query: vLLM exports a 0–1 fraction; some dashboards multiply by 100. */
export type KvScale = 'fraction' | 'percent';

/** Labels tried, in this order, to name instances when `instanceLabel` is not set. */
export const INSTANCE_LABEL_CANDIDATES: readonly string[] = ['pod', 'instance', 'engine'];

export interface KvQueueGaugeSpec {
  /** Role of each panel query, by position. A role may appear at most once. */
  queryRoles: KvQueueRole[];
  /** Unit of the `kv` query's values. */
  kvScale: KvScale;
  /** Reduction of each series over the time range. */
  valueOverRange: KvValueOverRange;
  /**
   * KV-usage thresholds. Absolute mode: step values are fractions of the cache (0.8 = 80 %), whatever
   * `kvScale` is. Percent mode: step values are percent (80). The highest step is "critical", the one
   * below it "warning".
   */
  thresholds: ThresholdOptions;
  /** Running-request limit of ONE instance (vLLM `--max-num-seqs`); the fleet limit is this × running series. */
  capacity?: number;
  /** Label naming an instance in the per-instance list; unset = first of pod, instance, engine present. */
  instanceLabel?: string;
  /** Rows in the per-instance list before "+N more"; 0 hides the list. */
  maxInstances: number;
  /** Draw small over-time lines of the worst KV usage and of the total waiting requests. */
  sparklines: boolean;
  /**
   * Draw the total running requests over time too, beside the waiting line (the seed dashboards' "Running
   * Over Time"). Independent of `sparklines`, so either line set can be shown alone.
   */
  runningSparkline: boolean;
  /** Decimal places of the KV percentages. */
  decimalPlaces?: number;
}

export const DEFAULT_QUERY_ROLES: KvQueueRole[] = ['kv', 'running', 'waiting'];
export const DEFAULT_WARNING = 0.8;
export const DEFAULT_CRITICAL = 0.95;
export const DEFAULT_MAX_INSTANCES = 5;
export const DEFAULT_DECIMAL_PLACES = 1;

export function createInitialKvQueueGaugeOptions(): KvQueueGaugeSpec {
  return {
    queryRoles: [...DEFAULT_QUERY_ROLES],
    kvScale: 'fraction',
    valueOverRange: 'last',
    thresholds: { mode: 'absolute', steps: [{ value: DEFAULT_WARNING }, { value: DEFAULT_CRITICAL }] },
    maxInstances: DEFAULT_MAX_INSTANCES,
    sparklines: false,
    runningSparkline: false,
  };
}

/** The stored spec with every default filled in (shared rule: src/shared/spec-defaults.ts). */
export function resolveKvQueueGaugeSpec(stored: Partial<KvQueueGaugeSpec> | undefined): KvQueueGaugeSpec {
  return withSpecDefaults(stored, createInitialKvQueueGaugeOptions());
}

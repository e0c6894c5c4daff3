// From role-assigned series to everything the KV & queue panel shows: fleet numbers, per-instance rows,
// the saturation verdict and the problems to report. Framework-free.
import { labelValue, SeriesLike } from '../../model/series';
import { INSTANCE_LABEL_CANDIDATES, KvQueueGaugeSpec, KvQueueRole } from './kv-queue-gauge-spec';
import { countNegative, kvAbove100, kvLooksPercent, kvNegative, noInstanceLabel } from './kv-queue-messages';
import { KvThresholds, resolveKvThresholds, thresholdProblems } from './kv-thresholds';
import { RoleAssignment } from './query-roles';
import { saturationVerdict, VerdictResult } from './saturation-verdict';
import { combinePerStep, CrossSeries, Point, reduceOverRange } from './series-reduce';

export interface InstanceRow {
  name: string;
  /** KV usage as a fraction (0–1); null = no KV series for this instance; NaN = the engine reported NaN. */
  kv: number | null;
  running: number | null;
  waiting: number | null;
}

export interface KvQueueView {
  /** Worst instance's KV usage (fraction 0–1). */
  kvMax: number | null;
  /** Mean KV usage over the instances (fraction 0–1). */
  kvMean: number | null;
  /** Name of the instance with the highest KV usage, when instances are named. */
  kvWorstInstance?: string;
  running: number | null;
  waiting: number | null;
  preemptionsPerSec: number | null;
  /** Fleet running-request limit; null = unknown. */
  capacity: number | null;
  instanceLabel?: string;
  /** All instances, worst first; the component caps the list. */
  instances: InstanceRow[];
  /** Per-step worst KV usage, total waiting and total running requests (for the sparklines). */
  kvTrend: Point[];
  waitingTrend: Point[];
  runningTrend: Point[];
  thresholds: KvThresholds;
  verdict: VerdictResult;
  /** Data or option problems worth a sentence on the panel. */
  problems: string[];
}

const known = (v: number | null): v is number => v !== null && !Number.isNaN(v);

function firstLabelPresent(series: readonly SeriesLike[], configured?: string): string | undefined {
  if (configured) return series.some((s) => labelValue(s.labels, configured) !== undefined) ? configured : undefined;
  return INSTANCE_LABEL_CANDIDATES.find((label) => series.some((s) => labelValue(s.labels, label) !== undefined));
}

/** Divides percent input by 100 so that everything downstream is a 0–1 fraction. */
function scaleKv(series: readonly SeriesLike[], divisor: number): SeriesLike[] {
  if (divisor === 1) return [...series];
  return series.map((s) => ({ ...s, values: s.values.map(([t, v]) => [t, v === null ? null : v / divisor] as const) }));
}

/** vLLM's KV gauge is a 0–1 fraction; values above 1 mean a ×100 query or the wrong unit option. */
function kvScaleProblem(series: readonly SeriesLike[], spec: KvQueueGaugeSpec): string | undefined {
  let highest = -Infinity;
  let lowest = Infinity;
  for (const s of series) {
    for (const [, v] of s.values) {
      if (v === null || Number.isNaN(v)) continue;
      highest = Math.max(highest, v);
      lowest = Math.min(lowest, v);
    }
  }
  if (lowest < 0) return kvNegative(lowest);
  if (spec.kvScale === 'fraction' && highest > 1) return kvLooksPercent(highest);
  if (spec.kvScale === 'percent' && highest > 100) return kvAbove100(highest);
  return undefined;
}

function fleetValue(
  series: readonly SeriesLike[] | undefined,
  how: CrossSeries,
  spec: KvQueueGaugeSpec,
): number | null {
  if (!series) return null;
  return reduceOverRange(combinePerStep(series, how), spec.valueOverRange);
}

/** Per-instance values of one role: several series for one instance (e.g. one per engine) are combined. */
function perInstance(
  series: readonly SeriesLike[] | undefined,
  label: string,
  how: CrossSeries,
  spec: KvQueueGaugeSpec,
): Map<string, number | null> {
  const groups = new Map<string, SeriesLike[]>();
  for (const s of series ?? []) {
    const name = labelValue(s.labels, label);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group) group.push(s);
    else groups.set(name, [s]);
  }
  const values = new Map<string, number | null>();
  for (const [name, group] of groups)
    values.set(name, reduceOverRange(combinePerStep(group, how), spec.valueOverRange));
  return values;
}

/** Worst first: highest KV, then most waiting, then most running; unknown values sort last. */
function compareWorstFirst(a: InstanceRow, b: InstanceRow): number {
  for (const key of ['kv', 'waiting', 'running'] as const) {
    const x = known(a[key]) ? (a[key] as number) : -Infinity;
    const y = known(b[key]) ? (b[key] as number) : -Infinity;
    if (x !== y) return y - x;
  }
  return a.name.localeCompare(b.name);
}

function instanceRows(
  bySeries: Partial<Record<KvQueueRole, readonly SeriesLike[]>>,
  label: string,
  spec: KvQueueGaugeSpec,
): InstanceRow[] {
  const kv = perInstance(bySeries.kv, label, 'max', spec);
  const running = perInstance(bySeries.running, label, 'sum', spec);
  const waiting = perInstance(bySeries.waiting, label, 'sum', spec);
  const names = new Set([...kv.keys(), ...running.keys(), ...waiting.keys()]);
  return [...names]
    .map((name) => ({
      name,
      kv: kv.get(name) ?? null,
      running: running.get(name) ?? null,
      waiting: waiting.get(name) ?? null,
    }))
    .sort(compareWorstFirst);
}

/**
 * The capacity query wins over the number option: a query can follow autoscaling. The number is per
 * instance (`--max-num-seqs`), so it is multiplied by the instances the running query reports.
 */
function fleetCapacity(
  bySeries: Partial<Record<KvQueueRole, readonly SeriesLike[]>>,
  spec: KvQueueGaugeSpec,
): number | null {
  if (bySeries.capacity) {
    const value = fleetValue(bySeries.capacity, 'sum', spec);
    return known(value) && value > 0 ? value : null;
  }
  if (spec.capacity === undefined || !bySeries.running) return null;
  const reporting = bySeries.running.filter((s) => s.values.some(([, v]) => v !== null && !Number.isNaN(v))).length;
  return reporting > 0 ? spec.capacity * reporting : null;
}

/** Roles whose series hold a negative sample (requests and preemptions are never negative), with the lowest. */
function negativeCounts(bySeries: Partial<Record<KvQueueRole, readonly SeriesLike[]>>): Array<[KvQueueRole, number]> {
  const found: Array<[KvQueueRole, number]> = [];
  for (const role of ['running', 'waiting', 'preemptions', 'capacity'] as const) {
    let lowest = 0;
    for (const s of bySeries[role] ?? []) for (const [, v] of s.values) if (v !== null && v < lowest) lowest = v;
    if (lowest < 0) found.push([role, lowest]);
  }
  return found;
}

export function buildKvQueueView(assignment: RoleAssignment, spec: KvQueueGaugeSpec): KvQueueView {
  const problems: string[] = [...thresholdProblems(spec.thresholds)];
  const thresholds = resolveKvThresholds(spec.thresholds);

  let kvSeries = assignment.series.kv;
  if (kvSeries) {
    const problem = kvScaleProblem(kvSeries, spec);
    if (problem) {
      // Showing a wrong percentage is worse than showing none.
      problems.push(problem);
      kvSeries = undefined;
    } else {
      kvSeries = scaleKv(kvSeries, spec.kvScale === 'percent' ? 100 : 1);
    }
  }
  const bySeries = { ...assignment.series, kv: kvSeries };

  const kvMax = fleetValue(kvSeries, 'max', spec);
  const kvMean = fleetValue(kvSeries, 'mean', spec);
  const running = fleetValue(bySeries.running, 'sum', spec);
  const waiting = fleetValue(bySeries.waiting, 'sum', spec);
  const preemptionsPerSec = fleetValue(bySeries.preemptions, 'sum', spec);

  const negative = negativeCounts(bySeries);
  problems.push(...negative.map(([role, lowest]) => countNegative(role, lowest)));

  const allSeries = [...(kvSeries ?? []), ...(bySeries.running ?? []), ...(bySeries.waiting ?? [])];
  const instanceLabel = firstLabelPresent(allSeries, spec.instanceLabel);
  if (spec.instanceLabel && !instanceLabel && allSeries.length > 0) {
    problems.push(noInstanceLabel(spec.instanceLabel));
  }
  const instances = instanceLabel ? instanceRows(bySeries, instanceLabel, spec) : [];
  const worst = instances.find((row) => known(row.kv));

  return {
    kvMax,
    kvMean,
    kvWorstInstance: worst && known(kvMax) && worst.kv === kvMax ? worst.name : undefined,
    running,
    waiting,
    preemptionsPerSec,
    capacity: fleetCapacity(bySeries, spec),
    instanceLabel,
    instances,
    kvTrend: kvSeries ? combinePerStep(kvSeries, 'max') : [],
    waitingTrend: bySeries.waiting ? combinePerStep(bySeries.waiting, 'sum') : [],
    runningTrend: bySeries.running ? combinePerStep(bySeries.running, 'sum') : [],
    thresholds,
    // A negative count is not a quiet fleet: no verdict rather than "Healthy".
    verdict:
      negative.length > 0
        ? {
            verdict: 'Unknown',
            reason: `${negative.map(([role]) => role).join(' and ')} below 0: see the message below`,
          }
        : saturationVerdict({ kvMax, running, waiting, critical: thresholds.critical?.fraction }),
    problems,
  };
}

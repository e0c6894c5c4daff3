// From role-assigned series to everything the KV & queue panel shows: fleet numbers, per-instance rows,
// the saturation verdict and the problems to report. Framework-free.
import { labelValue, SeriesLike } from '../../model/series';
import { INSTANCE_LABEL_CANDIDATES, KvQueueGaugeSpec, KvQueueRole } from './kv-queue-gauge-spec';
import { countNegative, kvAbove100, kvLooksPercent, kvNegative, noInstanceLabel } from './kv-queue-messages';
import { KvThresholds, resolveKvThresholds, thresholdProblems } from './kv-thresholds';
import { RoleAssignment } from './query-roles';
import { RoleScan, scanRole } from './role-scan';
import { loneSeriesValue, reduceSteps, stepPoints } from './role-values';
import { saturationVerdict, VerdictResult } from './saturation-verdict';
import { CrossSeries, Point } from './series-reduce';

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

/** vLLM's KV gauge is a 0–1 fraction; values above 1 mean a ×100 query or the wrong unit option. */
function kvScaleProblem({ lowest, highest }: RoleScan, spec: KvQueueGaugeSpec): string | undefined {
  if (lowest < 0) return kvNegative(lowest);
  if (spec.kvScale === 'fraction' && highest > 1) return kvLooksPercent(highest);
  if (spec.kvScale === 'percent' && highest > 100) return kvAbove100(highest);
  return undefined;
}

/** A role's series and their one-pass scan (the scan's per-series summaries index into `series`). */
interface ScannedRole {
  series: readonly SeriesLike[];
  scan: RoleScan;
}

function scanned(series: readonly SeriesLike[] | undefined, divisor = 1): ScannedRole | undefined {
  return series ? { series, scan: scanRole(series, divisor) } : undefined;
}

function fleetValue(role: ScannedRole | undefined, how: CrossSeries, spec: KvQueueGaugeSpec): number | null {
  return role ? reduceSteps(role.scan.steps, how, spec.valueOverRange) : null;
}

/**
 * Per-instance values of one role: several series for one instance (e.g. one per engine) are combined. A lone
 * series (the usual `… by (pod)` query) is read off its summary; a group is scanned on its own.
 */
function perInstance(
  role: ScannedRole | undefined,
  label: string,
  how: CrossSeries,
  spec: KvQueueGaugeSpec,
  divisor = 1,
): Map<string, number | null> {
  const groups = new Map<string, number[]>();
  role?.series.forEach((s, k) => {
    const name = labelValue(s.labels, label);
    if (name === undefined) return;
    const group = groups.get(name);
    if (group) group.push(k);
    else groups.set(name, [k]);
  });
  const values = new Map<string, number | null>();
  if (!role) return values;
  const { series, scan } = role;
  for (const [name, group] of groups) {
    const lone = group.length === 1 && scan.series.ascending[group[0]] === 1;
    values.set(
      name,
      lone
        ? loneSeriesValue(scan.series, group[0], how, spec.valueOverRange)
        : reduceSteps(
            scanRole(
              group.map((k) => series[k]),
              divisor,
            ).steps,
            how,
            spec.valueOverRange,
          ),
    );
  }
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
  roles: Partial<Record<KvQueueRole, ScannedRole>>,
  label: string,
  spec: KvQueueGaugeSpec,
  kvDivisor: number,
): InstanceRow[] {
  const kv = perInstance(roles.kv, label, 'max', spec, kvDivisor);
  const running = perInstance(roles.running, label, 'sum', spec);
  const waiting = perInstance(roles.waiting, label, 'sum', spec);
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
function fleetCapacity(roles: Partial<Record<KvQueueRole, ScannedRole>>, spec: KvQueueGaugeSpec): number | null {
  if (roles.capacity) {
    const value = fleetValue(roles.capacity, 'sum', spec);
    return known(value) && value > 0 ? value : null;
  }
  if (spec.capacity === undefined || !roles.running) return null;
  const reporting = roles.running.scan.series.numbers.reduce((n, numbers) => (numbers > 0 ? n + 1 : n), 0);
  return reporting > 0 ? spec.capacity * reporting : null;
}

/** Roles whose series hold a negative sample (requests and preemptions are never negative), with the lowest. */
function negativeCounts(roles: Partial<Record<KvQueueRole, ScannedRole>>): Array<[KvQueueRole, number]> {
  const found: Array<[KvQueueRole, number]> = [];
  for (const role of ['running', 'waiting', 'preemptions', 'capacity'] as const) {
    const lowest = roles[role]?.scan.lowest ?? 0;
    if (lowest < 0) found.push([role, lowest]);
  }
  return found;
}

export function buildKvQueueView(assignment: RoleAssignment, spec: KvQueueGaugeSpec): KvQueueView {
  const problems: string[] = [...thresholdProblems(spec.thresholds)];
  const thresholds = resolveKvThresholds(spec.thresholds);

  // Each role's series are scanned once; every number below is read off these scans.
  const kvDivisor = spec.kvScale === 'percent' ? 100 : 1;
  let kv = scanned(assignment.series.kv, kvDivisor);
  if (kv) {
    const problem = kvScaleProblem(kv.scan, spec);
    if (problem) {
      // Showing a wrong percentage is worse than showing none.
      problems.push(problem);
      kv = undefined;
    }
  }
  const roles: Partial<Record<KvQueueRole, ScannedRole>> = {
    kv,
    running: scanned(assignment.series.running),
    waiting: scanned(assignment.series.waiting),
    preemptions: scanned(assignment.series.preemptions),
    capacity: scanned(assignment.series.capacity),
  };

  const kvMax = fleetValue(kv, 'max', spec);
  const kvMean = fleetValue(kv, 'mean', spec);
  const running = fleetValue(roles.running, 'sum', spec);
  const waiting = fleetValue(roles.waiting, 'sum', spec);
  const preemptionsPerSec = fleetValue(roles.preemptions, 'sum', spec);

  const negative = negativeCounts(roles);
  problems.push(...negative.map(([role, lowest]) => countNegative(role, lowest)));

  const allSeries = [...(kv?.series ?? []), ...(roles.running?.series ?? []), ...(roles.waiting?.series ?? [])];
  const instanceLabel = firstLabelPresent(allSeries, spec.instanceLabel);
  if (spec.instanceLabel && !instanceLabel && allSeries.length > 0) {
    problems.push(noInstanceLabel(spec.instanceLabel));
  }
  const instances = instanceLabel ? instanceRows(roles, instanceLabel, spec, kvDivisor) : [];
  const worst = instances.find((row) => known(row.kv));

  return {
    kvMax,
    kvMean,
    kvWorstInstance: worst && known(kvMax) && worst.kv === kvMax ? worst.name : undefined,
    running,
    waiting,
    preemptionsPerSec,
    capacity: fleetCapacity(roles, spec),
    instanceLabel,
    instances,
    kvTrend: kv ? stepPoints(kv.scan.steps, 'max') : [],
    waitingTrend: roles.waiting ? stepPoints(roles.waiting.scan.steps, 'sum') : [],
    runningTrend: roles.running ? stepPoints(roles.running.scan.steps, 'sum') : [],
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

import { panelQueries, PODS, roleResult, Samples, SATURATED_FLEET, series, STEP_MS, T0 } from './kv-queue-fixtures';
import { createInitialKvQueueGaugeOptions, KvQueueGaugeSpec, KvQueueRole } from './kv-queue-gauge-spec';
import { buildKvQueueView } from './kv-queue-view-model';
import { assignQueryRoles } from './query-roles';

function view(data: Partial<Record<KvQueueRole, Samples[]>>, overrides: Partial<KvQueueGaugeSpec> = {}) {
  const spec = { ...createInitialKvQueueGaugeOptions(), ...overrides };
  const results = spec.queryRoles.filter((role) => data[role]).map((role) => roleResult(role, data[role]!));
  return buildKvQueueView(assignQueryRoles(spec.queryRoles, panelQueries(spec.queryRoles), results), spec);
}

describe('buildKvQueueView', () => {
  test('headline is the worst instance, with the fleet mean beside it', () => {
    const v = view(SATURATED_FLEET);
    expect(v.kvMax).toBe(0.965);
    expect(v.kvMean).toBeCloseTo((0.62 + 0.965 + 0.6) / 3, 10);
    expect(v.kvWorstInstance).toBe(PODS[1]);
  });

  test('running and waiting are fleet sums and the verdict is Saturated', () => {
    const v = view(SATURATED_FLEET);
    expect(v.running).toBe(39 + 64 + 36);
    expect(v.waiting).toBe(7);
    expect(v.verdict.verdict).toBe('Saturated');
  });

  test('per-instance rows are sorted worst-first by KV, then waiting, then running', () => {
    const v = view(SATURATED_FLEET);
    expect(v.instanceLabel).toBe('pod');
    expect(v.instances.map((r) => r.name)).toEqual([PODS[1], PODS[0], PODS[2]]);
    expect(v.instances[0]).toEqual({ name: PODS[1], kv: 0.965, running: 64, waiting: 7 });
    const tie = view({ kv: [[0.5], [0.5], [0.5]], running: [[10], [30], [20]], waiting: [[0], [0], [2]] });
    expect(tie.instances.map((r) => r.name)).toEqual([PODS[2], PODS[1], PODS[0]]);
  });

  test('value over range: max takes each step’s peak, mean the average over steps', () => {
    expect(view(SATURATED_FLEET, { valueOverRange: 'max' }).waiting).toBe(7);
    expect(view(SATURATED_FLEET, { valueOverRange: 'mean' }).waiting).toBe((2 + 4 + 6 + 7) / 4);
    expect(view(SATURATED_FLEET, { valueOverRange: 'mean' }).kvMax).toBeCloseTo((0.88 + 0.93 + 0.95 + 0.965) / 4, 10);
  });

  test('percent input (the seed dashboards multiply by 100) gives the same fractions', () => {
    const percent = SATURATED_FLEET.kv.map((pod) => pod.map((v) => v * 100));
    const v = view({ ...SATURATED_FLEET, kv: percent }, { kvScale: 'percent' });
    expect(v.kvMax).toBeCloseTo(0.965, 10);
    expect(v.verdict.verdict).toBe('Saturated');
  });

  test('percent values with the fraction setting are refused with a fix, not shown as 9650 %', () => {
    const percent = SATURATED_FLEET.kv.map((pod) => pod.map((v) => v * 100));
    const v = view({ ...SATURATED_FLEET, kv: percent });
    expect(v.kvMax).toBeNull();
    expect(v.problems).toEqual([
      'KV usage 96.5 is above 1: the kv query looks like percent, so set "KV unit" to percent (0–100) or drop the ×100 from the query',
    ]);
    expect(v.running).toBe(139);
  });

  test('negative KV values are reported', () => {
    expect(view({ kv: [[-0.2]], running: [[1]], waiting: [[0]] }).problems[0]).toMatch(/KV usage -0.2 is negative/);
  });

  test('capacity from --max-num-seqs is multiplied by the instances reporting running', () => {
    const v = view(SATURATED_FLEET, { capacity: 64 });
    expect(v.capacity).toBe(192);
  });

  test('a capacity query wins over the number option', () => {
    const roles: KvQueueRole[] = ['kv', 'running', 'waiting', 'capacity'];
    const v = view({ ...SATURATED_FLEET, capacity: [[256], [256], [256]] }, { queryRoles: roles, capacity: 64 });
    expect(v.capacity).toBe(768);
  });

  test('without capacity it is unknown', () => {
    expect(view(SATURATED_FLEET).capacity).toBeNull();
  });

  test('preemptions are the fleet rate when the role is provided', () => {
    const roles: KvQueueRole[] = ['kv', 'running', 'waiting', 'preemptions'];
    const v = view({ ...SATURATED_FLEET, preemptions: [[0], [0.35, 0.4], [0.05]] }, { queryRoles: roles });
    expect(v.preemptionsPerSec).toBeCloseTo(0.4, 10);
    expect(view(SATURATED_FLEET).preemptionsPerSec).toBeNull();
  });

  test('a NaN KV sample on the latest step is NaN, and the verdict does not call it Saturated', () => {
    const v = view({
      kv: [
        [0.5, NaN],
        [0.7, NaN],
        [0.6, NaN],
      ],
      running: [[3], [4], [5]],
      waiting: [[1], [1], [1]],
    });
    expect(v.kvMax).toBeNaN();
    expect(v.verdict.verdict).toBe('Queueing');
  });

  test('the instance label is configurable and reported when no series has it', () => {
    const v = view(SATURATED_FLEET, { instanceLabel: 'engine' });
    expect(v.instances).toEqual([]);
    expect(v.problems).toEqual([
      'no series carries the label "engine": group the queries by it (sum by (engine) (…)) or change "Instance label"',
    ]);
  });

  test('the instance label is detected as instance when series carry no pod label', () => {
    const spec = createInitialKvQueueGaugeOptions();
    const byInstance = (samples: Samples[]) => ({
      series: samples.map((s, i) => series({ instance: `10.0.3.${i + 11}:8000` }, s)),
    });
    const assignment = {
      series: {
        kv: byInstance([[0.3], [0.8]]).series,
        running: byInstance([[5], [9]]).series,
        waiting: byInstance([[0], [0]]).series,
      },
      missing: [],
      notes: [],
    };
    const v = buildKvQueueView(assignment, spec);
    expect(v.instanceLabel).toBe('instance');
    expect(v.instances.map((r) => r.name)).toEqual(['10.0.3.12:8000', '10.0.3.11:8000']);
  });

  test('several engines of one pod are combined: KV max, counts summed', () => {
    const spec = { ...createInitialKvQueueGaugeOptions(), instanceLabel: 'pod' };
    const assignment = {
      series: {
        kv: [series({ pod: 'p', engine: '0' }, [0.4]), series({ pod: 'p', engine: '1' }, [0.9])],
        running: [series({ pod: 'p', engine: '0' }, [10]), series({ pod: 'p', engine: '1' }, [12])],
        waiting: [series({ pod: 'p', engine: '0' }, [0]), series({ pod: 'p', engine: '1' }, [3])],
      },
      missing: [],
      notes: [],
    };
    expect(buildKvQueueView(assignment, spec).instances).toEqual([{ name: 'p', kv: 0.9, running: 22, waiting: 3 }]);
  });

  test('aggregated queries without instance labels give no per-instance list', () => {
    const spec = createInitialKvQueueGaugeOptions();
    const assignment = {
      series: { kv: [series({}, [0.42])], running: [series({}, [17])], waiting: [series({}, [0])] },
      missing: [],
      notes: [],
    };
    const v = buildKvQueueView(assignment, spec);
    expect(v.instanceLabel).toBeUndefined();
    expect(v.instances).toEqual([]);
    expect(v.kvMax).toBe(0.42);
    expect(v.verdict.verdict).toBe('Healthy');
  });

  test('trends are the worst KV, the total waiting and the total running per step', () => {
    const v = view(SATURATED_FLEET);
    expect(v.kvTrend).toEqual([
      [T0, 0.88],
      [T0 + STEP_MS, 0.93],
      [T0 + 2 * STEP_MS, 0.95],
      [T0 + 3 * STEP_MS, 0.965],
    ]);
    expect(v.waitingTrend.map(([, w]) => w)).toEqual([2, 4, 6, 7]);
    // 38 + 64 + 31, 40 + 64 + 33, …: the fleet total, as the seed's "Running Over Time" sums by service.
    expect(v.runningTrend).toEqual([
      [T0, 133],
      [T0 + STEP_MS, 137],
      [T0 + 2 * STEP_MS, 140],
      [T0 + 3 * STEP_MS, 139],
    ]);
  });

  test('a missing running query gives no running trend rather than a line of zeros', () => {
    expect(view({ kv: SATURATED_FLEET.kv, waiting: SATURATED_FLEET.waiting }).runningTrend).toEqual([]);
  });
});

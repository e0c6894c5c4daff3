// The numeric bounds the editors and the boundary validators read (kv-queue-gauge-limits.ts,
// latency-quad-limits.ts) agree with the CUE schemas: at each bound and just past it, `cue vet`, the validator and
// inRange() give the same answer. Uses the real `cue` binary built into .data/bin by percli-scripts/setup.sh.
import { KV_LIMITS } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-limits';
import { validateKvQueueGaugeSpec } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-validate';
import { QUAD_LIMITS } from '../../src/panels/latency-quad/latency-quad-limits';
import { validateLatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-validate';
import { inRange, OptionRange } from '../../src/shared/option-range';
import { cueModel } from '../support/cue-model';

const models = {
  VllmKvQueueGauge: cueModel('vllm-kv-queue-gauge', 'VllmKvQueueGauge'),
  VllmLatencyQuad: cueModel('vllm-latency-quad', 'VllmLatencyQuad'),
};
afterAll(() => Object.values(models).forEach((m) => m.remove()));

function cueAccepts(kind: keyof typeof models, spec: unknown): boolean {
  return models[kind].vet(spec) === '';
}

/** The bounds themselves, just inside and just outside them, and a fraction for whole-number options. */
function probes(range: OptionRange): number[] {
  const values = [range.min, range.min - 0.5, range.min + 0.5];
  if (range.max !== undefined) values.push(range.max, range.max + 0.5, range.max - 0.5);
  else values.push(range.min + 1000);
  if (range.integer) values.push(range.min + 1.5);
  return [...new Set(values)];
}

type Case = [string, OptionRange, (v: number) => unknown];

const KV: Case[] = [
  ['capacity', KV_LIMITS.capacity, (v) => ({ capacity: v })],
  ['maxInstances', KV_LIMITS.maxInstances, (v) => ({ maxInstances: v })],
  ['decimalPlaces', KV_LIMITS.decimalPlaces, (v) => ({ decimalPlaces: v })],
  ['absolute threshold', KV_LIMITS.absoluteThreshold, (v) => ({ thresholds: { steps: [{ value: v }] } })],
  [
    'percent threshold',
    KV_LIMITS.percentThreshold,
    (v) => ({ thresholds: { mode: 'percent', steps: [{ value: v }] } }),
  ],
];

const QUAD: Case[] = [
  ['quantile', QUAD_LIMITS.quantile, (v) => ({ statistics: [{ kind: 'quantile', quantile: v }] })],
  ['format.decimalPlaces', QUAD_LIMITS.decimalPlaces, (v) => ({ format: { unit: 'seconds', decimalPlaces: v } })],
  ['groups.maxRows', QUAD_LIMITS.maxRows, (v) => ({ groups: { maxRows: v } })],
  ['slo.threshold', QUAD_LIMITS.sloThreshold, (v) => ({ slo: { threshold: v, target: 0.9 } })],
  ['slo.target', QUAD_LIMITS.sloTarget, (v) => ({ slo: { threshold: 1, target: v } })],
];

describe.each([
  ['vllm-kv-queue-gauge', 'VllmKvQueueGauge', KV, validateKvQueueGaugeSpec],
  ['vllm-latency-quad', 'VllmLatencyQuad', QUAD, validateLatencyQuadSpec],
] as const)('%s: TS limits agree with CUE', (_schema, kind, cases, validate) => {
  test.each(cases)('%s', (_, range, specAt) => {
    const answers = probes(range).map((v) => ({
      v,
      limits: inRange(range, v),
      cue: cueAccepts(kind, specAt(v)),
      validator: validate(specAt(v)).length === 0,
    }));
    for (const a of answers)
      expect({ v: a.v, cue: a.cue, validator: a.validator }).toEqual({ v: a.v, cue: a.limits, validator: a.limits });
  });
});

// Property-based tests of the KV & queue view model: nothing throws on any Prometheus-shaped input or any spec;
// the fleet numbers equal a reference taken straight from the samples; where there is no honest number, a
// message says why. FC_RUNS=5000 runs a longer hunt; fast-check prints the seed on failure.
import fc from 'fast-check';

import {
  createInitialKvQueueGaugeOptions,
  KvQueueGaugeSpec,
  resolveKvQueueGaugeSpec,
} from '../../src/panels/kv-queue-gauge/kv-queue-gauge-spec';
import {
  KV_QUEUE_GAUGE_SPEC_FIELDS,
  validateKvQueueGaugeSpec,
} from '../../src/panels/kv-queue-gauge/kv-queue-gauge-validate';
import { buildKvQueueView } from '../../src/panels/kv-queue-gauge/kv-queue-view-model';
import { assignQueryRoles } from '../../src/panels/kv-queue-gauge/query-roles';
import { hostileSeriesArb, jsonish, labelsArb, RUNS, Series, stepsArb } from './arbitraries';
import { close } from './reference';

const params = { numRuns: RUNS };

/** The fleet value of `last`: the latest step with a sample, combined across series, NaN samples skipped. */
function referenceLast(series: Series[], how: 'max' | 'sum'): number | null {
  const samples = series.flatMap((s) => s.values.filter(([, v]) => v !== null) as Array<[number, number]>);
  if (samples.length === 0) return null;
  const latest = Math.max(...samples.map(([t]) => t));
  const numbers = samples.filter(([t, v]) => t === latest && !Number.isNaN(v)).map(([, v]) => v);
  if (numbers.length === 0) return NaN;
  return how === 'max' ? Math.max(...numbers) : numbers.reduce((a, b) => a + b, 0);
}

const gaugeSeriesArb = (value: fc.Arbitrary<number>) =>
  stepsArb.chain((steps) =>
    fc.array(
      fc.record({
        labels: labelsArb,
        values: fc
          .array(fc.option(value, { nil: null, freq: 5 }), { minLength: steps.length, maxLength: steps.length })
          .map((vs) => vs.map((v, i) => [steps[i], v] as [number, number | null])),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  );

function view(
  kv: Series[],
  running: Series[],
  waiting: Series[],
  spec: KvQueueGaugeSpec = createInitialKvQueueGaugeOptions(),
) {
  const results = [kv, running, waiting].map((series) => ({ data: { series } }));
  return buildKvQueueView(assignQueryRoles(spec.queryRoles, undefined, results), spec);
}

test('fleet numbers equal the reference; NaN stays NaN; negative counts never read Healthy', () => {
  const count = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(NaN, -3));
  fc.assert(
    fc.property(
      gaugeSeriesArb(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(NaN))),
      gaugeSeriesArb(count),
      gaugeSeriesArb(count),
      (kv, running, waiting) => {
        const v = view(kv, running, waiting);
        const kvMax = referenceLast(kv, 'max');
        expect({ kvMax: v.kvMax, ok: v.kvMax === kvMax || close(v.kvMax as number, kvMax as number) }).toEqual({
          kvMax: v.kvMax,
          ok: true,
        });
        const run = referenceLast(running, 'sum');
        expect({ running: v.running, ok: v.running === run || close(v.running as number, run as number) }).toEqual({
          running: v.running,
          ok: true,
        });
        const wait = referenceLast(waiting, 'sum');
        expect({ waiting: v.waiting, ok: v.waiting === wait || close(v.waiting as number, wait as number) }).toEqual({
          waiting: v.waiting,
          ok: true,
        });
        const negative = [...running, ...waiting].some((s) => s.values.some(([, x]) => x !== null && x < 0));
        if (negative) {
          expect(v.verdict.verdict).toBe('Unknown');
          expect(v.problems.some((p) => p.includes('negative'))).toBe(true);
        }
        if (v.verdict.verdict === 'Healthy') expect(wait).toBe(0);
      },
    ),
    params,
  );
});

test('hostile query results and any spec: the validator never throws, and an accepted spec never makes the view throw', () => {
  const specArb = fc
    .dictionary(
      // Every spec field, and keys that collide with JavaScript object built-ins.
      fc.constantFrom(...KV_QUEUE_GAUGE_SPEC_FIELDS, 'constructor', '__proto__'),
      jsonish,
    )
    .map((d) => JSON.parse(JSON.stringify(d)) as unknown);
  fc.assert(
    fc.property(specArb, fc.array(hostileSeriesArb, { maxLength: 5 }), (stored, queries) => {
      const problems = validateKvQueueGaugeSpec(stored);
      for (const p of problems) expect(typeof p).toBe('string');
      if (problems.length > 0) return;
      const spec = resolveKvQueueGaugeSpec(stored as Partial<KvQueueGaugeSpec>);
      const results = queries.map((series) => ({ data: { series } }));
      const v = buildKvQueueView(assignQueryRoles(spec.queryRoles, undefined, results), spec);
      for (const row of v.instances) expect(typeof row.name).toBe('string');
    }),
    params,
  );
});

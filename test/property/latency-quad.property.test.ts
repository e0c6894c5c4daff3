// Property-based tests of the histogram engine and the Latency Quad view model: nothing throws on any
// Prometheus-shaped input or any spec; every number shown equals the reference in reference.ts; where there
// is no honest number, the row or tile says why. Seed and counterexample are printed on failure by fast-check;
// FC_RUNS=5000 runs a longer hunt.
import fc from 'fast-check';

import {
  createInitialLatencyQuadOptions,
  LatencyQuadSpec,
  resolveLatencyQuadSpec,
} from '../../src/panels/latency-quad/latency-quad-spec';
import { validateLatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-validate';
import { buildQuadViewModel } from '../../src/panels/latency-quad/quad-view-model';
import { quadText } from '../../src/panels/latency-quad/tile-text';
import { hostileSeriesArb, jsonish, RUNS, wellFormedArb, wellFormedSeries } from './arbitraries';
import { close, referenceMean, referenceQuantile, sumOverSteps } from './reference';

const params = { numRuns: RUNS };
const QUANTILES = [0.5, 0.9, 0.99];
const spec = (patch: Partial<LatencyQuadSpec> = {}): LatencyQuadSpec => ({
  ...createInitialLatencyQuadOptions(),
  statistics: [{ kind: 'mean' }, ...QUANTILES.map((quantile) => ({ kind: 'quantile' as const, quantile }))],
  ...patch,
});

test('hostile query results: nothing throws, and every missing number says why', () => {
  fc.assert(
    fc.property(hostileSeriesArb, fc.constantFrom('range', 'last', 'mean-of-steps'), (series, valueOverRange) => {
      const model = buildQuadViewModel(
        [{ data: { series } }],
        spec({ valueOverRange, slo: { threshold: 1, target: 0.9 } }),
      );
      if (model.state !== 'rows') {
        expect(model.message.length).toBeGreaterThan(0);
        return;
      }
      quadText(model.rows, { unit: 'seconds' });
      for (const row of model.rows) {
        if (row.problem) {
          expect(row.tiles).toEqual([]);
          continue;
        }
        for (const tile of row.tiles) {
          if (!Number.isFinite(tile.value))
            expect({ tile: tile.label, reason: tile.reason }).toEqual({ tile: tile.label, reason: expect.any(String) });
          expect(tile.explanation.length).toBeGreaterThan(0);
        }
      }
    }),
    params,
  );
});

test('well-formed histograms: every tile equals the reference over the whole range', () => {
  fc.assert(
    fc.property(wellFormedArb, (h) => {
      const model = buildQuadViewModel([{ data: { series: wellFormedSeries(h) } }], spec());
      if (model.state !== 'rows') throw new Error(model.message);
      const [row] = model.rows;
      const range = sumOverSteps(h.cumulative);
      const traffic = range[range.length - 1] > 0;
      const [mean, ...quantiles] = row.tiles;
      if (!traffic) {
        // No honest number: each tile says why ('no traffic', or 'no mean series' when every _sum sample is absent).
        for (const t of row.tiles) expect([t.value, t.reason]).toEqual([NaN, expect.any(String)]);
        return;
      }
      const expectedMean = referenceMean(h.sums, h.cumulative);
      expect({ mean: mean.value, ok: close(mean.value, expectedMean) }).toEqual({ mean: mean.value, ok: true });
      if (Number.isNaN(expectedMean)) expect(mean.reason ?? mean.explanation).toBeTruthy();
      QUANTILES.forEach((q, i) => {
        const expected = referenceQuantile(q, h.bounds, range);
        expect({ q, got: quantiles[i].value, ok: close(quantiles[i].value, expected), expected }).toMatchObject({
          ok: true,
        });
      });
    }),
    params,
  );
});

test('a NaN _sum sample at any one step makes the mean NaN with a reason, in every mode', () => {
  fc.assert(
    fc.property(
      wellFormedArb,
      fc.nat(),
      fc.constantFrom('range', 'last', 'mean-of-steps'),
      (h, pick, valueOverRange) => {
        const sums = [...h.sums];
        sums[pick % sums.length] = NaN;
        const model = buildQuadViewModel(
          [{ data: { series: wellFormedSeries({ ...h, sums }) } }],
          spec({ valueOverRange }),
        );
        if (model.state !== 'rows') throw new Error(model.message);
        const mean = model.rows[0].tiles[0];
        expect(mean.value).toBeNaN();
        expect(mean.reason).toEqual(expect.any(String));
      },
    ),
    params,
  );
});

test('any spec: the validator never throws, and a spec it accepts never makes the view model throw', () => {
  const specArb = fc
    .dictionary(
      fc.constantFrom(
        'statistics',
        'valueOverRange',
        'meanInput',
        'format',
        'sparkline',
        'thresholds',
        'slo',
        'groups',
        'constructor',
        '__proto__',
      ),
      jsonish,
    )
    .map((d) => JSON.parse(JSON.stringify(d)) as unknown);
  fc.assert(
    fc.property(specArb, hostileSeriesArb, (stored, series) => {
      const problems = validateLatencyQuadSpec(stored);
      for (const p of problems) expect(typeof p).toBe('string');
      if (problems.length > 0) return;
      const model = buildQuadViewModel(
        [{ data: { series } }],
        resolveLatencyQuadSpec(stored as Partial<LatencyQuadSpec>),
      );
      if (model.state === 'rows')
        quadText(model.rows, resolveLatencyQuadSpec(stored as Partial<LatencyQuadSpec>).format);
    }),
    params,
  );
});

// Our histogram engine against a real Prometheus 2.42: every answer in test/histogram-fixture/fixture.json
// (written by generate.ts, which the test command re-runs first) must match — NaN with NaN, ±Inf exactly, any
// other number within a relative error of 1e-9. An absent Prometheus result must be NaN on our side.
// The functions called here are the ones the panels call (src/model/histogram.ts), so a panel number cannot take a
// path this suite does not check: instant quantiles and attainment, per-step quantiles and attainment (the quad's
// `last` mode), the whole-range histogram's quantiles and attainment (`range` mode), and the +Inf clamp flag.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  attainmentOfHistogram,
  Bucket,
  groupBucketSeries,
  histogramAtStep,
  histogramQuantile,
  instantHistogram,
  MonotonicHistogram,
  quantileIsClamped,
  quantileOfHistogram,
  quantilesPerStep,
  SeriesLike,
  sloAttainment,
  wholeRangeHistogram,
} from '../src/model/histogram';
import type { Encoded, Fixture } from './histogram-fixture/generate';

const fixture = JSON.parse(readFileSync(join(__dirname, 'histogram-fixture', 'fixture.json'), 'utf8')) as Fixture;

function decode(value: Encoded | null): number {
  if (value === null || value === 'NaN') return NaN;
  if (value === '+Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return value;
}

/** PromQL literal → number. */
function qOf(literal: string): number {
  return literal === 'Inf' ? Infinity : (decode(literal as Encoded) ?? Number(literal));
}

function same(ours: number, theirs: number): boolean {
  if (Number.isNaN(theirs)) return Number.isNaN(ours);
  if (!Number.isFinite(theirs)) return ours === theirs;
  if (!Number.isFinite(ours)) return false;
  if (ours === theirs) return true;
  return Math.abs(ours - theirs) <= 1e-9 * Math.max(Math.abs(ours), Math.abs(theirs));
}

interface Mismatch {
  where: string;
  ours: number;
  prometheus: number;
}

function secondHighestBound(histogram: MonotonicHistogram): number {
  return histogram.bounds[histogram.n - 2];
}

function describe_(mismatches: Mismatch[]): string {
  return mismatches
    .slice(0, 40)
    .map((m) => `${m.where}: ours ${m.ours}, Prometheus ${m.prometheus}`)
    .join('\n');
}

describe('histogram engine vs Prometheus (fixture)', () => {
  it('the fixture covers the vLLM layouts, the edge cases and every q', () => {
    expect(fixture.instant.length).toBeGreaterThanOrEqual(100);
    expect(fixture.series.length).toBeGreaterThanOrEqual(5);
    expect(fixture.qs).toEqual(expect.arrayContaining(['-0.5', '0', '0.5', '0.99', '1', '1.5', 'NaN']));
    expect(fixture.prometheus).toMatch(/version 2\.42\./);
  });

  it('histogramQuantile matches histogram_quantile for every instant case and q', () => {
    const mismatches: Mismatch[] = [];
    let compared = 0;
    for (const c of fixture.instant) {
      const buckets: Bucket[] = c.buckets.map(([le, value]) => ({ le, value: decode(value) }));
      for (const q of fixture.qs) {
        const theirs = decode(c.quantiles[q]);
        const ours = histogramQuantile(qOf(q), buckets);
        compared++;
        if (!same(ours, theirs)) mismatches.push({ where: `${c.name} q=${q}`, ours, prometheus: theirs });
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(describe_(mismatches)).toBe('');
  });

  it('histogramQuantile does not depend on bucket order (reversed input), except for le="NaN"', () => {
    const mismatches: Mismatch[] = [];
    for (const c of fixture.instant) {
      if (c.buckets.some(([le]) => le.toLowerCase() === 'nan')) continue;
      const buckets: Bucket[] = c.buckets.map(([le, value]) => ({ le, value: decode(value) })).reverse();
      for (const q of fixture.qs) {
        const theirs = decode(c.quantiles[q]);
        const ours = histogramQuantile(qOf(q), buckets);
        if (!same(ours, theirs)) mismatches.push({ where: `${c.name} (reversed) q=${q}`, ours, prometheus: theirs });
      }
    }
    expect(describe_(mismatches)).toBe('');
  });

  it('sloAttainment matches cum[le=T] / cum[+Inf] at bucket bounds', () => {
    const mismatches: Mismatch[] = [];
    let compared = 0;
    for (const c of fixture.instant) {
      const buckets: Bucket[] = c.buckets.map(([le, value]) => ({ le, value: decode(value) }));
      for (const [le, { threshold, value }] of Object.entries(c.attainment)) {
        const ours = sloAttainment(threshold, buckets);
        compared++;
        if (!same(ours, decode(value)))
          mismatches.push({ where: `${c.name} le=${le}`, ours, prometheus: decode(value) });
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(describe_(mismatches)).toBe('');
  });

  it('a quantile flagged as clamped is exactly the second-highest bound Prometheus answers with', () => {
    const mismatches: Mismatch[] = [];
    let clamped = 0;
    for (const c of fixture.instant) {
      const histogram = instantHistogram(c.buckets.map(([le, value]) => ({ le, value: decode(value) })));
      for (const q of fixture.qs) {
        if (!quantileIsClamped(histogram, qOf(q))) continue;
        clamped++;
        const theirs = decode(c.quantiles[q]);
        const bound = secondHighestBound(histogram);
        if (!same(bound, theirs)) mismatches.push({ where: `${c.name} q=${q}`, ours: bound, prometheus: theirs });
      }
    }
    expect(clamped).toBeGreaterThan(20);
    expect(describe_(mismatches)).toBe('');
  });

  describe.each(fixture.series.map((c) => [c.name, c] as const))('time series %s', (_name, c) => {
    const series: SeriesLike[] = c.series.map((s) => ({
      labels: s.labels,
      values: s.values.flatMap((v, i): Array<[number, number]> =>
        v === null ? [] : [[(c.start + i * c.step) * 1000, decode(v)]],
      ),
    }));
    const { groups } = groupBucketSeries(series);

    it('forms one histogram group on the range query steps', () => {
      expect(groups).toHaveLength(1);
      for (const t of groups[0].timestamps) expect(((t / 1000 - c.start) / c.step) % 1).toBe(0);
    });

    it('quantilesPerStep matches histogram_quantile at every step', () => {
      const group = groups[0];
      const qs = fixture.qs.map(qOf);
      const ours = quantilesPerStep(group, qs);
      const mismatches: Mismatch[] = [];
      fixture.qs.forEach((q, k) => {
        const expected = c.perStep[q];
        // Every step where Prometheus answered must be a step of the group, and vice versa (absent = NaN).
        const ourByStep = new Map<number, number>();
        group.timestamps.forEach((t, i) => ourByStep.set((t / 1000 - c.start) / c.step, ours[k][i]));
        expected.forEach((value, step) => {
          const theirs = decode(value);
          const mine = ourByStep.has(step) ? (ourByStep.get(step) as number) : NaN;
          if (!same(mine, theirs)) mismatches.push({ where: `step ${step} q=${q}`, ours: mine, prometheus: theirs });
        });
      });
      expect(describe_(mismatches)).toBe('');
    });

    it('per-step clamp flags agree with histogram_quantile at every step', () => {
      const mismatches: Mismatch[] = [];
      groups[0].timestamps.forEach((t, i) => {
        const step = (t / 1000 - c.start) / c.step;
        const histogram = histogramAtStep(groups[0], i);
        for (const q of fixture.qs) {
          if (!quantileIsClamped(histogram, qOf(q))) continue;
          const theirs = decode(c.perStep[q][step]);
          const bound = secondHighestBound(histogram);
          if (!same(bound, theirs)) mismatches.push({ where: `step ${step} q=${q}`, ours: bound, prometheus: theirs });
        }
      });
      expect(describe_(mismatches)).toBe('');
    });

    it('the whole-range histogram matches histogram_quantile over sum_over_time of the subquery', () => {
      const mismatches: Mismatch[] = [];
      const range = wholeRangeHistogram(groups[0]);
      for (const q of fixture.qs) {
        const theirs = decode(c.range[q]);
        const ours = quantileOfHistogram(range, qOf(q));
        if (!same(ours, theirs)) mismatches.push({ where: `range q=${q}`, ours, prometheus: theirs });
      }
      expect(describe_(mismatches)).toBe('');
    });

    it('the whole-range attainment matches the summed bucket ratio at bounds', () => {
      const mismatches: Mismatch[] = [];
      const range = wholeRangeHistogram(groups[0]);
      for (const [le, { threshold, value }] of Object.entries(c.rangeAttainment)) {
        const ours = attainmentOfHistogram(range, threshold);
        if (!same(ours, decode(value))) mismatches.push({ where: `le=${le}`, ours, prometheus: decode(value) });
      }
      expect(describe_(mismatches)).toBe('');
    });

    it('the per-step attainment matches the bucket ratio at bounds at every comparable step', () => {
      const mismatches: Mismatch[] = [];
      const stepIndex = new Map<number, number>();
      groups[0].timestamps.forEach((t, i) => stepIndex.set((t / 1000 - c.start) / c.step, i));
      for (const [le, { threshold, values }] of Object.entries(c.perStepAttainment)) {
        values.forEach((value, step) => {
          if (value === null) return;
          const i = stepIndex.get(step);
          const ours = i === undefined ? NaN : attainmentOfHistogram(histogramAtStep(groups[0], i), threshold);
          if (!same(ours, decode(value)))
            mismatches.push({ where: `step ${step} le=${le}`, ours, prometheus: decode(value) });
        });
      }
      expect(describe_(mismatches)).toBe('');
    });
  });
});

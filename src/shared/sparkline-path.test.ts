import fc from 'fast-check';

import { minMaxIndices, sparklinePath } from './sparkline-path';

describe('sparkline path', () => {
  it('starts at the left edge, spans the height, and breaks at gaps', () => {
    const d = sparklinePath([1, 2, NaN, 3, 1], 100, 10);
    expect(d.startsWith('M0.0 10.0')).toBe(true);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).toContain('5.0'); // 2 is half-way between 1 and 3
  });

  it('decimates 1,440 steps to at most two points per column, keeping the extremes', () => {
    const values = Array.from({ length: 1440 }, (_, i) => (i === 700 ? 100 : Math.sin(i / 50)));
    const d = sparklinePath(values, 200, 40, { columns: 120 });
    expect((d.match(/[ML]/g) ?? []).length).toBeLessThanOrEqual(240);
    expect(d).toContain(' 0.0'); // the 100 spike reaches the top
  });

  it('draws a flat series at mid-height', () => {
    expect(sparklinePath([80, 80, 80], 100, 10)).toBe('M0.0 5.0L50.0 5.0L100.0 5.0');
  });

  it('is empty when nothing is finite', () => {
    expect(sparklinePath([NaN, NaN], 100, 10)).toBe('');
  });

  it('places points by time when given times, so an uneven gap shows', () => {
    expect(sparklinePath([1, 1, 1], 100, 10, { times: [0, 10, 40], yRange: { min: 0, max: 2 } })).toBe(
      'M0.0 5.0L25.0 5.0L100.0 5.0',
    );
  });

  it('with a fixed range and padding, maps min to the bottom, max to the top and draws values above max at max', () => {
    const d = sparklinePath([0, 1, 3], 100, 12, { yRange: { min: 0, max: 1 }, padding: 1 });
    expect(d).toBe('M0.0 11.0L50.0 1.0L100.0 1.0');
  });
});

describe('minMaxIndices (down-sampling to the drawn width)', () => {
  const valuesArb = fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) },
      { weight: 1, arbitrary: fc.constant(NaN) },
    ),
    { maxLength: 400 },
  );

  it('keeps at most two points per column, in order, and every column keeps its lowest and highest value', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 1, max: 300 }), (values, columns) => {
        const kept = minMaxIndices(values, columns);
        expect(kept.length).toBeLessThanOrEqual(2 * columns);
        kept.forEach((i, n) => {
          expect(Number.isFinite(values[i])).toBe(true);
          if (n > 0) expect(i).toBeGreaterThan(kept[n - 1]);
        });
        // The overall extremes are on screen: a spike is never averaged or skipped away.
        const finite = values.filter(Number.isFinite);
        if (finite.length > 0) {
          const shown = kept.map((i) => values[i]);
          expect(Math.min(...shown)).toBe(Math.min(...finite));
          expect(Math.max(...shown)).toBe(Math.max(...finite));
        }
        // Each run of `per` values keeps its own extremes.
        const per = Math.max(1, Math.ceil(values.length / columns));
        for (let start = 0; start < values.length; start += per) {
          const run = values.slice(start, start + per).filter(Number.isFinite);
          if (run.length === 0) continue;
          const inRun = kept.filter((i) => i >= start && i < start + per).map((i) => values[i]);
          expect(inRun).toContain(Math.min(...run));
          expect(inRun).toContain(Math.max(...run));
        }
      }),
    );
  });

  it('keeps every finite point when there are no more points than columns', () => {
    expect(minMaxIndices([3, NaN, 1, 2], 4)).toEqual([0, 2, 3]);
  });

  it('draws a gap inside a column as a break, not as a line across it', () => {
    const d = sparklinePath([1, NaN, 2], 100, 10, { columns: 1 });
    expect(d.match(/M/g)).toHaveLength(2);
  });
});

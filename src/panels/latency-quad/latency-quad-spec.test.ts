import { createInitialLatencyQuadOptions, resolveLatencyQuadSpec, statisticLabel } from './latency-quad-spec';

describe('spec defaults', () => {
  it('an empty dashboard spec resolves to createInitialLatencyQuadOptions()', () => {
    expect(resolveLatencyQuadSpec({})).toEqual(createInitialLatencyQuadOptions());
    expect(resolveLatencyQuadSpec(undefined)).toEqual(createInitialLatencyQuadOptions());
  });

  it('keeps what the dashboard set', () => {
    const spec = resolveLatencyQuadSpec({ valueOverRange: 'last', slo: { threshold: 2, target: 0.99 } });
    expect(spec.valueOverRange).toBe('last');
    expect(spec.slo).toEqual({ threshold: 2, target: 0.99 });
    expect(spec.format).toEqual({ unit: 'seconds' });
  });

  it('labels quantiles without binary noise', () => {
    expect(statisticLabel({ kind: 'quantile', quantile: 0.999 })).toBe('p99.9');
    expect(statisticLabel({ kind: 'quantile', quantile: 0.07 })).toBe('p7');
  });
});

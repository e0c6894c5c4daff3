import { SloValue, TileValue } from './group-statistics';
import { SLO_NOT_BOUND, sloText, tileText } from './tile-text';

const tile = (patch: Partial<TileValue>): TileValue => ({
  statistic: { kind: 'quantile', quantile: 0.99 },
  label: 'p99',
  value: 0.25,
  clamped: false,
  explanation: '',
  ...patch,
});

describe('tileText', () => {
  it('formats the value with the panel format, and marks a +Inf clamp with ≥', () => {
    expect(tileText(tile({}), { unit: 'seconds' })).toBe('250ms');
    expect(tileText(tile({ clamped: true, value: 2560 }), { unit: 'seconds', decimalPlaces: 0 })).toMatch(/^≥ /);
  });

  it('shows the reason instead of a number that is not there', () => {
    expect(tileText(tile({ value: NaN, reason: 'no traffic' }), { unit: 'seconds' })).toBe('no traffic');
    expect(tileText(tile({ value: NaN }), { unit: 'seconds' })).toBe('no value');
  });
});

describe('sloText', () => {
  const slo = (attainment: number): SloValue => ({
    slo: { threshold: 2, target: 0.99 },
    attainment,
    met: attainment >= 0.99,
    thresholdIsBound: true,
    explanation: '',
  });

  it('reads "share ≤ threshold (target)", the target as typed', () => {
    expect(sloText(slo(0.973), { unit: 'seconds' })).toBe('97.3% ≤ 2s (target 99%)');
    expect(sloText(slo(NaN), { unit: 'seconds' })).toBe('n/a ≤ 2s (target 99%)');
  });

  it('has a warning for thresholds that are not a bucket bound', () => {
    expect(SLO_NOT_BOUND).toMatch(/not a bucket bound/);
  });
});

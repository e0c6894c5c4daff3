import { testChartsTheme } from '@perses-dev/components';
import { createInitialOptions, resolveSpec, statisticLabel } from './latency-quad-model';
import { parseStatistics, statisticsToText } from './statistics-text';
import { quadLayout, MIN_GROUP_ROW_HEIGHT, FOOTER_HEIGHT } from './quad-layout';
import { sparklinePath } from './sparkline-path';
import { thresholdColor } from './threshold-color';
import { formatRowName } from './row-name';

describe('spec defaults', () => {
  it('an empty dashboard spec resolves to createInitialOptions()', () => {
    expect(resolveSpec({})).toEqual(createInitialOptions());
    expect(resolveSpec(undefined)).toEqual(createInitialOptions());
  });

  it('keeps what the dashboard set', () => {
    const spec = resolveSpec({ valueOverRange: 'last', slo: { threshold: 2, target: 0.99 } });
    expect(spec.valueOverRange).toBe('last');
    expect(spec.slo).toEqual({ threshold: 2, target: 0.99 });
    expect(spec.format).toEqual({ unit: 'seconds' });
  });

  it('labels quantiles without binary noise', () => {
    expect(statisticLabel({ kind: 'quantile', quantile: 0.999 })).toBe('p99.9');
    expect(statisticLabel({ kind: 'quantile', quantile: 0.07 })).toBe('p7');
  });
});

describe('statistics text', () => {
  it('round-trips the defaults', () => {
    const text = statisticsToText(createInitialOptions().statistics);
    expect(text).toBe('mean, p50, p90, p99');
    expect(parseStatistics(text)).toEqual({ ok: true, statistics: createInitialOptions().statistics });
  });

  it('keeps per-statistic thresholds of statistics that stay', () => {
    const thresholds = { steps: [{ value: 2, color: 'red' }] };
    const parsed = parseStatistics('p99, p50', [{ kind: 'quantile', quantile: 0.99, thresholds }]);
    expect(parsed).toEqual({ ok: true, statistics: [{ kind: 'quantile', quantile: 0.99, thresholds }, { kind: 'quantile', quantile: 0.5 }] });
  });

  it.each([
    ['', 'at least one'],
    ['p100', '0 < NN < 100'],
    ['p0', '0 < NN < 100'],
    ['median', '"median" is not a statistic'],
    ['p50, p50', 'p50 is listed twice'],
  ])('rejects %j with an actionable message', (text, message) => {
    const parsed = parseStatistics(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('layout', () => {
  it('single histogram: wide → 1×4, square → 2×2, tall → 4×1', () => {
    expect(quadLayout(1000, 120, 4, 1, undefined)).toMatchObject({ columns: 4, tileRows: 1 });
    expect(quadLayout(400, 300, 4, 1, undefined)).toMatchObject({ columns: 2, tileRows: 2 });
    expect(quadLayout(150, 600, 4, 1, undefined)).toMatchObject({ columns: 1, tileRows: 4 });
  });

  it('stays readable at 3 grid rows (≈ 60 px of content): one row of tiles, no sparkline, value ≥ 11 px', () => {
    const layout = quadLayout(600, 60, 4, 1, undefined);
    expect(layout).toMatchObject({ columns: 4, tileRows: 1, showSparkline: false });
    expect(layout.valueFontSize).toBeGreaterThanOrEqual(11);
  });

  it('grouped: as many rows as fit, one line kept for "+N more"', () => {
    const height = FOOTER_HEIGHT + 5 * MIN_GROUP_ROW_HEIGHT;
    expect(quadLayout(800, height, 4, 20, undefined).visibleGroups).toBe(4);
    expect(quadLayout(800, height, 4, 5, undefined).visibleGroups).toBe(5);
    expect(quadLayout(800, 2000, 4, 20, 3).visibleGroups).toBe(3);
  });
});

describe('sparkline path', () => {
  it('starts at the left edge, spans the height, and breaks at gaps', () => {
    const d = sparklinePath([1, 2, NaN, 3, 1], 100, 10);
    expect(d.startsWith('M0.0 10.0')).toBe(true);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).toContain('5.0'); // 2 is half-way between 1 and 3
  });

  it('decimates 1,440 steps to at most two points per column, keeping the extremes', () => {
    const values = Array.from({ length: 1440 }, (_, i) => (i === 700 ? 100 : Math.sin(i / 50)));
    const d = sparklinePath(values, 200, 40, 120);
    expect((d.match(/[ML]/g) ?? []).length).toBeLessThanOrEqual(240);
    expect(d).toContain(' 0.0'); // the 100 spike reaches the top
  });

  it('draws a flat series at mid-height', () => {
    expect(sparklinePath([80, 80, 80], 100, 10)).toBe('M0.0 5.0L50.0 5.0L100.0 5.0');
  });

  it('is empty when nothing is finite', () => {
    expect(sparklinePath([NaN, NaN], 100, 10)).toBe('');
  });
});

describe('threshold colour', () => {
  const palette = testChartsTheme.thresholds;
  it('takes the last step at or below the value', () => {
    const t = { defaultColor: 'green', steps: [{ value: 1, color: 'orange' }, { value: 2, color: 'red' }] };
    expect(thresholdColor(0.5, t, palette)).toBe('green');
    expect(thresholdColor(1, t, palette)).toBe('orange');
    expect(thresholdColor(2.5, t, palette)).toBe('red');
  });

  it('uses the theme default for a value that is not a number', () => {
    expect(thresholdColor(NaN, { steps: [{ value: 0, color: 'red' }] }, palette)).toBe(palette.defaultColor);
  });

  it('percent mode compares against max', () => {
    const t = { mode: 'percent' as const, max: 10, steps: [{ value: 50, color: 'red' }] };
    expect(thresholdColor(4, t, palette)).toBe(palette.defaultColor);
    expect(thresholdColor(6, t, palette)).toBe('red');
  });
});

describe('row names', () => {
  it('fills seriesNameFormat placeholders', () => {
    expect(formatRowName({ model_name: 'llama', engine: '0' }, '{{model_name}} · engine {{ engine }}')).toBe('llama · engine 0');
  });
  it('defaults to the sorted label pairs', () => {
    expect(formatRowName({ pod: 'p1', model_name: 'm' })).toBe('model_name="m", pod="p1"');
  });
});

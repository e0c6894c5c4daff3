import { testChartsTheme } from '@perses-dev/components';

import { createInitialOptions, resolveSpec, statisticLabel } from './latency-quad-model';
import { FOOTER_HEIGHT, MIN_VALUE_FONT, MORE_LINE, QuadContent, QuadLayout, quadLayout } from './quad-layout';
import { formatRowName } from './row-name';
import { sparklinePath } from './sparkline-path';
import { parseStatistics, statisticsToText } from './statistics-text';
import { shortenMiddle, textWidthEm } from './text-width';
import { thresholdColor } from './threshold-color';

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
    expect(parsed).toEqual({
      ok: true,
      statistics: [
        { kind: 'quantile', quantile: 0.99, thresholds },
        { kind: 'quantile', quantile: 0.5 },
      ],
    });
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
  // "27.3ms" in Lato/Arial Bold, and the default statistic labels.
  const content = (groups: number, extra: Partial<QuadContent> = {}): QuadContent => ({
    tiles: 4,
    groups,
    valueEm: textWidthEm('27.3ms'),
    statLabelEm: textWidthEm('mean'),
    rowNameEm: textWidthEm('llama-3.1-8b-instruct'),
    sloEm: 0,
    sparkline: true,
    ...extra,
  });
  const fitsItsTile = (layout: QuadLayout, valueEm: number) => layout.valueFontSize * valueEm <= layout.valueWidth;

  it('single histogram: wide → 1×4, square → 2×2, tall → 4×1', () => {
    expect(quadLayout(1000, 120, content(1))).toMatchObject({ columns: 4, tileRows: 1 });
    expect(quadLayout(400, 300, content(1))).toMatchObject({ columns: 2, tileRows: 2 });
    expect(quadLayout(150, 600, content(1))).toMatchObject({ columns: 1, tileRows: 4 });
  });

  it('stays readable at 3 grid rows (≈ 60 px of content): one row of tiles, no sparkline, value ≥ 12 px', () => {
    const layout = quadLayout(600, 60, content(1));
    expect(layout).toMatchObject({ columns: 4, tileRows: 1, showSparkline: false, fits: true });
    expect(layout.valueFontSize).toBeGreaterThanOrEqual(MIN_VALUE_FONT);
  });

  it('grouped: as many rows as fit, one line kept for "+N more"', () => {
    const oneLineRow = Math.ceil(MIN_VALUE_FONT * 1.15) + 2;
    const height = FOOTER_HEIGHT + 5 * oneLineRow;
    expect(quadLayout(800, height, content(20)).visibleGroups).toBe(
      Math.floor((5 * oneLineRow - MORE_LINE) / oneLineRow),
    );
    expect(quadLayout(800, height, content(5)).visibleGroups).toBe(5);
    expect(quadLayout(800, 2000, content(20, { maxRows: 3 })).visibleGroups).toBe(3);
  });

  // The sizes of the bundled dashboards: a third of a 1500 px (≈ 470 px) and 1000 px (≈ 330 px) wide dashboard,
  // 8 grid rows high, two models; these truncated "25.4…" before the layout was sized from the text.
  it.each([
    [470, 190],
    [330, 200],
    [500, 200],
    [1000, 150],
    [1000, 70],
    [330, 70],
  ])('two models at %i×%i px: every value fits its tile at ≥ 12 px', (width, height) => {
    const layout = quadLayout(width, height, content(2));
    expect(layout.fits).toBe(true);
    expect(layout.valueFontSize).toBeGreaterThanOrEqual(MIN_VALUE_FONT);
    expect(fitsItsTile(layout, textWidthEm('27.3ms'))).toBe(true);
  });

  it('a narrow grouped panel puts the row name above the tiles instead of squeezing the numbers', () => {
    const layout = quadLayout(330, 200, content(2));
    expect(layout.rowLabel).toBe('above');
    expect(layout.rowNameMaxEm).toBeGreaterThanOrEqual(textWidthEm('llama-3.1-8b-instruct'));
  });

  it('a wide grouped panel keeps the row name beside the tiles, in full', () => {
    const layout = quadLayout(1000, 70, content(2));
    expect(layout).toMatchObject({ rowLabel: 'side', visibleGroups: 2 });
    expect(layout.rowNameMaxEm).toBeGreaterThanOrEqual(textWidthEm('llama-3.1-8b-instruct'));
  });

  it('a value too long for 1×4 tiles switches the rows to wider 2×2 tiles instead of shrinking below readable', () => {
    const long = textWidthEm('≥ 7.68ks');
    const short = quadLayout(330, 200, content(2));
    const wide = quadLayout(330, 200, content(2, { valueEm: long }));
    expect(short.columns).toBe(4);
    expect(wide.columns).toBe(2);
    expect(wide.valueFontSize).toBeGreaterThanOrEqual(MIN_VALUE_FONT);
    expect(fitsItsTile(wide, long)).toBe(true);
  });

  it('grouped rows with an SLO carry it on the row header', () => {
    expect(quadLayout(1000, 300, content(2, { sloEm: textWidthEm('97.3% ≤ 2s (target 99%)') })).rowLabel).toBe('above');
  });

  it('too small for any readable arrangement: says so and shrinks the font rather than overflow', () => {
    const layout = quadLayout(40, 200, content(2));
    expect(layout.fits).toBe(false);
    expect(fitsItsTile(layout, textWidthEm('27.3ms'))).toBe(true);
  });
});

describe('text width', () => {
  it('estimates Lato/Arial Bold widths from above (digits 0.556 em)', () => {
    expect(textWidthEm('25.4ms')).toBeCloseTo(0.556 * 3 + 0.278 + 0.889 + 0.611, 6);
  });

  it('shortens in the middle, keeping both ends, and leaves fitting text alone', () => {
    expect(shortenMiddle('qwen2.5-7b-instruct', 100)).toBe('qwen2.5-7b-instruct');
    const short = shortenMiddle('meta-llama/Llama-3.1-70B-Instruct', 10);
    expect(short).toMatch(/^meta-ll.*….*Instruct$/);
    expect(textWidthEm(short)).toBeLessThanOrEqual(10);
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
    const t = {
      defaultColor: 'green',
      steps: [
        { value: 1, color: 'orange' },
        { value: 2, color: 'red' },
      ],
    };
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
    expect(formatRowName({ model_name: 'llama', engine: '0' }, '{{model_name}} · engine {{ engine }}')).toBe(
      'llama · engine 0',
    );
  });
  it('defaults to the sorted label pairs', () => {
    expect(formatRowName({ pod: 'p1', model_name: 'm' })).toBe('model_name="m", pod="p1"');
  });
});

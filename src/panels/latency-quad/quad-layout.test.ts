import fc from 'fast-check';

import {
  FOOTER_HEIGHT,
  groupsThatMayShow,
  maxValueFont,
  MIN_VALUE_FONT,
  MORE_LINE,
  QuadContent,
  QuadLayout,
  quadLayout,
} from './quad-layout';
import { textWidthEm } from './text-width';

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

  it('the value font cap is 40 px on dashboard-sized panels and grows with a large one', () => {
    expect(maxValueFont(480, 200)).toBe(40);
    expect(maxValueFont(640, 400)).toBe(40);
    expect(maxValueFont(1056, 540)).toBe(47); // a maximised 1080p panel's layout size (drawn zoomed 1.77×)
    expect(maxValueFont(10_000, 10_000)).toBe(200);
    const big = quadLayout(1056, 540, content(1));
    expect(big.valueFontSize).toBeGreaterThan(40);
    expect(big.valueFontSize).toBeLessThanOrEqual(47);
  });

  it('a sparkline is at most a third as tall as its tile is wide, and 0 when not drawn', () => {
    for (const [w, h] of [
      [1056, 540],
      [400, 300],
      [150, 600],
    ]) {
      const layout = quadLayout(w, h, content(1));
      expect(layout.showSparkline).toBe(true);
      expect(layout.sparklineHeight).toBeGreaterThanOrEqual(16);
      expect(layout.sparklineHeight).toBeLessThanOrEqual((layout.tileWidth - 8) / 3);
    }
    expect(quadLayout(600, 60, content(1)).sparklineHeight).toBe(0);
  });
});

describe('groupsThatMayShow', () => {
  // Only these rows get their text formatted: the layout must never show more, whatever the text and size.
  it('bounds the groups any layout shows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 2000 }),
        fc.integer({ min: 0, max: 1600 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0.5, max: 12, noNaN: true }),
        fc.boolean(),
        (width, height, groups, maxRows, tiles, valueEm, slo) => {
          const layout = quadLayout(width, height, {
            tiles,
            groups,
            maxRows,
            valueEm,
            statLabelEm: 2,
            rowNameEm: 8,
            sloEm: slo ? 14 : 0,
            sparkline: true,
          });
          expect(layout.visibleGroups).toBeLessThanOrEqual(groupsThatMayShow(height, groups, maxRows));
        },
      ),
    );
  });

  it('is a screenful, not the fleet', () => {
    expect(groupsThatMayShow(400, 2000)).toBeLessThan(30);
    expect(groupsThatMayShow(400, 2000, 5)).toBe(5);
    expect(groupsThatMayShow(400, 1)).toBe(1);
  });
});

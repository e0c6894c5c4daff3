// The text the tiles and SLO lines will show, formatted once per data/format change, and the widths the
// layout needs from it (the widest value decides how large every value can be drawn without being cut).

import { FormatOptions, formatValue } from '@perses-dev/core';

import { SloValue, TileValue } from './group-statistics';
import { QuadRow } from './quad-view-model';
import { textWidthEm } from './text-width';

/** "≥" because a quantile ranked in +Inf is only known to be at least the highest finite bound. */
export function tileText(tile: TileValue, format: FormatOptions): string {
  if (!Number.isFinite(tile.value)) return tile.reason ?? 'no value';
  return `${tile.clamped ? '≥ ' : ''}${formatValue(tile.value, format)}`;
}

/** "97.3% ≤ 2s (target 99%)". */
export function sloText(slo: SloValue, format: FormatOptions): string {
  const share = Number.isFinite(slo.attainment)
    ? formatValue(slo.attainment, { unit: 'percent-decimal', decimalPlaces: 1 })
    : 'n/a';
  // Targets are round numbers (99 %, 99.9 %): print them as typed, not padded to fixed decimals.
  const target = `${Number((slo.slo.target * 100).toPrecision(6))}%`;
  return `${share} ≤ ${formatValue(slo.slo.threshold, format)} (target ${target})`;
}

export const SLO_NOT_BOUND = '⚠ not a bucket bound';

export interface QuadText {
  /** Tile texts per row, in `rows` order. */
  readonly tiles: ReadonlyArray<readonly string[]>;
  /** Widest numeric value, in em of the value font (at least 1, so an all-empty panel still sizes sanely). */
  readonly valueEm: number;
  /** Widest statistic label ("mean", "p99.9"), in em of the caption font. */
  readonly statLabelEm: number;
  /** Widest row name, in em of the caption font. */
  readonly rowNameEm: number;
  /** Widest SLO line of a row, in em of the caption font; 0 without SLO. */
  readonly sloEm: number;
}

export function quadText(rows: readonly QuadRow[], format: FormatOptions): QuadText {
  let valueEm = 1;
  let statLabelEm = 0;
  let rowNameEm = 0;
  let sloEm = 0;
  const tiles = rows.map((row) => {
    rowNameEm = Math.max(rowNameEm, textWidthEm(row.name || 'all series'));
    if (row.slo)
      sloEm = Math.max(
        sloEm,
        textWidthEm(sloText(row.slo, format) + (row.slo.thresholdIsBound ? '' : ` ${SLO_NOT_BOUND}`)),
      );
    return row.tiles.map((tile) => {
      const text = tileText(tile, format);
      statLabelEm = Math.max(statLabelEm, textWidthEm(tile.label));
      // Reasons ("no traffic") are small grey words that may wrap; only numbers must never be cut.
      if (Number.isFinite(tile.value)) valueEm = Math.max(valueEm, textWidthEm(text));
      return text;
    });
  });
  return { tiles, valueEm, statLabelEm, rowNameEm, sloEm };
}

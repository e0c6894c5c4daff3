// The sequential colour scale of the cells and bars: from the panel background towards a saturated blue, so an
// almost-empty bucket fades into the background in either theme and the busiest bucket stands out.

export interface HeatmapPalette {
  /** Low → high. */
  readonly scale: readonly string[];
  /** Quantile lines, in the order of `spec.quantiles` (cycled). */
  readonly lines: readonly string[];
  readonly slo: string;
}

const LIGHT: HeatmapPalette = {
  scale: ['#f1f6fd', '#c6dbef', '#6baed6', '#2171b5', '#08306b'],
  lines: ['#e6550d', '#d62728', '#7b1fa2', '#2e7d32'],
  slo: '#2e7d32',
};

const DARK: HeatmapPalette = {
  scale: ['#11203a', '#163d6e', '#2f6fb0', '#6fa8dc', '#d6e8fa'],
  lines: ['#ffb74d', '#ff7043', '#f48fb1', '#a5d6a7'],
  slo: '#81c784',
};

export function heatmapPalette(mode: 'light' | 'dark'): HeatmapPalette {
  return mode === 'dark' ? DARK : LIGHT;
}

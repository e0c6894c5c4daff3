// The colour of one threshold step, as the official Stat chart picks it (stat-chart-plugin get-color): its own
// colour, else the theme palette entry at its index, else the default colour. Its own module so a panel that colours
// steps itself (the KV gauge's bands) does not bundle the whole value → colour rule of threshold-color.ts.
import { ThresholdColorPalette } from '@perses-dev/core';

/** The colour of step `index`: its own, else the palette entry at its index, else the default. */
export function stepColor(
  step: { readonly color?: string },
  index: number,
  palette: ThresholdColorPalette,
  defaultColor: string,
): string {
  return step.color ?? palette.palette[index] ?? defaultColor;
}

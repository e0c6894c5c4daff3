// One threshold → colour rule for every panel, the same as the official Stat chart's (stat-chart-plugin
// get-color): the last step whose value is ≤ the value wins; a step without a colour takes the theme palette
// entry at its index, and past the palette's end the default colour.

import { ThresholdColorPalette, ThresholdOptions } from '@perses-dev/core';

import { stepColor } from './step-color';

/** The colour of `value` under Perses ThresholdOptions; percent mode compares against `max`. */
export function thresholdColor(
  value: number,
  thresholds: ThresholdOptions | undefined,
  palette: ThresholdColorPalette,
): string {
  const defaultColor = thresholds?.defaultColor ?? palette.defaultColor;
  if (!thresholds?.steps?.length || !Number.isFinite(value)) return defaultColor;
  // Percent mode compares against `max` (the editor's percent mode); without a max there is nothing to compare to.
  const percentOf = thresholds.mode === 'percent' ? thresholds.max : undefined;
  if (thresholds.mode === 'percent' && !(percentOf && percentOf > 0)) return defaultColor;
  const compared = percentOf ? (value / percentOf) * 100 : value;
  let color = defaultColor;
  thresholds.steps.forEach((step, index) => {
    if (compared >= step.value) color = stepColor(step, index, palette, defaultColor);
  });
  return color;
}

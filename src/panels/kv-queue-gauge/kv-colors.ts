// The colours of the KV & queue panel, from the theme and the KV thresholds. Threshold steps follow the shared
// rule (src/shared/threshold-color.ts: the step's colour, else the palette entry at its index, else the default).
import { useTheme } from '@mui/material';
import { useChartsTheme } from '@perses-dev/components';

import { stepColor } from '../../shared/step-color';
import { KvStep, KvThresholds, stepFor } from './kv-thresholds';

export interface KvColors {
  /** Colour of the worst instance's KV usage (its threshold step, else the default). */
  kv: string;
  /** Below every threshold step. */
  base: string;
  step: (step: KvStep) => string;
  /** Colour of one instance's KV usage; undefined below every step (plain text). */
  ofKv: (fraction: number | null) => string | undefined;
  running: string;
  waiting: string;
  track: string;
  divider: string;
}

export function useKvColors(thresholds: KvThresholds, kvMax: number | null): KvColors {
  const theme = useTheme();
  const chartsTheme = useChartsTheme();
  const base = thresholds.defaultColor ?? chartsTheme.thresholds.defaultColor;
  const step = (s: KvStep) => stepColor(s, s.index, chartsTheme.thresholds, base);
  const ofKv = (fraction: number | null) => {
    const at = stepFor(fraction, thresholds);
    return at ? step(at) : undefined;
  };
  return {
    kv: ofKv(kvMax) ?? base,
    base,
    step,
    ofKv,
    running: theme.palette.primary.main,
    waiting: theme.palette.warning.main,
    track: theme.palette.action.hover,
    divider: theme.palette.divider,
  };
}

// The colours of the KV & queue panel, from the theme and the KV thresholds. Threshold steps follow the shared
// rule (src/shared/threshold-color.ts: the step's colour, else the palette entry at its index, else the default).
// Arcs and bars keep the palette colour; text gets a legible variant of it (src/shared/contrast.ts), and a value
// below every step is neutral text unless the thresholds configure a default colour.
import { useTheme } from '@mui/material';
import { useChartsTheme } from '@perses-dev/components';

import { useLegibleText } from '../../components/use-legible-text';
import { legibleText, requiredContrast } from '../../shared/contrast';
import { stepColor } from '../../shared/step-color';
import { KvStep, KvThresholds, stepFor } from './kv-thresholds';

/** The KV headline is bold (KvGauge.tsx). */
export const KV_HEADLINE_WEIGHT = 700;

export interface KvColors {
  /** Colour of the worst instance's KV usage (its threshold step, else the default). */
  kv: string;
  /** Below every threshold step. */
  base: string;
  step: (step: KvStep) => string;
  /** Colour of one instance's KV usage; undefined below every step (plain text). */
  ofKv: (fraction: number | null) => string | undefined;
  /** The KV headline (bold) at this size: its step's colour made legible, or neutral below every step. */
  kvText: (fontPx: number) => string;
  /** One instance's KV usage as body text; undefined below every step (plain text). */
  ofKvText: (fraction: number | null) => string | undefined;
  running: string;
  /** Running requests when the capacity is unknown: a share of demand, not a fill level. */
  neutral: string;
  waiting: string;
  /** Waiting requests as body text. */
  waitingText: string;
  track: string;
  divider: string;
}

export function useKvColors(thresholds: KvThresholds, kvMax: number | null): KvColors {
  const theme = useTheme();
  const chartsTheme = useChartsTheme();
  const legible = useLegibleText();
  const base = thresholds.defaultColor ?? chartsTheme.thresholds.defaultColor;
  const step = (s: KvStep) => stepColor(s, s.index, chartsTheme.thresholds, base);
  const ofKv = (fraction: number | null) => {
    const at = stepFor(fraction, thresholds);
    return at ? step(at) : undefined;
  };
  const kvStep = ofKv(kvMax);
  const headline = kvStep ?? (thresholds.defaultColor !== undefined ? base : undefined);
  return {
    kv: kvStep ?? base,
    base,
    step,
    ofKv,
    kvText: (fontPx) =>
      headline === undefined
        ? legible.neutral
        : legibleText(headline, legible.background, requiredContrast(fontPx, KV_HEADLINE_WEIGHT)),
    ofKvText: (fraction) => {
      const color = ofKv(fraction);
      return color === undefined ? undefined : legible.body(color);
    },
    running: theme.palette.primary.main,
    neutral: theme.palette.text.disabled,
    waiting: theme.palette.warning.main,
    waitingText: legible.warning,
    track: theme.palette.action.hover,
    divider: theme.palette.divider,
  };
}

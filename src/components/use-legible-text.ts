// Text colours that read on the panel: Perses draws a panel on a Card, i.e. on the theme's background.default, so
// a threshold or palette colour used for text is checked against that and darkened/lightened when it is too faint
// (the maths is in src/shared/contrast.ts).
import { useTheme } from '@mui/material';
import { useMemo } from 'react';

import { BODY_TEXT_CONTRAST, LARGE_TEXT_CONTRAST, legibleText } from '../shared/contrast';

export interface LegibleText {
  /** The panel background the text is checked against. */
  background: string;
  /** The theme's primary text colour: values without thresholds are neutral, neither good nor bad. */
  neutral: string;
  /** The theme's secondary text colour, as body text. */
  secondary: string;
  /** The theme's status colours as body text: warnings, met and missed targets. */
  warning: string;
  success: string;
  error: string;
  /** `color` as body text (4.5:1). */
  body: (color: string) => string;
  /** `color` as large text, ≥ 24 px or ≥ 18.66 px bold (3:1). */
  large: (color: string) => string;
}

export function useLegibleText(): LegibleText {
  const theme = useTheme();
  const background = theme.palette.background.default;
  const { primary: neutral, secondary } = theme.palette.text;
  const { warning, success, error } = theme.palette;
  return useMemo(
    () => ({
      background,
      neutral,
      secondary: legibleText(secondary, background),
      warning: legibleText(warning.main, background),
      success: legibleText(success.main, background),
      error: legibleText(error.main, background),
      body: (color: string) => legibleText(color, background, BODY_TEXT_CONTRAST),
      large: (color: string) => legibleText(color, background, LARGE_TEXT_CONTRAST),
    }),
    [background, neutral, secondary, warning.main, success.main, error.main],
  );
}

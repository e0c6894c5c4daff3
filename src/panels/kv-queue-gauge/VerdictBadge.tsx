// The saturation verdict as a coloured badge; the reason is both its tooltip and its accessible name.
import { Box, useTheme } from '@mui/material';
import { ReactElement } from 'react';

import { useLegibleText } from '../../components/use-legible-text';
import { Verdict, VerdictResult } from './saturation-verdict';

export function VerdictBadge({ verdict }: { verdict: VerdictResult }): ReactElement {
  const theme = useTheme();
  const legible = useLegibleText();
  const colors: Record<Verdict, string> = {
    Healthy: theme.palette.success.main,
    Queueing: theme.palette.warning.main,
    Saturated: theme.palette.error.main,
    'No traffic': theme.palette.text.secondary,
    Unknown: theme.palette.text.disabled,
  };
  const color = colors[verdict.verdict];
  // The border keeps the palette colour; the word must read (the warning orange is too light on white).
  const textColor = legible.body(color);
  return (
    <Box
      data-testid="kv-queue-verdict"
      data-verdict={verdict.verdict}
      title={verdict.reason}
      aria-label={`${verdict.verdict}: ${verdict.reason}`}
      sx={{
        alignSelf: 'flex-start',
        px: 0.75,
        borderRadius: 1,
        border: `1px solid ${color}`,
        color: textColor,
        fontWeight: 700,
        fontSize: 12,
        lineHeight: '18px',
        whiteSpace: 'nowrap',
      }}
    >
      {verdict.verdict}
    </Box>
  );
}

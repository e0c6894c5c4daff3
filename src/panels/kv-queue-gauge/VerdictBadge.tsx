// The saturation verdict as a coloured badge; the reason is both its tooltip and its accessible name.
import { Box, useTheme } from '@mui/material';
import { ReactElement } from 'react';

import { Verdict, VerdictResult } from './saturation-verdict';

export function VerdictBadge({ verdict }: { verdict: VerdictResult }): ReactElement {
  const theme = useTheme();
  const colors: Record<Verdict, string> = {
    Healthy: theme.palette.success.main,
    Queueing: theme.palette.warning.main,
    Saturated: theme.palette.error.main,
    'No traffic': theme.palette.text.secondary,
    Unknown: theme.palette.text.disabled,
  };
  const color = colors[verdict.verdict];
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
        color,
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

// A panel's whole body when it has no figure to show: why (no data, or a problem the user can act on), scrollable
// when the message is long, at the panel's size.
import { Box, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { useLegibleText } from './use-legible-text';

export interface PanelStatusProps {
  /** `no-data` reads as neutral; any other state is a problem and reads as a warning. */
  state: string;
  message: string;
  width: number;
  height: number;
}

export function PanelStatus({ state, message, width, height }: PanelStatusProps): ReactElement {
  const legible = useLegibleText();
  return (
    <Box role="status" data-state={state} sx={{ p: 1, height, width, overflow: 'auto', boxSizing: 'border-box' }}>
      <Typography variant="body2" color={state === 'no-data' ? legible.secondary : legible.warning}>
        {message}
      </Typography>
    </Box>
  );
}

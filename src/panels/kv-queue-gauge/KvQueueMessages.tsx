// The panel's message lines at the bottom: missing roles, data or option problems, ignored queries.
import { Box, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { useLegibleText } from '../../components/use-legible-text';
import { PanelMessage } from './use-kv-queue-view';

export function KvQueueMessages({ messages }: { messages: readonly PanelMessage[] }): ReactElement | null {
  const legible = useLegibleText();
  if (messages.length === 0) return null;
  return (
    <Box data-testid="kv-queue-messages" sx={{ mt: 'auto' }}>
      {messages.map((m) => (
        <Typography key={m.key} variant="caption" component="div" sx={{ color: legible.warning, lineHeight: 1.3 }}>
          {m.text}
        </Typography>
      ))}
    </Box>
  );
}

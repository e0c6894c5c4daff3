// Shown by Perses while no query of the panel has data yet: the gauge's outline, so the layout does not jump.
import { Box, Skeleton, Typography } from '@mui/material';
import { PanelProps } from '@perses-dev/plugin-system';
import { ReactElement } from 'react';

import { KvQueueGaugeSpec } from './kv-queue-gauge-spec';

export function KvQueueGaugeLoading({ contentDimensions }: PanelProps<KvQueueGaugeSpec>): ReactElement {
  const size = Math.max(48, Math.min(160, (contentDimensions?.height ?? 120) - 24));
  return (
    <Box
      sx={{ p: 1, display: 'flex', alignItems: 'center', gap: 1.5 }}
      role="progressbar"
      aria-label="Loading KV cache and queue"
    >
      <Skeleton variant="circular" width={size} height={size / 2} />
      <Typography variant="body2" color="text.secondary">
        Loading KV cache and queue…
      </Typography>
    </Box>
  );
}

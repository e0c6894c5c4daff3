// Shown by Perses while the query runs: the tile outline with skeletons, so the panel does not jump on load.

import { Box, Skeleton } from '@mui/material';
import { ReactElement } from 'react';

import { resolveLatencyQuadSpec } from './latency-quad-spec';
import type { LatencyQuadPanelProps } from './LatencyQuadPanel';

export function LatencyQuadLoading({ spec }: LatencyQuadPanelProps): ReactElement {
  const tiles = resolveLatencyQuadSpec(spec).statistics.length;
  return (
    <Box
      role="progressbar"
      aria-label="Loading latency quantiles"
      sx={{ display: 'flex', gap: 1, p: 1, height: '100%' }}
    >
      {Array.from({ length: tiles }, (_, i) => (
        <Skeleton key={i} variant="rounded" sx={{ flex: 1, height: '100%' }} />
      ))}
    </Box>
  );
}

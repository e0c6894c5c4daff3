// Running and waiting requests as one bar: against the fleet capacity when it is known. Without a capacity the bar
// cannot say how full the fleet is: running requests are drawn in a neutral tone (a full bar in the running colour
// read as saturation whenever nothing waited), waiting ones in the warning colour, and the caption says the
// capacity is unknown and how to set it.
import { Box, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { CAPACITY_HINT, queueCaption } from './kv-queue-messages';

export interface QueueBarProps {
  running: number | null;
  waiting: number | null;
  capacity: number | null;
  runningColor: string;
  /** Running requests when the capacity is unknown: a share of demand, not a fill level. */
  neutralColor: string;
  waitingColor: string;
  trackColor: string;
}

const finite = (v: number | null): number => (v !== null && Number.isFinite(v) && v > 0 ? v : 0);

export function QueueBar({
  running,
  waiting,
  capacity,
  runningColor,
  neutralColor,
  waitingColor,
  trackColor,
}: QueueBarProps): ReactElement {
  const r = finite(running);
  const w = finite(waiting);
  // Waiting requests are drawn after the running ones, so past-capacity demand shows as overflow.
  const scale = Math.max(capacity ?? 0, r + w, 1);
  const runningPct = (r / scale) * 100;
  const waitingPct = (w / scale) * 100;
  const caption = queueCaption(r, w, capacity);
  const known = capacity !== null;
  return (
    <Box>
      <Box
        role="meter"
        aria-label={known ? 'running requests against capacity' : 'running and waiting requests (capacity unknown)'}
        aria-valuemin={0}
        aria-valuemax={capacity ?? r + w}
        aria-valuenow={r}
        sx={{ display: 'flex', height: 8, borderRadius: 1, overflow: 'hidden', backgroundColor: trackColor }}
      >
        <Box
          data-testid="kv-queue-bar-running"
          data-tone={known ? 'running' : 'neutral'}
          sx={{ width: `${runningPct}%`, backgroundColor: known ? runningColor : neutralColor }}
        />
        <Box data-testid="kv-queue-bar-waiting" sx={{ width: `${waitingPct}%`, backgroundColor: waitingColor }} />
      </Box>
      <Typography
        variant="caption"
        color="text.secondary"
        data-testid="kv-queue-bar-caption"
        data-capacity={known ? 'known' : 'unknown'}
        title={known ? caption : `${caption}. ${CAPACITY_HINT}`}
        noWrap
        component="div"
      >
        {caption}
      </Typography>
    </Box>
  );
}

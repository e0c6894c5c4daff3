// Running and waiting requests as one bar: against the fleet capacity when it is known, otherwise as
// the split of all admitted-or-queued requests.
import { Box, Typography } from '@mui/material';
import { ReactElement } from 'react';

export interface QueueBarProps {
  running: number | null;
  waiting: number | null;
  capacity: number | null;
  runningColor: string;
  waitingColor: string;
  trackColor: string;
}

const finite = (v: number | null): number => (v !== null && Number.isFinite(v) && v > 0 ? v : 0);

export function QueueBar({
  running,
  waiting,
  capacity,
  runningColor,
  waitingColor,
  trackColor,
}: QueueBarProps): ReactElement {
  const r = finite(running);
  const w = finite(waiting);
  // Waiting requests are drawn after the running ones, so past-capacity demand shows as overflow.
  const scale = Math.max(capacity ?? 0, r + w, 1);
  const runningPct = (r / scale) * 100;
  const waitingPct = (w / scale) * 100;
  // Without a capacity the bar is the running/waiting split, and the caption says so plainly: most fleets do
  // not export --max-num-seqs, so this is the normal case, not a warning.
  const caption =
    capacity !== null
      ? `${Math.round((r / capacity) * 100)}% of capacity running`
      : r + w > 0
        ? `${Math.round((r / (r + w)) * 100)}% of requests running · capacity not set`
        : 'no requests · capacity not set';
  return (
    <Box>
      <Box
        role="meter"
        aria-label="running requests against capacity"
        aria-valuemin={0}
        aria-valuemax={capacity ?? r + w}
        aria-valuenow={r}
        sx={{ display: 'flex', height: 8, borderRadius: 1, overflow: 'hidden', backgroundColor: trackColor }}
      >
        <Box data-testid="kv-queue-bar-running" sx={{ width: `${runningPct}%`, backgroundColor: runningColor }} />
        <Box data-testid="kv-queue-bar-waiting" sx={{ width: `${waitingPct}%`, backgroundColor: waitingColor }} />
      </Box>
      <Typography variant="caption" color="text.secondary" data-testid="kv-queue-bar-caption" noWrap component="div">
        {caption}
      </Typography>
    </Box>
  );
}

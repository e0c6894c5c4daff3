// Running (against capacity), waiting and preemptions: one line in the compact layout, a column in the full one.
// Either way the column may shrink, and then the labels are cut before the numbers.
import { Box } from '@mui/material';
import { ReactElement } from 'react';

import { formatCount, formatPerSecond } from './kv-queue-format';
import { KvValueOverRange } from './kv-queue-gauge-spec';
import { LabelledValue } from './LabelledValue';

/** The numbers keep their natural width; only when the verdict column is at its minimum do they shrink. */
const NUMBERS_FLEX = '0 1 auto';

export interface KvQueueNumbersProps {
  running: number | null;
  waiting: number | null;
  capacity: number | null;
  preemptionsPerSec: number | null;
  valueOverRange: KvValueOverRange;
  waitingColor: string;
  direction: 'row' | 'column';
}

export function KvQueueNumbers(props: KvQueueNumbersProps): ReactElement {
  const { running, waiting, capacity, preemptionsPerSec, valueOverRange, waitingColor, direction } = props;
  const runningText = formatCount(running, valueOverRange);
  const capacityText = capacity !== null ? ` / ${formatCount(capacity, 'last')}` : '';
  const waitingText = formatCount(waiting, valueOverRange);
  const preemptionsText = formatPerSecond(preemptionsPerSec);
  const waitingHighlighted = waiting !== null && waiting > 0;
  return (
    <Box
      sx={{ display: 'flex', flexDirection: direction, columnGap: 1.5, rowGap: 0.25, minWidth: 0, flex: NUMBERS_FLEX }}
    >
      <LabelledValue
        variant="body2"
        testId="kv-queue-running-line"
        label="Running"
        title={`Running ${runningText}${capacityText}`}
        value={
          <>
            <strong data-testid="kv-queue-running">{runningText}</strong>
            {capacityText}
          </>
        }
      />
      <LabelledValue
        variant="body2"
        testId="kv-queue-waiting-line"
        highlighted={waitingHighlighted}
        sx={waitingHighlighted ? { color: waitingColor, fontWeight: 700 } : undefined}
        label="Waiting"
        title={`Waiting ${waitingText}`}
        value={<strong data-testid="kv-queue-waiting">{waitingText}</strong>}
      />
      {preemptionsPerSec !== null && (
        <LabelledValue
          variant="body2"
          label="Preemptions"
          title={`Preemptions ${preemptionsText}`}
          value={<strong data-testid="kv-queue-preemptions">{preemptionsText}</strong>}
        />
      )}
    </Box>
  );
}

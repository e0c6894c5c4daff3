// Beside the gauge: the fleet-average KV usage and, in the full layout, the name of the worst instance.
import { Box, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { LabelledValue } from './LabelledValue';

export interface KvCaptionProps {
  meanText: string;
  /** Worst KV usage is NaN: said plainly beside the average. */
  kvIsNaN: boolean;
  worstInstance?: string;
}

export function KvCaption({ meanText, kvIsNaN, worstInstance }: KvCaptionProps): ReactElement {
  const nanNote = kvIsNaN ? '(the engine reported NaN)' : '';
  return (
    <Box sx={{ minWidth: 0 }}>
      <LabelledValue
        variant="caption"
        color="text.secondary"
        label="fleet avg"
        title={`fleet avg ${meanText} ${nanNote}`.trim()}
        value={<span data-testid="kv-queue-kv-mean">{meanText}</span>}
        note={nanNote}
      />
      {worstInstance && (
        <Typography
          variant="caption"
          color="text.secondary"
          noWrap
          component="div"
          title={`worst: ${worstInstance}`}
          data-testid="kv-queue-kv-worst"
        >
          worst: {worstInstance}
        </Typography>
      )}
    </Box>
  );
}

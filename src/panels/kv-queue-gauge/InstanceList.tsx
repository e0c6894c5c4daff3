// The per-instance rows (worst first), capped with "+N more" so the panel never scrolls.
import { ReactElement } from 'react';
import { Box, Typography } from '@mui/material';
import { ValueOverRange } from './kv-queue-gauge-model';
import { InstanceRow } from './kv-queue-model';
import { formatCount, formatKv } from './kv-queue-format';

export interface InstanceListProps {
  rows: readonly InstanceRow[];
  label: string;
  maxRows: number;
  decimalPlaces: number;
  valueOverRange: ValueOverRange;
  colorOfKv: (kv: number | null) => string | undefined;
  waitingColor: string;
}

const grid = { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 4.5em 4em 4em', columnGap: 1, fontSize: 12, lineHeight: '18px' };

export function InstanceList({ rows, label, maxRows, decimalPlaces, valueOverRange, colorOfKv, waitingColor }: InstanceListProps): ReactElement {
  const shown = rows.slice(0, maxRows);
  const hidden = rows.length - shown.length;
  return (
    <Box role="table" aria-label={`instances by ${label}, worst first`} data-testid="kv-queue-instances">
      <Box role="row" sx={{ ...grid, color: 'text.secondary' }}>
        <span role="columnheader">{label}</span>
        <span role="columnheader" style={{ textAlign: 'right' }}>KV</span>
        <span role="columnheader" style={{ textAlign: 'right' }}>run</span>
        <span role="columnheader" style={{ textAlign: 'right' }}>wait</span>
      </Box>
      {shown.map((row) => (
        <Box role="row" key={row.name} sx={grid} data-testid="kv-queue-instance-row">
          <span role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={row.name}>
            {row.name}
          </span>
          <span role="cell" style={{ textAlign: 'right', color: colorOfKv(row.kv) }}>{formatKv(row.kv, decimalPlaces)}</span>
          <span role="cell" style={{ textAlign: 'right' }}>{formatCount(row.running, valueOverRange)}</span>
          <span role="cell" style={{ textAlign: 'right', color: row.waiting ? waitingColor : undefined, fontWeight: row.waiting ? 700 : undefined }}>
            {formatCount(row.waiting, valueOverRange)}
          </span>
        </Box>
      ))}
      {hidden > 0 && (
        <Typography variant="caption" color="text.secondary" data-testid="kv-queue-more">
          +{hidden} more
        </Typography>
      )}
    </Box>
  );
}

// The per-instance rows (worst first), as many as the panel has room for, then one line that says how
// many are not shown and lists them in its tooltip, so the panel never scrolls and never drops one silently.
import { Box, Typography } from '@mui/material';
import { ReactElement, useMemo } from 'react';

import { formatCount, formatKv } from './kv-queue-format';
import { KvValueOverRange } from './kv-queue-gauge-spec';
import { InstanceRow } from './kv-queue-view-model';

export interface InstanceListProps {
  rows: readonly InstanceRow[];
  label: string;
  /** Rows to draw; 0 = no room for any, only the line naming the hidden ones. */
  maxRows: number;
  /** Columns the rows are spread over, worst first down each column (default 1). */
  columns?: number;
  decimalPlaces: number;
  valueOverRange: KvValueOverRange;
  colorOfKv: (kv: number | null) => string | undefined;
  waitingColor: string;
}

/** "3 pods", "1 target": instance labels are nouns (pod, instance, engine, target). */
function plural(label: string, n: number): string {
  return n === 1 || label.endsWith('s') ? label : `${label}s`;
}

/** A tooltip of hundreds of lines is unreadable; past this the rest is counted. */
const TOOLTIP_MAX_LINES = 25;

const grid = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr) 4.5em 4em 4em',
  columnGap: 1,
  fontSize: 12,
  lineHeight: '18px',
};

/** One line per hidden instance, worst first, with the same figures as a row. */
export function hiddenInstancesTooltip(
  hidden: readonly InstanceRow[],
  decimalPlaces: number,
  valueOverRange: KvValueOverRange,
): string {
  const lines = hidden
    .slice(0, TOOLTIP_MAX_LINES)
    .map(
      (r) =>
        `${r.name}: KV ${formatKv(r.kv, decimalPlaces)}, running ${formatCount(r.running, valueOverRange)}, waiting ${formatCount(r.waiting, valueOverRange)}`,
    );
  if (hidden.length > TOOLTIP_MAX_LINES) lines.push(`… and ${hidden.length - TOOLTIP_MAX_LINES} more`);
  return lines.join('\n');
}

export function InstanceList({
  rows,
  label,
  maxRows,
  columns = 1,
  decimalPlaces,
  valueOverRange,
  colorOfKv,
  waitingColor,
}: InstanceListProps): ReactElement {
  const shown = rows.slice(0, Math.max(0, maxRows));
  const hidden = rows.slice(shown.length);
  // Formatting the tooltip's 25 lines is most of a re-render's work: redone only when the rows or options change.
  const tooltip = useMemo(
    () => hiddenInstancesTooltip(rows.slice(Math.max(0, maxRows)), decimalPlaces, valueOverRange),
    [rows, maxRows, decimalPlaces, valueOverRange],
  );
  const moreLine =
    hidden.length === 0 ? null : (
      <Typography
        variant="caption"
        color="text.secondary"
        component="div"
        noWrap
        data-testid="kv-queue-more"
        title={tooltip}
        sx={{ lineHeight: '18px', cursor: 'help' }}
      >
        {shown.length > 0
          ? `+${hidden.length} more`
          : `${hidden.length} ${plural(label, hidden.length)} not listed: panel too short`}
      </Typography>
    );
  if (shown.length === 0) return <Box data-testid="kv-queue-instances-hidden">{moreLine}</Box>;
  const perColumn = Math.ceil(shown.length / Math.max(1, columns));
  const slices = Array.from({ length: Math.ceil(shown.length / perColumn) }, (_, i) =>
    shown.slice(i * perColumn, (i + 1) * perColumn),
  );
  const table = (slice: readonly InstanceRow[], index: number) => (
    <Box
      key={index}
      role="table"
      aria-label={
        slices.length === 1
          ? `instances by ${label}, worst first`
          : `instances by ${label}, worst first, ${index * perColumn + 1} to ${index * perColumn + slice.length}`
      }
      data-testid="kv-queue-instances"
      sx={{ minWidth: 0 }}
    >
      <Box role="row" sx={{ ...grid, color: 'text.secondary' }}>
        <span role="columnheader">{label}</span>
        <span role="columnheader" style={{ textAlign: 'right' }}>
          KV
        </span>
        <span role="columnheader" style={{ textAlign: 'right' }}>
          run
        </span>
        <span role="columnheader" style={{ textAlign: 'right' }}>
          wait
        </span>
      </Box>
      {slice.map((row) => (
        <Box role="row" key={row.name} sx={grid} data-testid="kv-queue-instance-row">
          <span
            role="cell"
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            title={row.name}
          >
            {row.name}
          </span>
          <span role="cell" style={{ textAlign: 'right', color: colorOfKv(row.kv) }}>
            {formatKv(row.kv, decimalPlaces)}
          </span>
          <span role="cell" style={{ textAlign: 'right' }}>
            {formatCount(row.running, valueOverRange)}
          </span>
          <span
            role="cell"
            style={{
              textAlign: 'right',
              color: row.waiting ? waitingColor : undefined,
              fontWeight: row.waiting ? 700 : undefined,
            }}
          >
            {formatCount(row.waiting, valueOverRange)}
          </span>
        </Box>
      ))}
    </Box>
  );
  if (slices.length === 1) {
    return (
      <Box data-testid="kv-queue-instance-list">
        {table(slices[0], 0)}
        {moreLine}
      </Box>
    );
  }
  return (
    <Box data-testid="kv-queue-instance-list">
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${slices.length}, minmax(0, 1fr))`, columnGap: 2 }}>
        {slices.map(table)}
      </Box>
      {moreLine}
    </Box>
  );
}

// The two layouts of the KV & queue panel, one body each. Compact (short panels): the gauge beside one line of
// verdict, fleet average and numbers. Full: gauge, verdict column and numbers, then the queue bar, the sparklines
// and the per-instance list.
import { Box } from '@mui/material';
import { ReactElement } from 'react';

import { InstanceList } from './InstanceList';
import { KvColors } from './kv-colors';
import { formatKv } from './kv-queue-format';
import { KvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { KvQueueLayout, VERDICT_COLUMN_MIN_WIDTH } from './kv-queue-layout';
import { KvQueueView } from './kv-queue-view-model';
import { KvCaption } from './KvCaption';
import { KvGauge } from './KvGauge';
import { KvQueueNumbers } from './KvQueueNumbers';
import { QueueBar } from './QueueBar';
import { SparklineRow, TrendLine } from './SparklineRow';
import { VerdictBadge } from './VerdictBadge';

/** The verdict column (whose long line is the worst instance's name) takes only what the numbers leave. */
const VERDICT_COLUMN_FLEX = '1 1 0';
/** Beside the gauge it keeps its natural width (shrinking for a long name), and the row spreads the free width
 * between gauge, verdict and numbers rather than leaving it in one block. */
const VERDICT_COLUMN_BESIDE_FLEX = '0 1 auto';

export interface KvQueueBodyProps {
  spec: KvQueueGaugeSpec;
  view: KvQueueView;
  colors: KvColors;
  layout: KvQueueLayout;
  decimals: number;
  trendLines: readonly TrendLine[];
}

function numbersOf({ view, spec, colors }: KvQueueBodyProps, direction: 'row' | 'column'): ReactElement {
  return (
    <KvQueueNumbers
      running={view.running}
      waiting={view.waiting}
      capacity={view.capacity}
      preemptionsPerSec={view.preemptionsPerSec}
      valueOverRange={spec.valueOverRange}
      waitingColor={colors.waitingText}
      direction={direction}
    />
  );
}

function gaugeOf({ view, colors, layout, decimals }: KvQueueBodyProps): ReactElement {
  return (
    <KvGauge
      fraction={view.kvMax}
      text={formatKv(view.kvMax, decimals)}
      size={layout.gaugeSize}
      thresholds={view.thresholds}
      colors={colors}
    />
  );
}

function captionOf({ view, decimals }: KvQueueBodyProps, withWorst: boolean): ReactElement {
  return (
    <KvCaption
      meanText={formatKv(view.kvMean, decimals)}
      kvIsNaN={Number.isNaN(view.kvMax ?? 0)}
      worstInstance={withWorst ? view.kvWorstInstance : undefined}
    />
  );
}

export function KvQueueCompactBody(props: KvQueueBodyProps): ReactElement {
  return (
    // Centred in the panel's height: a short panel has a few px above and below, not all of them at the bottom.
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0, flex: 1, minHeight: 0 }}>
      {gaugeOf(props)}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.25, minWidth: 0, flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
          <VerdictBadge verdict={props.view.verdict} />
          {captionOf(props, false)}
        </Box>
        {numbersOf(props, 'row')}
      </Box>
    </Box>
  );
}

export function KvQueueFullBody(props: KvQueueBodyProps): ReactElement {
  const { view, spec, colors, layout, decimals, trendLines } = props;
  const verdictColumn = (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
        minWidth: VERDICT_COLUMN_MIN_WIDTH,
        flex: layout.stacked ? VERDICT_COLUMN_FLEX : VERDICT_COLUMN_BESIDE_FLEX,
      }}
    >
      <VerdictBadge verdict={view.verdict} />
      {captionOf(props, true)}
    </Box>
  );
  return (
    <>
      {layout.stacked ? (
        // A tall, narrow panel: the gauge across the width, the verdict and numbers under it.
        <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
          {gaugeOf(props)}
          <Box sx={{ display: 'flex', gap: 1.5, minWidth: 0, alignSelf: 'stretch' }}>
            {verdictColumn}
            {numbersOf(props, 'column')}
          </Box>
        </Box>
      ) : (
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1.5, minWidth: 0 }}>
          {gaugeOf(props)}
          {verdictColumn}
          {numbersOf(props, 'column')}
        </Box>
      )}
      <QueueBar
        running={view.running}
        waiting={view.waiting}
        capacity={view.capacity}
        runningColor={colors.running}
        neutralColor={colors.neutral}
        waitingColor={colors.waiting}
        trackColor={colors.track}
      />
      <SparklineRow
        lines={trendLines}
        height={layout.sparklineHeight}
        baselineColor={colors.divider}
        stacked={layout.sparklinesStacked}
      />
      {layout.instanceRows !== null && view.instanceLabel && (
        <InstanceList
          rows={view.instances}
          label={view.instanceLabel}
          maxRows={layout.instanceRows}
          columns={layout.instanceColumns}
          decimalPlaces={decimals}
          valueOverRange={spec.valueOverRange}
          colorOfKv={colors.ofKvText}
          waitingColor={colors.waitingText}
        />
      )}
    </>
  );
}

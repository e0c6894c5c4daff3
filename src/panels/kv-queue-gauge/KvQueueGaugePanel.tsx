// The VllmKvQueueGauge panel: KV-cache gauge (worst instance, fleet mean), running/waiting with a queue
// bar, preemption rate, saturation verdict, per-instance list and optional sparklines (KV, running, waiting).
import { Box, Typography, useTheme } from '@mui/material';
import { useChartsTheme } from '@perses-dev/components';
import { TimeSeriesData } from '@perses-dev/core';
import { PanelProps } from '@perses-dev/plugin-system';
import { ReactElement, useMemo } from 'react';

import { GaugeArc } from './GaugeArc';
import { InstanceList } from './InstanceList';
import { formatCount, formatKv, formatPerSecond } from './kv-queue-format';
import { DEFAULT_DECIMAL_PLACES, KvQueueGaugeSpec, withDefaults } from './kv-queue-gauge-model';
import { planLayout, VERDICT_COLUMN_MIN_WIDTH } from './kv-queue-layout';
import { buildKvQueueView } from './kv-queue-model';
import { stepFor } from './kv-thresholds';
import { LabelledValue } from './LabelledValue';
import { assignQueryRoles } from './query-roles';
import { QueueBar } from './QueueBar';
import { SparklineRow, TrendLine } from './SparklineRow';
import { VerdictBadge } from './VerdictBadge';

export type KvQueueGaugePanelProps = PanelProps<KvQueueGaugeSpec>;

// Without dimensions (tests, previews) the panel lays out as a 6-row grid item.
const FALLBACK_SIZE = { width: 420, height: 170 };
// The numbers keep their natural width; the verdict column (whose long line is the worst instance's name)
// takes only what is left (basis 0), down to its minimum, and only then do the numbers shrink.
const NUMBERS_FLEX = '0 1 auto';
const VERDICT_COLUMN_FLEX = '1 1 0';

export function KvQueueGaugePanel({
  spec: rawSpec,
  queryResults,
  definition,
  contentDimensions,
}: KvQueueGaugePanelProps): ReactElement {
  const spec = withDefaults(rawSpec);
  const theme = useTheme();
  const chartsTheme = useChartsTheme();
  const specKey = JSON.stringify(rawSpec ?? {});
  const { view, missing, notes } = useMemo(() => {
    // supportedQueryTypes is ['TimeSeriesQuery'], so Perses only hands over time-series data.
    const results = queryResults.map((r) => ({
      definition: r.definition,
      data: { series: (r.data as TimeSeriesData).series ?? [] },
    }));
    const assignment = assignQueryRoles(spec.queryRoles, definition?.spec.queries, results);
    return { view: buildKvQueueView(assignment, spec), missing: assignment.missing, notes: assignment.notes };
    // `spec` is rebuilt on every render by withDefaults, so the memo keys on the raw spec's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specKey, definition, queryResults]);

  const { width, height } = contentDimensions ?? FALLBACK_SIZE;
  const decimals = spec.decimalPlaces ?? DEFAULT_DECIMAL_PLACES;
  const palette = chartsTheme.thresholds.palette;
  const colorOfStep = (index: number) => palette[index % palette.length] ?? theme.palette.warning.main;
  const baseColor = view.thresholds.defaultColor ?? chartsTheme.thresholds.defaultColor;
  const kvStep = stepFor(view.kvMax, view.thresholds);
  const kvColor = kvStep ? (kvStep.color ?? colorOfStep(kvStep.index)) : baseColor;
  const waitingColor = theme.palette.warning.main;

  const hasAnyData =
    view.kvMax !== null || view.running !== null || view.waiting !== null || view.preemptionsPerSec !== null;
  const messages = [
    ...missing.map((m) => ({ key: `missing-${m.role}`, text: `Missing ${m.role}: ${m.reason}` })),
    ...view.problems.map((p, i) => ({ key: `problem-${i}`, text: p })),
    ...notes.map((n, i) => ({ key: `note-${i}`, text: n })),
  ];

  if (!hasAnyData) {
    return (
      <Box sx={{ p: 1, height: '100%', overflow: 'auto' }} data-testid="kv-queue-no-data">
        <Typography variant="h6" color="text.secondary">
          No data
        </Typography>
        <Messages messages={messages} />
      </Box>
    );
  }

  const kvText = formatKv(view.kvMax, decimals);
  const kvMeanText = formatKv(view.kvMean, decimals);
  const waitingHighlighted = view.waiting !== null && view.waiting > 0;
  const countFormat = (v: number) => formatCount(v, 'mean');
  const trendLines: TrendLine[] = [
    ...(spec.sparklines
      ? [
          {
            caption: 'KV',
            label: 'worst KV usage over time',
            points: view.kvTrend,
            color: kvColor,
            yMax: 1,
            format: (v: number) => formatKv(v, decimals),
          },
        ]
      : []),
    ...(spec.runningSparkline
      ? [
          {
            caption: 'running',
            label: 'running requests over time',
            points: view.runningTrend,
            color: theme.palette.primary.main,
            format: countFormat,
          },
        ]
      : []),
    ...(spec.sparklines
      ? [
          {
            caption: 'waiting',
            label: 'waiting requests over time',
            points: view.waitingTrend,
            color: waitingColor,
            format: countFormat,
          },
        ]
      : []),
  ].filter((line) => line.points.length >= 2);
  const listable = view.instanceLabel ? view.instances.length : 0;
  const { compact, gaugeSize, sparklineHeight, instanceRows } = planLayout({
    width,
    height,
    sparklines: trendLines.length > 0,
    messages: messages.length,
    instances: listable,
    maxInstances: spec.maxInstances,
  });

  // Compact: one line of numbers beside the verdict; full: a column to the right of the gauge.
  const runningText = formatCount(view.running, spec.valueOverRange);
  const capacityText = view.capacity !== null ? ` / ${formatCount(view.capacity, 'last')}` : '';
  const waitingText = formatCount(view.waiting, spec.valueOverRange);
  const preemptionsText = formatPerSecond(view.preemptionsPerSec);
  // Compact: one line of numbers beside the verdict; full: a column to the right of the gauge. Either way
  // the column may shrink, and then the labels are cut before the numbers.
  const numbers = (
    <Box
      sx={{
        display: 'flex',
        flexDirection: compact ? 'row' : 'column',
        columnGap: 1.5,
        rowGap: 0.25,
        minWidth: 0,
        flex: NUMBERS_FLEX,
      }}
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
      {view.preemptionsPerSec !== null && (
        <LabelledValue
          variant="body2"
          label="Preemptions"
          title={`Preemptions ${preemptionsText}`}
          value={<strong data-testid="kv-queue-preemptions">{preemptionsText}</strong>}
        />
      )}
    </Box>
  );

  const gauge = (
    <Box sx={{ position: 'relative', width: gaugeSize, flex: 'none' }}>
      <GaugeArc
        fraction={view.kvMax}
        size={gaugeSize}
        valueColor={kvColor}
        trackColor={theme.palette.action.hover}
        thresholds={view.thresholds}
        colorOfStep={colorOfStep}
        defaultColor={baseColor}
        label={`KV cache usage of the worst instance: ${kvText}`}
      />
      <Typography
        data-testid="kv-queue-kv-max"
        sx={{
          position: 'absolute',
          bottom: 0,
          width: '100%',
          textAlign: 'center',
          fontWeight: 700,
          fontSize: Math.max(12, gaugeSize / 7),
          color: kvColor,
        }}
      >
        {kvText}
      </Typography>
    </Box>
  );

  const nanNote = Number.isNaN(view.kvMax ?? 0) ? '(the engine reported NaN)' : '';
  const kvCaption = (
    <Box sx={{ minWidth: 0 }}>
      <LabelledValue
        variant="caption"
        color="text.secondary"
        label="fleet avg"
        title={`fleet avg ${kvMeanText} ${nanNote}`.trim()}
        value={<span data-testid="kv-queue-kv-mean">{kvMeanText}</span>}
        note={nanNote}
      />
      {!compact && view.kvWorstInstance && (
        <Typography
          variant="caption"
          color="text.secondary"
          noWrap
          component="div"
          title={view.kvWorstInstance}
          data-testid="kv-queue-kv-worst"
        >
          worst: {view.kvWorstInstance}
        </Typography>
      )}
    </Box>
  );

  return (
    <Box
      sx={{ p: 0.5, height: '100%', display: 'flex', flexDirection: 'column', gap: 0.5, overflow: 'hidden' }}
      data-testid="kv-queue-panel"
      data-layout={compact ? 'compact' : 'full'}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}>
        {gauge}
        {compact ? (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.25, minWidth: 0, flex: 1 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
              <VerdictBadge verdict={view.verdict} />
              {kvCaption}
            </Box>
            {numbers}
          </Box>
        ) : (
          <>
            <Box
              sx={{
                display: 'flex',
                flexDirection: 'column',
                gap: 0.5,
                minWidth: VERDICT_COLUMN_MIN_WIDTH,
                flex: VERDICT_COLUMN_FLEX,
              }}
            >
              <VerdictBadge verdict={view.verdict} />
              {kvCaption}
            </Box>
            {numbers}
          </>
        )}
      </Box>
      {!compact && (
        <QueueBar
          running={view.running}
          waiting={view.waiting}
          capacity={view.capacity}
          runningColor={theme.palette.primary.main}
          waitingColor={waitingColor}
          trackColor={theme.palette.action.hover}
        />
      )}
      {!compact && <SparklineRow lines={trendLines} height={sparklineHeight} baselineColor={theme.palette.divider} />}
      {instanceRows !== null && view.instanceLabel && (
        <InstanceList
          rows={view.instances}
          label={view.instanceLabel}
          maxRows={instanceRows}
          decimalPlaces={decimals}
          valueOverRange={spec.valueOverRange}
          colorOfKv={(kv) => {
            const step = stepFor(kv, view.thresholds);
            return step ? (step.color ?? colorOfStep(step.index)) : undefined;
          }}
          waitingColor={waitingColor}
        />
      )}
      <Messages messages={messages} />
    </Box>
  );
}

function Messages({ messages }: { messages: Array<{ key: string; text: string }> }): ReactElement | null {
  if (messages.length === 0) return null;
  return (
    <Box data-testid="kv-queue-messages" sx={{ mt: 'auto' }}>
      {messages.map((m) => (
        <Typography key={m.key} variant="caption" component="div" color="warning.main" sx={{ lineHeight: 1.3 }}>
          {m.text}
        </Typography>
      ))}
    </Box>
  );
}

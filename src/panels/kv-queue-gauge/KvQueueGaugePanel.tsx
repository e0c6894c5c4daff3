// The VllmKvQueueGauge panel: KV-cache gauge (worst instance, fleet mean), running/waiting with a queue
// bar, preemption rate, saturation verdict, per-instance list and optional sparklines.
import { ReactElement, useMemo } from 'react';
import { Box, Typography, useTheme } from '@mui/material';
import { useChartsTheme } from '@perses-dev/components';
import { PanelProps } from '@perses-dev/plugin-system';
import { TimeSeriesData } from '@perses-dev/core';
import { DEFAULT_DECIMAL_PLACES, KvQueueGaugeSpec, withDefaults } from './kv-queue-gauge-model';
import { assignQueryRoles } from './query-roles';
import { buildKvQueueView } from './kv-queue-model';
import { stepFor } from './kv-thresholds';
import { formatCount, formatKv, formatPerSecond } from './kv-queue-format';
import { GaugeArc } from './GaugeArc';
import { QueueBar } from './QueueBar';
import { InstanceList } from './InstanceList';
import { Sparkline } from './Sparkline';
import { VerdictBadge } from './VerdictBadge';

export type KvQueueGaugePanelProps = PanelProps<KvQueueGaugeSpec>;

// Without dimensions (tests, previews) the panel lays out as a 6-row grid item.
const FALLBACK_SIZE = { width: 420, height: 170 };
/** Below this content height (≈ 4 grid rows) the panel switches to a single line. */
const COMPACT_HEIGHT = 120;
const INSTANCE_ROW_HEIGHT = 18;
const SPARKLINE_HEIGHT = 22;

export function KvQueueGaugePanel({ spec: rawSpec, queryResults, definition, contentDimensions }: KvQueueGaugePanelProps): ReactElement {
  const spec = withDefaults(rawSpec);
  const theme = useTheme();
  const chartsTheme = useChartsTheme();
  const specKey = JSON.stringify(rawSpec ?? {});
  const { view, missing, notes } = useMemo(() => {
    // supportedQueryTypes is ['TimeSeriesQuery'], so Perses only hands over time-series data.
    const results = queryResults.map((r) => ({ definition: r.definition, data: { series: (r.data as TimeSeriesData).series ?? [] } }));
    const assignment = assignQueryRoles(spec.queryRoles, definition?.spec.queries, results);
    return { view: buildKvQueueView(assignment, spec), missing: assignment.missing, notes: assignment.notes };
    // `spec` is rebuilt on every render by withDefaults, so the memo keys on the raw spec's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specKey, definition, queryResults]);

  const { width, height } = contentDimensions ?? FALLBACK_SIZE;
  const compact = height < COMPACT_HEIGHT;
  const decimals = spec.decimalPlaces ?? DEFAULT_DECIMAL_PLACES;
  const palette = chartsTheme.thresholds.palette;
  const colorOfStep = (index: number) => palette[index % palette.length] ?? theme.palette.warning.main;
  const baseColor = view.thresholds.defaultColor ?? chartsTheme.thresholds.defaultColor;
  const kvStep = stepFor(view.kvMax, view.thresholds);
  const kvColor = kvStep ? (kvStep.color ?? colorOfStep(kvStep.index)) : baseColor;
  const waitingColor = theme.palette.warning.main;

  const hasAnyData = view.kvMax !== null || view.running !== null || view.waiting !== null || view.preemptionsPerSec !== null;
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
  const gaugeSize = compact
    ? Math.max(48, Math.min(2 * (height - 14), width * 0.22, 120))
    : Math.max(90, Math.min(width * 0.42, (height - 40) * 1.4, 220));

  // Compact: one line of numbers beside the verdict; full: a column to the right of the gauge.
  const numbers = (
    <Box sx={{ display: 'flex', flexDirection: compact ? 'row' : 'column', columnGap: 1.5, rowGap: 0.25, minWidth: 0, flex: 'none' }}>
      <Typography variant="body2" noWrap>
        Running <strong data-testid="kv-queue-running">{formatCount(view.running, spec.valueOverRange)}</strong>
        {view.capacity !== null && <> / {formatCount(view.capacity, 'last')}</>}
      </Typography>
      <Typography
        variant="body2"
        noWrap
        data-testid="kv-queue-waiting-line"
        data-highlighted={waitingHighlighted ? 'true' : 'false'}
        sx={waitingHighlighted ? { color: waitingColor, fontWeight: 700 } : undefined}
      >
        Waiting <strong data-testid="kv-queue-waiting">{formatCount(view.waiting, spec.valueOverRange)}</strong>
      </Typography>
      {view.preemptionsPerSec !== null && (
        <Typography variant="body2" noWrap>
          Preemptions <strong data-testid="kv-queue-preemptions">{formatPerSecond(view.preemptionsPerSec)}</strong>
        </Typography>
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
        sx={{ position: 'absolute', bottom: 0, width: '100%', textAlign: 'center', fontWeight: 700, fontSize: Math.max(12, gaugeSize / 7), color: kvColor }}
      >
        {kvText}
      </Typography>
    </Box>
  );

  const nanNote = Number.isNaN(view.kvMax ?? 0) ? ' (the engine reported NaN)' : '';
  const kvCaption = (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" noWrap component="div">
        fleet avg <span data-testid="kv-queue-kv-mean">{kvMeanText}</span>
        {nanNote}
      </Typography>
      {!compact && view.kvWorstInstance && (
        <Typography variant="caption" color="text.secondary" noWrap component="div" title={view.kvWorstInstance} data-testid="kv-queue-kv-worst">
          worst: {view.kvWorstInstance}
        </Typography>
      )}
    </Box>
  );

  const fixedHeight = gaugeSize / 2 + 6 + 28 + 22 + (spec.sparklines ? SPARKLINE_HEIGHT + 4 : 0) + messages.length * 16;
  const instanceRows = compact ? 0 : Math.max(0, Math.min(spec.maxInstances, Math.floor((height - fixedHeight) / INSTANCE_ROW_HEIGHT) - 1));

  return (
    <Box sx={{ p: 0.5, height: '100%', display: 'flex', flexDirection: 'column', gap: 0.5, overflow: 'hidden' }} data-testid="kv-queue-panel" data-layout={compact ? 'compact' : 'full'}>
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
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, minWidth: 0, flex: 1 }}>
              <VerdictBadge verdict={view.verdict} />
              {kvCaption}
            </Box>
            {numbers}
          </>
        )}
      </Box>
      {!compact && (
        <QueueBar running={view.running} waiting={view.waiting} capacity={view.capacity} runningColor={theme.palette.primary.main} waitingColor={waitingColor} trackColor={theme.palette.action.hover} />
      )}
      {!compact && spec.sparklines && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-testid="kv-queue-sparklines">
          <Typography variant="caption" color="text.secondary">KV</Typography>
          <Sparkline points={view.kvTrend} width={(width - 100) / 2} height={SPARKLINE_HEIGHT} color={kvColor} yMax={1} label="worst KV usage over time" />
          <Typography variant="caption" color="text.secondary">waiting</Typography>
          <Sparkline points={view.waitingTrend} width={(width - 100) / 2} height={SPARKLINE_HEIGHT} color={waitingColor} label="waiting requests over time" />
        </Box>
      )}
      {instanceRows > 0 && view.instanceLabel && view.instances.length > 0 && (
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

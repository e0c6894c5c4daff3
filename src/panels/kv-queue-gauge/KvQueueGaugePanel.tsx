// The VllmKvQueueGauge panel: KV-cache gauge (worst instance, fleet mean), running/waiting with a queue bar,
// preemption rate, saturation verdict, per-instance list and optional sparklines (KV, running, waiting).
// Wiring only: data from useKvQueueView, colours from useKvColors, the height budget from planLayout, and one
// body per layout (KvQueueBodies.tsx).
import { Box, Typography } from '@mui/material';
import { PanelProps } from '@perses-dev/plugin-system';
import { ReactElement, useMemo } from 'react';

import { NoQueryHelp } from '../../components/NoQueryHelp';
import { PanelErrorBoundary, PanelProblem } from '../../components/PanelErrorBoundary';
import { useKvColors } from './kv-colors';
import { DEFAULT_DECIMAL_PLACES, KvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { validateKvQueueGaugeSpec } from './kv-queue-gauge-validate';
import { planLayout } from './kv-queue-layout';
import { INVALID_SPEC, NO_QUERY } from './kv-queue-messages';
import { KvQueueCompactBody, KvQueueFullBody } from './KvQueueBodies';
import { KvQueueMessages } from './KvQueueMessages';
import { trendLines } from './trend-lines';
import { useKvQueueView } from './use-kv-queue-view';

export type KvQueueGaugePanelProps = PanelProps<KvQueueGaugeSpec>;

// Without dimensions (tests, previews) the panel lays out as a 6-row grid item.
const FALLBACK_SIZE = { width: 420, height: 170 };

/** The panel behind its two guards: a spec checked against the schema's rules, and an error boundary. */
export function KvQueueGaugePanel(props: KvQueueGaugePanelProps): ReactElement {
  const problems = useMemo(() => validateKvQueueGaugeSpec(props.spec), [props.spec]);
  return (
    <PanelErrorBoundary panel="KV cache & queue" resetKeys={[props.spec, props.queryResults]}>
      {problems.length > 0 ? (
        <PanelProblem title={INVALID_SPEC} problems={problems} />
      ) : (
        <CheckedKvQueueGaugePanel {...props} />
      )}
    </PanelErrorBoundary>
  );
}

function CheckedKvQueueGaugePanel(props: KvQueueGaugePanelProps): ReactElement {
  const { spec, view, messages, hasAnyData } = useKvQueueView(props);
  const colors = useKvColors(view.thresholds, view.kvMax);
  const { width, height } = props.contentDimensions ?? FALLBACK_SIZE;

  // Perses hands a panel an empty list only when it has no query at all (a new panel).
  if (props.queryResults.length === 0) return <NoQueryHelp help={NO_QUERY} width={width} height={height} />;
  if (!hasAnyData) {
    return (
      <Box sx={{ p: 1, height: '100%', overflow: 'auto' }} data-testid="kv-queue-no-data">
        <Typography variant="h6" color="text.secondary">
          No data
        </Typography>
        <KvQueueMessages messages={messages} />
      </Box>
    );
  }

  const decimals = spec.decimalPlaces ?? DEFAULT_DECIMAL_PLACES;
  const lines = trendLines(spec, view, colors, decimals, width);
  const layout = planLayout({
    width,
    height,
    sparklines: lines.length > 0,
    sparklineCount: lines.length,
    messages: messages.length,
    instances: view.instanceLabel ? view.instances.length : 0,
    maxInstances: spec.maxInstances,
  });
  const body = { spec, view, colors, layout, decimals, trendLines: lines };
  return (
    <Box
      sx={{
        p: 0.5,
        // Planned at the panel's size divided by the scale and zoomed back up (see kv-queue-layout.ts).
        ...(layout.scale > 1
          ? { zoom: layout.scale, width: width / layout.scale, height: height / layout.scale, boxSizing: 'border-box' }
          : { height: '100%' }),
        display: 'flex',
        flexDirection: 'column',
        // Height the parts cannot use (a big panel with one instance) is shared between them, not left at the end.
        justifyContent: 'space-evenly',
        gap: 0.5,
        overflow: 'hidden',
      }}
      data-testid="kv-queue-panel"
      data-layout={layout.compact ? 'compact' : layout.stacked ? 'stacked' : 'full'}
      data-scale={layout.scale}
    >
      {layout.compact ? <KvQueueCompactBody {...body} /> : <KvQueueFullBody {...body} />}
      <KvQueueMessages messages={messages} />
    </Box>
  );
}

import { createTheme, ThemeProvider } from '@mui/material';
import { ChartsProvider, testChartsTheme } from '@perses-dev/components';
import { PanelDefinition, TimeSeriesData } from '@perses-dev/core';
import { render, screen, within } from '@testing-library/react';

import { contrastRatio, parseColor, requiredContrast } from '../../shared/contrast';
import { renderInHost } from '../../shared/render-in-host';
import { panelQueries, PODS, roleResult, Samples, SATURATED_FLEET } from './kv-queue-fixtures';
import { createInitialKvQueueGaugeOptions, KvQueueGaugeSpec, KvQueueRole } from './kv-queue-gauge-spec';
import { KvQueueGaugePanel } from './KvQueueGaugePanel';

type Data = Partial<Record<KvQueueRole, Samples[]>>;

function renderPanel(
  data: Data,
  overrides: Partial<KvQueueGaugeSpec> = {},
  size = { width: 480, height: 330 },
  mode: 'light' | 'dark' = 'light',
  pods: readonly string[] = PODS,
) {
  const spec = { ...createInitialKvQueueGaugeOptions(), ...overrides };
  const definition = {
    kind: 'Panel',
    spec: {
      display: { name: 'KV cache & queue' },
      plugin: { kind: 'VllmKvQueueGauge', spec },
      queries: panelQueries(spec.queryRoles),
    },
  } as unknown as PanelDefinition;
  const queryResults = spec.queryRoles
    .filter((role) => data[role])
    .map((role) => roleResult(role, data[role]!, pods) as unknown as { definition: never; data: TimeSeriesData });
  return render(
    <ThemeProvider theme={createTheme({ palette: { mode } })}>
      <ChartsProvider chartsTheme={testChartsTheme}>
        <KvQueueGaugePanel spec={spec} definition={definition} queryResults={queryResults} contentDimensions={size} />
      </ChartsProvider>
    </ThemeProvider>,
  );
}

describe('KvQueueGaugePanel', () => {
  test('headline is the worst instance’s KV usage, with the fleet average and the instance named', () => {
    renderPanel(SATURATED_FLEET);
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('96.5%');
    expect(screen.getByTestId('kv-queue-kv-mean')).toHaveTextContent('72.8%');
    expect(screen.getByTestId('kv-queue-kv-worst')).toHaveTextContent(`worst: ${PODS[1]}`);
    expect(screen.getByRole('img', { name: 'KV cache usage of the worst instance: 96.5%' })).toBeInTheDocument();
  });

  test('the gauge arc and headline take the critical threshold colour', () => {
    renderPanel(SATURATED_FLEET);
    const critical = testChartsTheme.thresholds.palette[1];
    expect(screen.getByTestId('kv-value-arc')).toHaveAttribute('stroke', critical);
    expect(screen.getAllByTestId('kv-threshold-band')).toHaveLength(3);
  });

  test('a step colour set in the thresholds wins over the palette', () => {
    renderPanel(SATURATED_FLEET, {
      thresholds: { mode: 'percent', steps: [{ value: 85 }, { value: 97, color: '#d55e00' }] },
    });
    // 96.5 % is above the 85 % warning step but below the 97 % critical one.
    expect(screen.getByTestId('kv-value-arc')).toHaveAttribute('stroke', testChartsTheme.thresholds.palette[0]);
    expect(screen.getByTestId('kv-queue-verdict')).toHaveAttribute('data-verdict', 'Queueing');
  });

  test('running and waiting are shown, and waiting > 0 is highlighted', () => {
    renderPanel(SATURATED_FLEET);
    expect(screen.getByTestId('kv-queue-running')).toHaveTextContent('139');
    expect(screen.getByTestId('kv-queue-waiting')).toHaveTextContent('7');
    expect(screen.getByTestId('kv-queue-waiting-line')).toHaveAttribute('data-highlighted', 'true');
  });

  test('no waiting requests are not highlighted and the verdict is Healthy', () => {
    renderPanel({ ...SATURATED_FLEET, waiting: [[0], [0], [0]] });
    expect(screen.getByTestId('kv-queue-waiting-line')).toHaveAttribute('data-highlighted', 'false');
    expect(screen.getByTestId('kv-queue-verdict')).toHaveTextContent('Healthy');
  });

  test('verdicts: Saturated, Queueing, No traffic', () => {
    const { unmount } = renderPanel(SATURATED_FLEET);
    expect(screen.getByTestId('kv-queue-verdict')).toHaveTextContent('Saturated');
    expect(
      screen.getByLabelText('Saturated: requests are waiting and the KV cache is at or above critical'),
    ).toBeInTheDocument();
    unmount();
    const r2 = renderPanel({ kv: [[0.71], [0.74], [0.69]], running: [[64], [64], [64]], waiting: [[3], [5], [0]] });
    expect(screen.getByTestId('kv-queue-verdict')).toHaveTextContent('Queueing');
    r2.unmount();
    renderPanel({ kv: [[0], [0], [0]], running: [[0], [0], [0]], waiting: [[0], [0], [0]] });
    expect(screen.getByTestId('kv-queue-verdict')).toHaveTextContent('No traffic');
  });

  test('the queue bar measures running against capacity when capacity is known', () => {
    renderPanel(SATURATED_FLEET, { capacity: 64 });
    expect(screen.getByTestId('kv-queue-running-line')).toHaveTextContent('Running 139 / 192');
    expect(screen.getByTestId('kv-queue-running-line')).toHaveAttribute('title', 'Running 139 / 192');
    const meter = screen.getByRole('meter', { name: 'running requests against capacity' });
    expect(meter).toHaveAttribute('aria-valuemax', '192');
    expect(meter).toHaveAttribute('aria-valuenow', '139');
    expect(screen.getByTestId('kv-queue-bar-caption')).toHaveTextContent('72% of capacity running');
    expect(screen.getByTestId('kv-queue-bar-running')).toHaveStyle({ width: `${(139 / 192) * 100}%` });
  });

  test('without capacity the bar splits running and waiting and says that capacity is unknown and how to set it', () => {
    renderPanel(SATURATED_FLEET);
    const caption = screen.getByTestId('kv-queue-bar-caption');
    expect(caption).toHaveTextContent('5% of requests waiting · capacity unknown: set Capacity per instance');
    expect(caption).toHaveAttribute('data-capacity', 'unknown');
    expect(caption.getAttribute('title')).toContain('--max-num-seqs');
    expect(screen.getByRole('meter', { name: 'running and waiting requests (capacity unknown)' })).toBeInTheDocument();
    expect(screen.getByTestId('kv-queue-bar-waiting')).toHaveStyle({ width: `${(7 / 146) * 100}%` });
  });

  test('without capacity and nothing waiting the bar is neutral, not a full bar in the running colour', () => {
    renderPanel({ ...SATURATED_FLEET, waiting: [[0], [0], [0]] });
    expect(screen.getByTestId('kv-queue-bar-caption')).toHaveTextContent(
      'none waiting · capacity unknown: set Capacity per instance',
    );
    const running = screen.getByTestId('kv-queue-bar-running');
    expect(running).toHaveStyle({ width: '100%' });
    expect(getComputedStyle(running).backgroundColor).not.toBe(
      getComputedStyle(screen.getByTestId('kv-queue-bar-waiting')).backgroundColor,
    );
    expect(running).toHaveAttribute('data-tone', 'neutral');
  });

  test('the preemption rate is shown only when the role is provided', () => {
    const { unmount } = renderPanel(SATURATED_FLEET);
    expect(screen.queryByTestId('kv-queue-preemptions')).not.toBeInTheDocument();
    unmount();
    renderPanel(
      { ...SATURATED_FLEET, preemptions: [[0], [0.35], [0]] },
      { queryRoles: ['kv', 'running', 'waiting', 'preemptions'] },
    );
    expect(screen.getByTestId('kv-queue-preemptions')).toHaveTextContent('0.35/s');
  });

  test('per-instance list is sorted worst-first and capped with +N more', () => {
    renderPanel(SATURATED_FLEET, { maxInstances: 2 });
    const list = screen.getByRole('table', { name: 'instances by pod, worst first' });
    const rows = within(list).getAllByTestId('kv-queue-instance-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(`${PODS[1]}96.5%647`);
    expect(rows[1]).toHaveTextContent(`${PODS[0]}62.0%390`);
    expect(screen.getByTestId('kv-queue-more')).toHaveTextContent('+1 more');
  });

  test('max instances 0 hides the list', () => {
    renderPanel(SATURATED_FLEET, { maxInstances: 0 });
    expect(screen.queryByTestId('kv-queue-instances')).not.toBeInTheDocument();
  });

  test('value over range max shows the peaks', () => {
    renderPanel(
      {
        ...SATURATED_FLEET,
        waiting: [
          [0, 0],
          [9, 1],
          [0, 0],
        ],
      },
      { valueOverRange: 'max' },
    );
    expect(screen.getByTestId('kv-queue-waiting')).toHaveTextContent('9');
  });

  test('value over range mean shows averages with a decimal', () => {
    renderPanel(SATURATED_FLEET, { valueOverRange: 'mean' });
    expect(screen.getByTestId('kv-queue-waiting')).toHaveTextContent('4.8');
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('93.1%');
  });

  test('percent input is accepted when configured', () => {
    const percent = SATURATED_FLEET.kv.map((pod) => pod.map((v) => v * 100));
    renderPanel({ ...SATURATED_FLEET, kv: percent }, { kvScale: 'percent' });
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('96.5%');
  });

  test('percent input with the fraction setting says what to change instead of showing 9650 %', () => {
    const percent = SATURATED_FLEET.kv.map((pod) => pod.map((v) => v * 100));
    renderPanel({ ...SATURATED_FLEET, kv: percent });
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('–');
    expect(screen.getByTestId('kv-queue-messages')).toHaveTextContent(
      'the kv query looks like percent, so set "KV unit" to percent (0–100)',
    );
  });

  test('decimal places apply to the KV percentages', () => {
    renderPanel(SATURATED_FLEET, { decimalPlaces: 0 });
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('97%');
  });

  test('sparklines for KV and waiting are drawn when enabled', () => {
    const { unmount } = renderPanel(SATURATED_FLEET);
    expect(screen.queryByTestId('kv-queue-sparklines')).not.toBeInTheDocument();
    unmount();
    renderPanel(SATURATED_FLEET, { sparklines: true });
    const kvLine = screen.getByRole('img', { name: 'worst KV usage over time' });
    expect(kvLine.querySelector('path')?.getAttribute('d')).toMatch(
      /^M0\.0 [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+$/,
    );
    expect(screen.getByRole('img', { name: 'waiting requests over time' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'running requests over time' })).not.toBeInTheDocument();
  });

  test('the running sparkline is the fleet total per step, drawn beside the waiting one', () => {
    renderPanel(SATURATED_FLEET, { sparklines: true, runningSparkline: true });
    const row = screen.getByTestId('kv-queue-sparklines');
    // Captions in order: running sits next to waiting, as the seed's Running/Waiting Over Time pair.
    expect(row).toHaveTextContent(/^KV.*running.*waiting/);
    const running = screen.getByRole('img', { name: 'running requests over time' });
    // Totals 133, 137, 140, 139 on a 0–140 scale; 12 rows leave spare height, and three lines share 480 − 16 px
    // less a 48 px caption each (106 px), so each line grows to a third of that: 35 px tall.
    expect(running).toHaveAttribute('height', '35');
    const y = [133, 137, 140, 139].map((v) => (34 - (v / 140) * 33).toFixed(1));
    expect(running.querySelector('path')?.getAttribute('d')).toBe(
      `M0.0 ${y[0]}L33.3 ${y[1]}L66.7 ${y[2]}L100.0 ${y[3]}`,
    );
    expect(running.querySelector('title')).toHaveTextContent('running requests over time, 133 to 140');
    expect(running.querySelector('path')).toHaveAttribute('stroke', createTheme().palette.primary.main);
  });

  test('the running sparkline can be shown without the KV and waiting ones', () => {
    renderPanel(SATURATED_FLEET, { runningSparkline: true });
    expect(screen.getByRole('img', { name: 'running requests over time' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'waiting requests over time' })).not.toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'worst KV usage over time' })).not.toBeInTheDocument();
  });

  test('without a running query there is no running sparkline (not a line of zeros)', () => {
    renderPanel(
      { kv: SATURATED_FLEET.kv, waiting: SATURATED_FLEET.waiting },
      { sparklines: true, runningSparkline: true },
    );
    expect(screen.queryByRole('img', { name: 'running requests over time' })).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'waiting requests over time' })).toBeInTheDocument();
  });

  test('a missing role is named and the rest is still shown', () => {
    renderPanel({ kv: SATURATED_FLEET.kv, running: SATURATED_FLEET.running });
    expect(screen.getByTestId('kv-queue-messages')).toHaveTextContent(
      'Missing waiting: no result for query 3 (waiting): it failed or is still loading (see the panel header)',
    );
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('96.5%');
    expect(screen.getByTestId('kv-queue-running')).toHaveTextContent('139');
    expect(screen.getByTestId('kv-queue-waiting')).toHaveTextContent('–');
    expect(screen.getByTestId('kv-queue-verdict')).toHaveTextContent('Unknown');
  });

  test('a failed query (dropped by Perses) is reported as such while the others render', () => {
    renderPanel({ running: SATURATED_FLEET.running, waiting: SATURATED_FLEET.waiting });
    expect(screen.getByTestId('kv-queue-messages')).toHaveTextContent(
      'Missing kv: no result for query 1 (kv): it failed or is still loading',
    );
    expect(screen.getByTestId('kv-queue-waiting')).toHaveTextContent('7');
  });

  test('no data: every query returned no series', () => {
    renderPanel({ kv: [], running: [], waiting: [] });
    const box = screen.getByTestId('kv-queue-no-data');
    expect(box).toHaveTextContent('No data');
    expect(box).toHaveTextContent('query 1 (kv) returned no series: check the metric name and the $model_name filter');
  });

  test('NaN from the engine is shown as NaN and explained, not as a number', () => {
    renderPanel({
      kv: [
        [0.5, NaN],
        [0.7, NaN],
        [0.6, NaN],
      ],
      running: [[3], [4], [5]],
      waiting: [[0], [0], [0]],
    });
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('NaN');
    expect(screen.getByText(/the engine reported NaN/)).toBeInTheDocument();
    expect(screen.queryByTestId('kv-value-arc')).not.toBeInTheDocument();
  });

  test('3 grid rows: compact single line without list or bar', () => {
    renderPanel(SATURATED_FLEET, {}, { width: 480, height: 60 });
    expect(screen.getByTestId('kv-queue-panel')).toHaveAttribute('data-layout', 'compact');
    expect(screen.queryByTestId('kv-queue-instances')).not.toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveTextContent('96.5%');
    expect(screen.getByTestId('kv-queue-waiting')).toHaveTextContent('7');
  });

  test('12 grid rows: full layout with every instance row that fits', () => {
    renderPanel(SATURATED_FLEET, {}, { width: 600, height: 330 });
    expect(screen.getByTestId('kv-queue-panel')).toHaveAttribute('data-layout', 'full');
    expect(screen.getAllByTestId('kv-queue-instance-row')).toHaveLength(3);
  });

  test('6 grid rows: the rows that fit, then +N more listing the hidden instances in its tooltip', () => {
    renderPanel(SATURATED_FLEET, {}, { width: 480, height: 170 });
    expect(screen.getByTestId('kv-queue-panel')).toHaveAttribute('data-layout', 'full');
    const rows = screen.getAllByTestId('kv-queue-instance-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(PODS[1]);
    const more = screen.getByTestId('kv-queue-more');
    expect(more).toHaveTextContent('+2 more');
    expect(more).toHaveAttribute(
      'title',
      `${PODS[0]}: KV 62.0%, running 39, waiting 0\n${PODS[2]}: KV 60.0%, running 36, waiting 0`,
    );
  });

  test('6 grid rows with sparklines: no room for a row, and the panel says so instead of dropping the list', () => {
    renderPanel(SATURATED_FLEET, { sparklines: true, runningSparkline: true }, { width: 480, height: 170 });
    expect(screen.queryByTestId('kv-queue-instance-row')).not.toBeInTheDocument();
    const line = screen.getByTestId('kv-queue-more');
    expect(line).toHaveTextContent('3 pods not listed: panel too short');
    expect(line.getAttribute('title')?.split('\n')).toEqual([
      `${PODS[1]}: KV 96.5%, running 64, waiting 7`,
      `${PODS[0]}: KV 62.0%, running 39, waiting 0`,
      `${PODS[2]}: KV 60.0%, running 36, waiting 0`,
    ]);
  });

  test('7 grid rows: all three instances fit and nothing is said to be hidden', () => {
    renderPanel(SATURATED_FLEET, {}, { width: 480, height: 200 });
    expect(screen.getAllByTestId('kv-queue-instance-row')).toHaveLength(3);
    expect(screen.queryByTestId('kv-queue-more')).not.toBeInTheDocument();
  });

  test('a long fleet: the tooltip of +N more lists 25 instances and counts the rest', () => {
    const many = (samples: Samples[], n: number) => Array.from({ length: n }, (_, i) => samples[i % samples.length]);
    const pods = Array.from({ length: 40 }, (_, i) => `pod-${String(i).padStart(2, '0')}`);
    const data = {
      kv: many(SATURATED_FLEET.kv, 40),
      running: many(SATURATED_FLEET.running, 40),
      waiting: many(SATURATED_FLEET.waiting, 40),
    };
    renderPanel(data, {}, { width: 480, height: 330 }, 'light', pods);
    expect(screen.getAllByTestId('kv-queue-instance-row')).toHaveLength(5);
    const more = screen.getByTestId('kv-queue-more');
    expect(more).toHaveTextContent('+35 more');
    const lines = more.getAttribute('title')!.split('\n');
    expect(lines).toHaveLength(26);
    expect(lines[25]).toBe('… and 10 more');
  });

  test('renders in the dark theme with dark text colours', () => {
    renderPanel({ ...SATURATED_FLEET, waiting: [[0], [0], [0]] }, {}, undefined, 'dark');
    const dark = createTheme({ palette: { mode: 'dark' } });
    expect(screen.getByTestId('kv-queue-verdict')).toHaveStyle({ color: dark.palette.success.main });
  });

  test('the KV headline in a threshold step keeps its hue and meets WCAG AA on the panel, in both themes', () => {
    for (const mode of ['light', 'dark'] as const) {
      // 84 % is in the warning step: the palette's yellow, 1.5:1 on white.
      const { unmount } = renderPanel({ ...SATURATED_FLEET, kv: [[0.5], [0.84], [0.5]] }, {}, undefined, mode);
      const headline = screen.getByTestId('kv-queue-kv-max');
      const color = parseColor(getComputedStyle(headline).color)!;
      const background = parseColor(createTheme({ palette: { mode } }).palette.background.default)!;
      const fontSize = parseFloat(getComputedStyle(headline).fontSize);
      expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(requiredContrast(fontSize, 700));
      expect(color[0]).toBeGreaterThan(color[2] + 60); // still amber, not grey
      unmount();
    }
  });

  test('a KV value below every step is neutral text (the arc keeps the palette colour)', () => {
    renderPanel({ ...SATURATED_FLEET, kv: [[0.3], [0.4], [0.35]] });
    expect(screen.getByTestId('kv-queue-kv-max')).toHaveStyle({ color: createTheme().palette.text.primary });
    expect(screen.getByTestId('kv-value-arc')).toHaveAttribute('stroke', testChartsTheme.thresholds.defaultColor);
  });

  test('a new panel without any query lists the three queries to add, with the README section', () => {
    renderInHost(
      <KvQueueGaugePanel
        spec={createInitialKvQueueGaugeOptions()}
        queryResults={[]}
        contentDimensions={{ width: 480, height: 330 }}
      />,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'no-query');
    expect(screen.getAllByTestId('no-query-recipe').map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^max by \(pod\) \(vllm:kv_cache_usage_perc/),
      expect.stringMatching(/^sum by \(pod\) \(vllm:num_requests_running/),
      expect.stringMatching(/^sum by \(pod\) \(vllm:num_requests_waiting/),
    ]);
    expect(status).toHaveTextContent('VllmKvQueueGauge › Queries and roles');
    expect(screen.queryByText('No data')).not.toBeInTheDocument();
  });
});

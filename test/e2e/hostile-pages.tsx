// A static page of both panels fed hostile label values (markup, a 10 KB value, right-to-left text, 500 groups),
// rendered with the real components for hostile-labels.test.ts to open in Chromium.
import { ThemeProvider } from '@mui/material';
import { ChartsProvider, generateChartsTheme, getTheme } from '@perses-dev/components';
import { TimeSeries } from '@perses-dev/core';
import { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

import { roleResult } from '../../src/panels/kv-queue-gauge/kv-queue-fixtures';
import { KvQueueGaugeSpec } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-spec';
import { KvQueueGaugePanel } from '../../src/panels/kv-queue-gauge/KvQueueGaugePanel';
import { histogramSeries, TTFT_BOUNDS } from '../../src/panels/latency-quad/latency-quad-fixtures';
import { LatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-spec';
import { LatencyQuadPanel } from '../../src/panels/latency-quad/LatencyQuadPanel';

export const MARKUP = '<b id="injected">bold</b><img src=x onerror="window.__injected=1">';
export const LONG = 'L'.repeat(10_240);
const RTL = 'מודל\u202Eabc';

export interface HostileScene {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly element: ReactElement;
}

function quad(models: string[]): ReactElement {
  const series: TimeSeries[] = models.flatMap((model, i) =>
    histogramSeries({
      bounds: TTFT_BOUNDS,
      labels: { model_name: model },
      median: 0.05 * (1 + (i % 7)),
      sigma: 0.6,
      requestRate: 5,
      steps: 4,
      withSum: true,
    }),
  );
  return (
    <LatencyQuadPanel
      spec={{ groups: { nameFormat: '{{model_name}}' } } as LatencyQuadSpec}
      queryResults={[
        { definition: { kind: 'TimeSeriesQuery', spec: { plugin: { kind: 'x', spec: {} } } }, data: { series } },
      ]}
      contentDimensions={{ width: 480, height: 240 }}
    />
  );
}

function kv(pods: string[]): ReactElement {
  const perPod = (value: (i: number) => number) => pods.map((_, i) => [value(i)]);
  const results = [
    roleResult(
      'kv',
      perPod((i) => (i % 10) / 10),
      pods,
    ),
    roleResult(
      'running',
      perPod((i) => i % 5),
      pods,
    ),
    roleResult(
      'waiting',
      perPod((i) => i % 3),
      pods,
    ),
  ];
  return (
    <KvQueueGaugePanel
      spec={{} as KvQueueGaugeSpec}
      queryResults={results as never}
      contentDimensions={{ width: 480, height: 330 }}
    />
  );
}

const many = Array.from({ length: 500 }, (_, i) => `group-${i}`);

export const HOSTILE_SCENES: readonly HostileScene[] = [
  { name: 'quad markup', width: 480, height: 240, element: quad([MARKUP, RTL]) },
  { name: 'quad 10 KB', width: 480, height: 240, element: quad([LONG, 'short']) },
  { name: 'quad 500 groups', width: 480, height: 240, element: quad(many) },
  { name: 'kv markup', width: 480, height: 330, element: kv([MARKUP, RTL, 'pod-a']) },
  { name: 'kv 10 KB', width: 480, height: 330, element: kv([LONG, 'pod-a']) },
  { name: 'kv 500 groups', width: 480, height: 330, element: kv(many) },
];

export function hostilePage(): string {
  const theme = getTheme('light');
  const body = renderToString(
    <ThemeProvider theme={theme}>
      <ChartsProvider chartsTheme={generateChartsTheme(theme, {})}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, padding: 16, alignItems: 'flex-start' }}>
          {HOSTILE_SCENES.map((scene) => (
            <section key={scene.name} data-scene={scene.name} style={{ padding: 4 }}>
              <div data-box style={{ width: scene.width, height: scene.height, overflow: 'hidden' }}>
                {scene.element}
              </div>
            </section>
          ))}
        </div>
      </ChartsProvider>
    </ThemeProvider>,
  );
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">${body}</body></html>`;
}

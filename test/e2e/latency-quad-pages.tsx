// Static pages of the VllmLatencyQuad panel at the sizes dashboards give it (a third of a 1000/1500 px wide
// dashboard, half, full width at 3 grid rows, 1×4 / 2×2 / 4×1 single histograms), light and dark, for a real
// browser to lay out: rendered with react-dom/server, styled by emotion's inline SSR styles, set in Lato (the
// Perses theme font) from @fontsource/lato. No Perses server needed.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { ThemeProvider } from '@mui/material';
import { ChartsProvider, generateChartsTheme, getTheme } from '@perses-dev/components';
import { TimeSeries } from '@perses-dev/core';
import { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

import {
  histogramSeries,
  ITL_BOUNDS,
  REQUEST_LATENCY_BOUNDS,
  TTFT_BOUNDS,
} from '../../src/panels/latency-quad/latency-quad-fixtures';
import { LatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-spec';
import { LatencyQuadPanel } from '../../src/panels/latency-quad/LatencyQuadPanel';

export interface QuadScene {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly series: TimeSeries[];
  readonly spec?: Partial<LatencyQuadSpec>;
}

const MODELS = ['llama-3.1-8b-instruct', 'qwen2.5-7b-instruct', 'mistral-7b-instruct-v0.3'];
const byModel = { groups: { nameFormat: '{{model_name}}' } };

/** One latency family per model, medians as on the bundled dashboards' live stack (ITL reads "25.4ms"). */
function family(bounds: readonly number[], median: number, models: number, sigma = 0.6): TimeSeries[] {
  return MODELS.slice(0, models).flatMap((model, i) =>
    histogramSeries({
      bounds,
      labels: { model_name: model },
      median: median * (1 + 0.04 * i),
      sigma,
      requestRate: 4 + i,
      steps: 10,
      withSum: true,
    }),
  );
}

const itl2 = family(ITL_BOUNDS, 0.023, 2, 0.45);
const ttft2 = family(TTFT_BOUNDS, 0.07, 2, 1.2);
const e2e3 = family(REQUEST_LATENCY_BOUNDS, 4, 3, 0.5);
const single = family(ITL_BOUNDS, 0.023, 1, 0.45).map((s) => ({
  ...s,
  labels: { ...s.labels, model_name: 'llama-3.1-8b-instruct' },
}));
const manyGroups = Array.from({ length: 20 }, (_, i) =>
  histogramSeries({
    bounds: TTFT_BOUNDS,
    labels: { model_name: `model-${i}` },
    median: 0.05 * (i + 1),
    sigma: 0.6,
    requestRate: 5,
    steps: 10,
    withSum: true,
  }),
).flat();

export const QUAD_SCENES: readonly QuadScene[] = [
  { name: 'third of 1500 px, 2 models (dashboard)', width: 470, height: 190, series: itl2, spec: byModel },
  { name: 'third of 1000 px, 2 models', width: 330, height: 200, series: itl2, spec: byModel },
  { name: 'third of 1000 px, TTFT', width: 330, height: 200, series: ttft2, spec: byModel },
  { name: 'half width, 2 models', width: 500, height: 200, series: ttft2, spec: byModel },
  { name: 'full width, 3 models, 150 px', width: 1000, height: 150, series: e2e3, spec: byModel },
  { name: '3 grid rows, 2 models', width: 1000, height: 70, series: itl2, spec: byModel },
  { name: '3 grid rows, third, 2 models', width: 330, height: 70, series: itl2, spec: byModel },
  {
    name: 'SLO per model',
    width: 470,
    height: 190,
    series: ttft2,
    spec: { ...byModel, slo: { threshold: 0.1, target: 0.95 } },
  },
  { name: '20 models', width: 480, height: 400, series: manyGroups, spec: byModel },
  { name: 'single, 1×4 wide', width: 900, height: 90, series: single },
  { name: 'single, 2×2 square', width: 330, height: 200, series: single },
  { name: 'single, 4×1 tall', width: 160, height: 400, series: single },
  { name: 'single, 3 grid rows, third', width: 330, height: 70, series: single },
  {
    name: 'single with SLO, narrow',
    width: 200,
    height: 200,
    series: single,
    spec: { slo: { threshold: 0.05, target: 0.99 } },
  },
];

function sceneElement(scene: QuadScene): ReactElement {
  return (
    <LatencyQuadPanel
      spec={(scene.spec ?? {}) as LatencyQuadSpec}
      queryResults={[
        {
          definition: {
            kind: 'TimeSeriesQuery',
            spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query: '' } } },
          },
          data: { series: scene.series },
        },
      ]}
      contentDimensions={{ width: scene.width, height: scene.height }}
    />
  );
}

/** A page with every scene in a panel-sized box, titled like a Perses panel. */
export function quadScenesPage(mode: 'light' | 'dark', root: string): string {
  // The Perses app theme (Lato, its palette), as dashboards render panels.
  const theme = getTheme(mode);
  const chartsTheme = generateChartsTheme(theme, {});
  const lato = (weight: number) =>
    pathToFileURL(join(root, 'node_modules', '@fontsource', 'lato', 'files', `lato-latin-${weight}-normal.woff2`)).href;
  const body = renderToString(
    <ThemeProvider theme={theme}>
      <ChartsProvider chartsTheme={chartsTheme}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, padding: 16, alignItems: 'flex-start' }}>
          {QUAD_SCENES.map((scene) => (
            <section
              key={scene.name}
              data-scene={scene.name}
              style={{ border: `1px solid ${theme.palette.divider}`, padding: 4 }}
            >
              <div style={{ fontSize: 12, marginBottom: 4, color: theme.palette.text.secondary }}>
                {scene.name} — {scene.width}×{scene.height}
              </div>
              <div style={{ width: scene.width, height: scene.height }}>{sceneElement(scene)}</div>
            </section>
          ))}
        </div>
      </ChartsProvider>
    </ThemeProvider>,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: Lato; font-weight: 400; src: url(${lato(400)}); }
@font-face { font-family: Lato; font-weight: 700; src: url(${lato(700)}); }
body { margin: 0; font-family: "Lato", sans-serif; background: ${theme.palette.background.default}; color: ${theme.palette.text.primary}; }
</style></head><body>${body}</body></html>`;
}

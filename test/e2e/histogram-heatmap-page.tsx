// Browser entry of the VllmHistogramHeatmap scene page (built by histogram-heatmap-build.ts with rsbuild): every
// scene in both themes, rendered client-side so ECharts draws on real canvases. The page exposes `echarts` (to read
// chart instances) and `window.heatmapBench` (first render and re-render timings for test/bench).

import { ThemeProvider } from '@mui/material';
import { ChartsProvider, generateChartsTheme, getTheme } from '@perses-dev/components';
import * as echarts from 'echarts';
import { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

import { HistogramHeatmapSpec } from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { HistogramHeatmapPanel } from '../../src/panels/histogram-heatmap/HistogramHeatmapPanel';
import { benchScenes } from './histogram-heatmap-bench-data';
import { HEATMAP_SCENES, HeatmapScene } from './histogram-heatmap-scenes';

function Panel({ scene }: { scene: HeatmapScene }): ReactElement {
  return (
    <HistogramHeatmapPanel
      spec={(scene.spec ?? {}) as HistogramHeatmapSpec}
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

function Themed({ mode, children }: { mode: 'light' | 'dark'; children: ReactElement }): ReactElement {
  const theme = getTheme(mode);
  return (
    <ThemeProvider theme={theme}>
      <ChartsProvider chartsTheme={generateChartsTheme(theme, {})}>
        <div data-theme={mode} style={{ background: theme.palette.background.default, padding: 16 }}>
          {children}
        </div>
      </ChartsProvider>
    </ThemeProvider>
  );
}

function ScenesPage(): ReactElement {
  return (
    <>
      {(['light', 'dark'] as const).map((mode) => (
        <Themed key={mode} mode={mode}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
            {HEATMAP_SCENES.map((scene) => (
              <section key={scene.name} data-scene={`${mode}: ${scene.name}`} style={{ padding: 4 }}>
                <div style={{ fontSize: 12, marginBottom: 4, color: mode === 'dark' ? '#ccc' : '#333' }}>
                  {scene.name} — {scene.width}×{scene.height}
                </div>
                <div style={{ width: scene.width, height: scene.height }}>
                  <Panel scene={scene} />
                </div>
              </section>
            ))}
          </div>
        </Themed>
      ))}
    </>
  );
}

/** Renders a bench scene synchronously; returns ms for the first render and the median of re-renders. */
function bench(name: string, rerenders: number): { first: number; rerender: number } {
  const scene = benchScenes().find((s) => s.name === name);
  if (!scene) throw new Error(`no bench scene ${name}`);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const draw = (s: HeatmapScene) =>
    flushSync(() =>
      root.render(
        <Themed mode="light">
          <div style={{ width: s.width, height: s.height }}>
            <Panel scene={s} />
          </div>
        </Themed>,
      ),
    );
  let t = performance.now();
  draw(scene);
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < rerenders; i++) {
    // A dashboard re-render with new data of the same shape (a refresh): new arrays, same numbers.
    const fresh = { ...scene, series: scene.series.map((s) => ({ ...s, values: [...s.values] })) };
    t = performance.now();
    draw(fresh);
    times.push(performance.now() - t);
  }
  root.unmount();
  host.remove();
  times.sort((a, b) => a - b);
  return { first, rerender: times[Math.floor(times.length / 2)] };
}

const w = window as unknown as Record<string, unknown>;
w.echarts = echarts;
w.heatmapBench = bench;
if (!location.hash.includes('bench')) {
  createRoot(document.getElementById('root')!).render(<ScenesPage />);
}

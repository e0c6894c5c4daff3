// Browser entry of the VllmHistogramHeatmap scene page (built by scene-page-build.ts with rsbuild): every
// scene in both themes, rendered client-side so ECharts draws on real canvases. The page exposes `echarts` (to read
// chart instances) and `window.heatmapBench` (first render and re-render timings for test/bench).

import { ThemeProvider } from '@mui/material';
import { ChartsProvider, generateChartsTheme, getTheme } from '@perses-dev/components';
import * as echarts from 'echarts';
import { ReactElement, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

import { HistogramHeatmapSpec } from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { HistogramHeatmapPanel } from '../../src/panels/histogram-heatmap/HistogramHeatmapPanel';
import { benchScenes } from './histogram-heatmap-bench-data';
import { HEATMAP_SCENES, HeatmapScene } from './histogram-heatmap-scenes';

const NO_SPEC = {} as HistogramHeatmapSpec;

// Props keep their identity while the scene's data does, as a Perses dashboard re-render passes them.
function Panel({ scene }: { scene: HeatmapScene }): ReactElement {
  const queryResults = useMemo(
    () => [
      {
        definition: {
          kind: 'TimeSeriesQuery' as const,
          spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query: '' } } },
        },
        data: { series: scene.series },
      },
    ],
    [scene.series],
  );
  const size = useMemo(() => ({ width: scene.width, height: scene.height }), [scene.width, scene.height]);
  return (
    <HistogramHeatmapPanel
      spec={(scene.spec as HistogramHeatmapSpec | undefined) ?? NO_SPEC}
      queryResults={queryResults}
      contentDimensions={size}
    />
  );
}

// Perses themes are made once per mode, as a dashboard does: a new theme object would redraw every chart.
const THEMES = {
  light: { theme: getTheme('light'), charts: generateChartsTheme(getTheme('light'), {}) },
  dark: { theme: getTheme('dark'), charts: generateChartsTheme(getTheme('dark'), {}) },
};

function Themed({ mode, children }: { mode: 'light' | 'dark'; children: ReactElement }): ReactElement {
  const { theme, charts } = THEMES[mode];
  return (
    <ThemeProvider theme={theme}>
      <ChartsProvider chartsTheme={charts}>
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

/** Paints every chart now (ECharts otherwise paints on the next animation frame), so timings include drawing. */
function paintCharts(host: HTMLElement): void {
  for (const canvas of host.querySelectorAll('canvas')) {
    echarts
      .getInstanceByDom(canvas.parentElement!.parentElement as HTMLElement)
      ?.getZr()
      .flush();
  }
}

export interface BenchFigures {
  /** Data → view model → options → painted canvases, on a fresh root. */
  first: number;
  /** Median of re-renders with the same props (a dashboard re-render): memoised, nothing recomputed. */
  rerender: number;
  /** Median of re-renders with new data of the same shape (a refresh): everything recomputed and repainted. */
  refresh: number;
}

/** Renders a bench scene synchronously and times it (ms). */
function bench(name: string, repeats: number): BenchFigures {
  const scene = benchScenes().find((s) => s.name === name);
  if (!scene) throw new Error(`no bench scene ${name}`);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const draw = (s: HeatmapScene) => {
    const t = performance.now();
    flushSync(() =>
      root.render(
        <Themed mode="light">
          <div style={{ width: s.width, height: s.height }}>
            <Panel scene={s} />
          </div>
        </Themed>,
      ),
    );
    paintCharts(host);
    return performance.now() - t;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const first = draw(scene);
  const rerender = median(Array.from({ length: repeats }, () => draw(scene)));
  const refresh = median(
    Array.from({ length: repeats }, () =>
      draw({ ...scene, series: scene.series.map((s) => ({ ...s, values: [...s.values] })) }),
    ),
  );
  root.unmount();
  host.remove();
  return { first, rerender, refresh };
}

const w = window as unknown as Record<string, unknown>;
w.echarts = echarts;
w.heatmapBench = bench;
if (!location.hash.includes('bench')) {
  createRoot(document.getElementById('root')!).render(<ScenesPage />);
}

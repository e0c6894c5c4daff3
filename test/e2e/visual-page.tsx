// Browser entry of the visual regression page (built by scene-page-build.ts with rsbuild): renders one scene of
// visual-scenes.ts, or one panel's options editor, in Perses's own MUI theme (light or dark) and charts theme, set in
// Lato as the Perses app is. The test drives it through `window.visual` so one page serves every scene.

import '@fontsource/lato/400.css';
import '@fontsource/lato/700.css';

import { ThemeProvider } from '@mui/material';
import { ChartsProvider, generateChartsTheme, getTheme } from '@perses-dev/components';
import { ReactElement, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

import { HistogramHeatmapOptionsEditor } from '../../src/panels/histogram-heatmap/HistogramHeatmapOptionsEditor';
import { HistogramHeatmapPanel } from '../../src/panels/histogram-heatmap/HistogramHeatmapPanel';
import { KvQueueGaugeOptionsEditor } from '../../src/panels/kv-queue-gauge/KvQueueGaugeOptionsEditor';
import { KvQueueGaugePanel } from '../../src/panels/kv-queue-gauge/KvQueueGaugePanel';
import { LatencyQuadOptionsEditor } from '../../src/panels/latency-quad/LatencyQuadOptionsEditor';
import { LatencyQuadPanel } from '../../src/panels/latency-quad/LatencyQuadPanel';
import { PanelKind, SIZES, VISUAL_SCENES } from './visual-scenes';

type Mode = 'light' | 'dark';

// Made once per mode, as a dashboard does.
const THEMES = {
  light: { theme: getTheme('light'), charts: generateChartsTheme(getTheme('light'), {}) },
  dark: { theme: getTheme('dark'), charts: generateChartsTheme(getTheme('dark'), {}) },
};

function Themed({ mode, children }: { mode: Mode; children: ReactElement }): ReactElement {
  const { theme, charts } = THEMES[mode];
  return (
    <ThemeProvider theme={theme}>
      <ChartsProvider chartsTheme={charts}>{children}</ChartsProvider>
    </ThemeProvider>
  );
}

/* eslint-disable @typescript-eslint/no-explicit-any -- scenes carry specs of three panels */
const PANELS: Record<PanelKind, (props: any) => ReactElement> = {
  quad: LatencyQuadPanel,
  gauge: KvQueueGaugePanel,
  heatmap: HistogramHeatmapPanel,
};
const EDITORS: Record<PanelKind, (props: any) => ReactElement> = {
  quad: LatencyQuadOptionsEditor,
  gauge: KvQueueGaugeOptionsEditor,
  heatmap: HistogramHeatmapOptionsEditor,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const root = createRoot(document.getElementById('root')!);

/** Renders a scene: the panel body at its content size, on the panel background (a Perses panel is a Card). */
function renderScene(id: string, mode: Mode): { width: number; height: number } {
  const scene = VISUAL_SCENES.find((s) => s.id === id);
  if (!scene) throw new Error(`no scene ${id}`);
  const { width, height } = SIZES[scene.size];
  const Panel = PANELS[scene.panel];
  const queryResults = scene.queryResults();
  const definition = { kind: 'Panel', spec: { queries: queryResults.map((r) => r.definition) } };
  const { palette, typography } = THEMES[mode].theme;
  const background = palette.background.default;
  document.body.style.background = background;
  flushSync(() =>
    root.render(
      <Themed mode={mode}>
        {/* A Perses panel is a Card: the theme's default background and primary text colour. */}
        <div
          data-testid="visual-panel"
          style={{
            width,
            height,
            background,
            color: palette.text.primary,
            // The Perses app sets its font on the body (CssBaseline); plain elements inherit it.
            fontFamily: typography.fontFamily,
            overflow: 'hidden',
            position: 'relative',
          }}
        >
          <Panel
            key={`${id}-${mode}`}
            spec={scene.spec}
            queryResults={queryResults}
            definition={definition}
            contentDimensions={{ width, height }}
          />
        </div>
      </Themed>,
    ),
  );
  return { width, height };
}

/** The editor keeps its own state, so a change made in the browser shows as in the Perses panel editor. */
function Editor({ panel }: { panel: PanelKind }): ReactElement {
  const [value, setValue] = useState<Record<string, unknown>>({});
  const Component = EDITORS[panel];
  return <Component value={value} onChange={setValue} />;
}

/** Renders a panel's Settings tab at the width of Perses's panel editor on a 1920 px screen. */
function renderEditor(panel: PanelKind, mode: Mode): void {
  const { theme } = THEMES[mode];
  document.body.style.background = theme.palette.background.default;
  flushSync(() =>
    root.render(
      <Themed mode={mode}>
        <div
          data-testid="visual-editor"
          style={{
            width: 1200,
            padding: 16,
            background: theme.palette.background.default,
            color: theme.palette.text.primary,
            fontFamily: theme.typography.fontFamily,
          }}
        >
          <Editor key={`${panel}-${mode}`} panel={panel} />
        </div>
      </Themed>,
    ),
  );
}

const w = window as unknown as Record<string, unknown>;
w.visual = { renderScene, renderEditor, scenes: VISUAL_SCENES.map((s) => s.id) };

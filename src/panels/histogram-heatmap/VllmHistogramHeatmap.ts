// The VllmHistogramHeatmap PanelPlugin: wiring only. The exposed module `./VllmHistogramHeatmap` must name-export it.

import { PanelPlugin } from '@perses-dev/plugin-system';

import { createInitialHistogramHeatmapOptions, HistogramHeatmapSpec } from './histogram-heatmap-spec';
import { HistogramHeatmapOptionsEditor } from './HistogramHeatmapOptionsEditor';
import { HistogramHeatmapPanel, HistogramHeatmapPanelProps } from './HistogramHeatmapPanel';

export const VllmHistogramHeatmap: PanelPlugin<HistogramHeatmapSpec, HistogramHeatmapPanelProps> = {
  PanelComponent: HistogramHeatmapPanel,
  panelOptionsEditorComponents: [{ label: 'Settings', content: HistogramHeatmapOptionsEditor }],
  supportedQueryTypes: ['TimeSeriesQuery'],
  createInitialOptions: createInitialHistogramHeatmapOptions,
};

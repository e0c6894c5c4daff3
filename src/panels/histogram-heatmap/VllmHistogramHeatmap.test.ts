import { createInitialHistogramHeatmapOptions } from './histogram-heatmap-spec';
import { VllmHistogramHeatmap } from './VllmHistogramHeatmap';

test('the plugin object: panel, settings editor, time series queries, defaults', () => {
  expect(VllmHistogramHeatmap.supportedQueryTypes).toEqual(['TimeSeriesQuery']);
  expect(VllmHistogramHeatmap.panelOptionsEditorComponents?.map((c) => c.label)).toEqual(['Settings']);
  expect(VllmHistogramHeatmap.createInitialOptions?.()).toEqual(createInitialHistogramHeatmapOptions());
});

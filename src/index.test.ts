import * as publicEntry from './index';

describe('package entry', () => {
  it('exports the plugins, their per-panel defaults and the Prometheus-exact histogram functions, nothing internal', () => {
    expect(Object.keys(publicEntry).sort()).toEqual([
      'VllmHistogramHeatmap',
      'VllmKvQueueGauge',
      'VllmLatencyQuad',
      'createInitialHistogramHeatmapOptions',
      'createInitialKvQueueGaugeOptions',
      'createInitialLatencyQuadOptions',
      'getPluginModule',
      'groupBucketSeries',
      'histogramQuantile',
      'quantilesPerStep',
      'rangeAttainment',
      'rangeQuantile',
      'sloAttainment',
    ]);
  });
});

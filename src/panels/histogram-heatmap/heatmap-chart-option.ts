// View model → ECharts option, one chart per histogram. Pure: the numbers are already computed (view model),
// this only places them. Both modes draw on a hidden value axis where bucket row i spans [i, i + 1] (equal-height
// rows) or the bucket's true extent (linear), so cells, quantile lines and markers share one geometry.

import { formatValue } from '@perses-dev/core';

import { HeatmapPalette } from './heatmap-colors';
import { equalRowPosition, linearRowExtent } from './heatmap-geometry';
import { HeatmapHistogram } from './heatmap-view-model';
import { HistogramHeatmapSpec } from './histogram-heatmap-spec';

// ECharts option objects are loosely typed; this is the subset the panel builds.
type Option = Record<string, unknown>;

export interface ChartTheme {
  readonly palette: HeatmapPalette;
  readonly text: string;
  readonly grid: string;
}

const percent = (v: number) => (Number.isFinite(v) ? `${Number((v * 100).toPrecision(4))} %` : '—');
const number = (v: number) => (Number.isFinite(v) ? `${Number(v.toPrecision(6))}` : '—');

export function cellText(cellValue: HistogramHeatmapSpec['cellValue'], v: number): string {
  if (cellValue === 'share') return percent(v);
  return cellValue === 'rate' ? `${number(v)}/s` : number(v);
}

function rowExtent(h: HeatmapHistogram, spec: HistogramHeatmapSpec, i: number): [number, number] {
  return spec.yScale === 'linear' ? linearRowExtent(h.bounds, i) : [i, i + 1];
}

/** Each row's drawn extent and the bucket axis's range, in the series' coordinates. */
export function rowGeometry(
  h: HeatmapHistogram,
  spec: HistogramHeatmapSpec,
): { extents: Array<[number, number]>; min: number; max: number } {
  const extents = h.rows.map((_, i) => rowExtent(h, spec, i));
  return { extents, min: extents[0][0], max: extents[extents.length - 1][1] };
}

/** The step the query ran at, in ms (a minute when a single step cannot tell). */
export function stepMsOf(h: HeatmapHistogram): number {
  return Number.isFinite(h.stepSeconds) ? h.stepSeconds * 1000 : 60_000;
}

/** The bucket row at a position on the bucket axis, or -1 outside the rows. */
export function rowAt(h: HeatmapHistogram, spec: HistogramHeatmapSpec, position: number): number {
  for (let i = 0; i < h.rows.length; i++) {
    const [lo, hi] = rowExtent(h, spec, i);
    if (position >= lo && position < hi) return i;
  }
  return -1;
}

/** The step whose column holds time t, or -1. */
export function stepAt(h: HeatmapHistogram, t: number): number {
  const stepMs = stepMsOf(h);
  const ts = h.timestamps;
  let lo = 0;
  let hi = ts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] > t) hi = mid - 1;
    else if (ts[mid] + stepMs <= t) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** What the hover box says about one cell: bucket range, time, share and count. */
export function cellTooltip(h: HeatmapHistogram, step: number, row: number, time: string): string[] {
  const cell = step * h.rows.length + row;
  return [`${h.rows[row].range} · ${time}`, `share ${percent(h.shares[cell])}`, `count ${number(h.counts[cell])}`];
}

function valuePosition(h: HeatmapHistogram, spec: HistogramHeatmapSpec, v: number): number {
  return spec.yScale === 'linear' ? v : equalRowPosition(v, h.bounds);
}

/**
 * The bucket axis: index 0 is what the series draw on (row i spans [i, i + 1], or the true bounds when linear);
 * with equal rows a category axis over the same extent shows each row's label at the row's centre.
 */
function rowAxes(
  h: HeatmapHistogram,
  spec: HistogramHeatmapSpec,
  theme: ChartTheme,
  position: 'left' | 'bottom',
): Option[] {
  const n = h.rows.length;
  if (spec.yScale === 'linear') {
    const [min] = linearRowExtent(h.bounds, 0);
    const [, max] = linearRowExtent(h.bounds, n - 1);
    return [
      {
        type: 'value',
        position,
        min,
        max,
        axisLabel: { color: theme.text, hideOverlap: true, formatter: (v: number) => formatValue(v, spec.format) },
        splitLine: { show: false },
      },
    ];
  }
  return [
    { type: 'value', min: 0, max: n, show: false },
    {
      type: 'category',
      position,
      data: h.rows.map((r) => r.label),
      boundaryGap: true,
      axisLabel: { color: theme.text, hideOverlap: true },
      axisTick: { show: false },
      splitLine: { show: false },
    },
  ];
}

/**
 * The over-time chart. `cells` is the bitmap of the cells (heatmap-cells-image.ts), drawn as one image across the
 * plot: from the first step to the end of the last one, over the bucket axis's range.
 */
export function overTimeOption(
  h: HeatmapHistogram,
  spec: HistogramHeatmapSpec,
  theme: ChartTheme,
  cells: unknown,
  compact = false,
): Option {
  const stepMs = stepMsOf(h);
  const { min, max } = rowGeometry(h, spec);
  const first = h.timestamps[0];
  const end = h.timestamps[h.timestamps.length - 1] + stepMs;
  const lines = h.lines.map((line, k) => ({
    type: 'line',
    name: line.label,
    showSymbol: false,
    connectNulls: false,
    z: 3,
    lineStyle: { width: 1.5, color: theme.palette.lines[k % theme.palette.lines.length] },
    itemStyle: { color: theme.palette.lines[k % theme.palette.lines.length] },
    data: Array.from(h.timestamps, (t, step) => {
      const v = line.values[step];
      return [t, Number.isNaN(v) ? null : valuePosition(h, spec, v), v];
    }),
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        `${line.label} ${new Date(p.value[0]).toISOString().replace('.000Z', 'Z')}<br/>${formatValue(p.value[2], spec.format)}`,
    },
  }));
  return {
    animation: false,
    // Compact (a short chart, e.g. one of several small multiples): the colour legend gives its room to the rows.
    grid: { left: 8, right: 8, top: 24, bottom: compact ? 4 : 40, containLabel: true },
    legend: {
      show: lines.length > 0,
      top: 0,
      right: 0,
      textStyle: { color: theme.text },
      data: lines.map((l) => l.name),
    },
    tooltip: { trigger: 'item', confine: true },
    xAxis: {
      type: 'time',
      min: first,
      max: end,
      axisLabel: { color: theme.text, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: rowAxes(h, spec, theme, 'left'),
    visualMap: {
      show: !compact,
      type: 'continuous',
      seriesIndex: 0,
      dimension: 2,
      min: 0,
      max: h.maxCell > 0 ? h.maxCell : 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      itemWidth: 10,
      calculable: false,
      textStyle: { color: theme.text },
      // The scale's ends, written out: high on the right, low on the left.
      text: [cellText(spec.cellValue, h.maxCell > 0 ? h.maxCell : 1), cellText(spec.cellValue, 0)],
      inRange: { color: [...theme.palette.scale] },
    },
    series: [
      {
        type: 'custom',
        name: 'buckets',
        z: 2,
        silent: true,
        // One datum carrying the colour scale's range, so the visualMap (the colour legend) has a series to read.
        data: [[first, min, 0]],
        renderItem: (_params: unknown, api: CustomApi) => {
          const [x0, y0] = api.coord([first, min]);
          const [x1, y1] = api.coord([end, max]);
          return { type: 'image', style: { image: cells, x: x0, y: y1, width: x1 - x0, height: y0 - y1 } };
        },
      },
      ...lines,
    ],
  };
}

interface CustomApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  visual(name: string): string;
}

export function distributionOption(h: HeatmapHistogram, spec: HistogramHeatmapSpec, theme: ChartTheme): Option {
  const d = h.distribution!;
  const position = (v: number) => valuePosition(h, spec, v);
  const markers = d.markers
    .filter((m) => Number.isFinite(m.value))
    .map((m, k) => ({
      xAxis: position(m.value),
      lineStyle: { color: theme.palette.lines[k % theme.palette.lines.length], type: 'solid' },
      // Along the line, at its top: labels of neighbouring markers do not overlap as they would side by side.
      label: {
        position: 'insideEndTop',
        color: theme.palette.lines[k % theme.palette.lines.length],
        formatter: `${m.label} ${m.clamped ? '≥ ' : ''}${formatValue(m.value, spec.format)}`,
      },
    }));
  if (d.slo) {
    markers.push({
      xAxis: position(d.slo.slo.threshold),
      lineStyle: { color: theme.palette.slo, type: 'dashed' },
      label: {
        position: 'insideMiddleTop',
        color: theme.palette.slo,
        formatter: `≤ ${formatValue(d.slo.slo.threshold, spec.format)}: ${percent(d.slo.attainment)} (target ${percent(d.slo.slo.target)}${d.slo.met ? ', met' : ', missed'})`,
      },
    });
  }
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', confine: true },
    legend: { show: spec.cumulative, top: 0, right: 0, textStyle: { color: theme.text } },
    xAxis: rowAxes(h, spec, theme, 'bottom'),
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { color: theme.text, formatter: percent },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        type: 'custom',
        name: 'share',
        data: Array.from(d.shares, (share, i) => [i, share]),
        renderItem: (params: unknown, api: CustomApi) => {
          const i = api.value(0);
          const [lo, hi] = rowExtent(h, spec, i);
          const bottomLeft = api.coord([lo, 0]);
          const topRight = api.coord([hi, api.value(1)]);
          return {
            type: 'rect',
            shape: {
              x: bottomLeft[0] + 1,
              y: topRight[1],
              width: Math.max(topRight[0] - bottomLeft[0] - 2, 1),
              height: bottomLeft[1] - topRight[1],
            },
            style: { fill: theme.palette.scale[3] },
          };
        },
        tooltip: {
          formatter: (p: { value: [number, number] }) =>
            [
              `${h.rows[p.value[0]].range}`,
              `share ${percent(d.shares[p.value[0]])}`,
              `count ${number(d.counts[p.value[0]])}`,
            ].join('<br/>'),
        },
        markLine: { symbol: 'none', silent: true, data: markers },
      },
      ...(spec.cumulative
        ? [
            {
              type: 'line',
              name: 'cumulative',
              showSymbol: false,
              lineStyle: { color: theme.palette.lines[0] },
              itemStyle: { color: theme.palette.lines[0] },
              data: Array.from(d.cumulative, (c, i) => [rowExtent(h, spec, i)[1], c]),
            },
          ]
        : []),
    ],
  };
}

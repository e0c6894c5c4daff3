// The hover box of the over-time heatmap: the cells are one image, so ECharts cannot say which cell the pointer
// is on; the pointer's pixel is converted back to (time, bucket position) and looked up in the view model.

import { useTimeZone } from '@perses-dev/components';
import { useCallback, useRef, useState } from 'react';

import { stepTimeFormat } from '../../shared/step-time';
import { cellTooltip, rowAt, stepAt } from './heatmap-chart-option';
import { HeatmapHistogram } from './heatmap-view-model';
import { HistogramHeatmapSpec } from './histogram-heatmap-spec';

export interface HoverBox {
  x: number;
  y: number;
  lines: string[];
}

interface ChartLike {
  getZr(): { on(event: string, handler: (e: { offsetX: number; offsetY: number }) => void): void };
  convertFromPixel(finder: { seriesIndex: number }, pixel: number[]): number[] | undefined;
}

export function useCellHover(histogram: HeatmapHistogram, spec: HistogramHeatmapSpec) {
  const [box, setBox] = useState<HoverBox | undefined>(undefined);
  const { timeZone } = useTimeZone();
  // The chart is initialised once; the handler reads the current data through a ref.
  const current = useRef({ histogram, spec, timeZone });
  current.current = { histogram, spec, timeZone };
  const attach = useCallback((chart: unknown) => {
    const c = chart as ChartLike;
    c.getZr().on('mousemove', (e) => {
      const { histogram: h, spec: s, timeZone: zone } = current.current;
      const at = c.convertFromPixel({ seriesIndex: 0 }, [e.offsetX, e.offsetY]);
      const step = at ? stepAt(h, at[0]) : -1;
      const row = at ? rowAt(h, s, at[1]) : -1;
      if (step < 0 || row < 0 || !Number.isFinite(h.cells[step * h.rows.length + row])) {
        setBox(undefined);
        return;
      }
      setBox({
        x: e.offsetX,
        y: e.offsetY,
        lines: cellTooltip(h, step, row, stepTimeFormat(zone)(h.timestamps[step])),
      });
    });
    c.getZr().on('globalout', () => setBox(undefined));
  }, []);
  const clear = useCallback(() => setBox(undefined), []);
  return { box, attach, clear };
}

// The rows an official Perses Table panel (v0.52, @perses-dev/table-plugin 0.8.1) shows for instant query results:
// built as its TablePanel does (one row per series; with several queries, `value #i` and `<label> #i` columns and
// one shared `timestamp`), then put through Perses's own transforms (MergeSeries, JoinByColumnValue, …), so a test
// sees the table a reader sees without a browser.

// CommonJS build of Perses's transforms (the ESM build needs a bundler); types from its .d.ts.
import { transformData } from '@perses-dev/core/dist/cjs/utils/transform-data.js';

import { VectorSample } from './prometheus';

export type TableRow = Record<string, unknown>;

export interface TableTransform {
  kind: 'JoinByColumnValue' | 'MergeColumns' | 'MergeIndexedColumns' | 'MergeSeries';
  spec: Record<string, unknown>;
}

export function tableRows(
  results: ReadonlyArray<readonly VectorSample[]>,
  transforms: TableTransform[] = [],
): TableRow[] {
  const several = results.length > 1;
  const raw = results.flatMap((series, i) =>
    series.map((s) => ({
      timestamp: s.value[0] * 1000,
      [several ? `value #${i + 1}` : 'value']: Number(s.value[1]),
      ...Object.fromEntries(Object.entries(s.metric).map(([k, v]) => [several ? `${k} #${i + 1}` : k, v])),
    })),
  );
  return transformData(raw, transforms as never) as TableRow[];
}

// The panel's data hook: query results → role assignment → view model, memoised per data/spec change, plus the
// messages (missing roles, data problems, notes) the panel lists at the bottom.
import { TimeSeriesData } from '@perses-dev/core';
import { PanelProps } from '@perses-dev/plugin-system';
import { useMemo } from 'react';

import { KvQueueGaugeSpec, resolveKvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { missingRoleMessage } from './kv-queue-messages';
import { buildKvQueueView, KvQueueView } from './kv-queue-view-model';
import { assignQueryRoles } from './query-roles';

export interface PanelMessage {
  key: string;
  text: string;
}

export interface KvQueueData {
  spec: KvQueueGaugeSpec;
  view: KvQueueView;
  messages: PanelMessage[];
  /** Whether any number at all can be shown. */
  hasAnyData: boolean;
}

export function useKvQueueView({
  spec: stored,
  queryResults,
  definition,
}: Pick<PanelProps<KvQueueGaugeSpec>, 'spec' | 'queryResults' | 'definition'>): KvQueueData {
  // The stored spec may change identity without changing content: the memo keys on its content.
  const specKey = JSON.stringify(stored ?? {});
  const spec = useMemo(() => resolveKvQueueGaugeSpec(JSON.parse(specKey)), [specKey]);
  // Likewise the panel's query definitions (only used to match results to roles): a host that rebuilds the panel
  // definition on every render must not make the panel recompute thousands of series on a resize.
  const queriesKey = JSON.stringify(definition?.spec.queries ?? null);
  const queries = useMemo(() => JSON.parse(queriesKey) as unknown[] | null, [queriesKey]);
  return useMemo(() => {
    // supportedQueryTypes is ['TimeSeriesQuery'], so Perses only hands over time-series data.
    const results = queryResults.map((r) => ({
      definition: r.definition,
      data: { series: (r.data as TimeSeriesData).series ?? [] },
    }));
    const assignment = assignQueryRoles(spec.queryRoles, queries ?? undefined, results);
    const view = buildKvQueueView(assignment, spec);
    const messages = [
      ...assignment.missing.map((m) => ({ key: `missing-${m.role}`, text: missingRoleMessage(m.role, m.reason) })),
      ...view.problems.map((p, i) => ({ key: `problem-${i}`, text: p })),
      ...assignment.notes.map((n, i) => ({ key: `note-${i}`, text: n })),
    ];
    const hasAnyData =
      view.kvMax !== null || view.running !== null || view.waiting !== null || view.preemptionsPerSec !== null;
    return { spec, view, messages, hasAnyData };
  }, [spec, queries, queryResults]);
}

// Every PromQL expression of the bundled dashboards parses with Prometheus's grammar after Perses's variable
// interpolation, and follows the PromQL practice the dashboards promise (docs: dashboards/README.md).

import { MetricFamily, VLLM_METRICS } from '../../percli-scripts/stack/vllm-metrics';
import {
  DASHBOARD_FILES,
  dashboardQueries,
  DEFAULT_INTERPOLATION,
  FILTER_VARIABLES,
  interpolate,
  loadDashboard,
} from '../support/dashboard-files';
import {
  binaryOperator,
  findAll,
  functionName,
  groupingLabels,
  operands,
  parsePromQL,
  PromNode,
  selectorParts,
  syntaxErrors,
  walk,
} from './promql-tree';

const all = DASHBOARD_FILES.flatMap((file) => dashboardQueries(file));
/** Metrics without model_name: Prometheus's `up` and vLLM's server-level ones (e.g. lora_requests_info). */
const TARGET_ONLY_METRICS = new Set([
  'up',
  ...Object.values(VLLM_METRICS)
    .filter((m: MetricFamily) => m.scope === 'server')
    .map((m) => m.name),
]);
const panelQueries = all.filter((q) => !q.where.startsWith('variable:'));
const label = (q: { dashboard: string; where: string }) => `${q.dashboard.replace('dashboards/', '')} ${q.where}`;

// Distinct values, so each range window in the interpolated text tells which built-in produced it.
const RATE_WINDOW = `${Math.max(DEFAULT_INTERPOLATION.stepSeconds + DEFAULT_INTERPOLATION.scrapeSeconds, 4 * DEFAULT_INTERPOLATION.scrapeSeconds)}s`;
const RANGE_WINDOW = `${DEFAULT_INTERPOLATION.rangeSeconds}s`;

describe('bundled dashboards: PromQL', () => {
  it('finds the queries of both dashboards', () => {
    expect(panelQueries.filter((q) => q.dashboard.includes('performance')).length).toBeGreaterThanOrEqual(9);
    expect(panelQueries.filter((q) => q.dashboard.includes('query')).length).toBeGreaterThanOrEqual(8);
  });

  it.each(all.map((q) => [label(q), q] as const))('%s parses after variable interpolation', (_, q) => {
    const expr = interpolate(q.expr);
    expect(syntaxErrors(expr)).toEqual([]);
    // Nothing left uninterpolated outside string literals ("$1" in label_replace is a regex back-reference).
    const stringsBlanked = [...walk(parsePromQL(expr))]
      .filter((n) => n.name === 'StringLiteral')
      .reduce((text, n) => text.replace(n.text, '""'), expr);
    expect(stringsBlanked).not.toMatch(/\$/);
  });

  it('the parser rejects a broken expression (the check above can fail)', () => {
    expect(syntaxErrors('sum by (model_name) (rate(vllm:x_total[5m])')).not.toEqual([]);
    expect(syntaxErrors(interpolate('rate(vllm:x_total[$__rate_interval])'))).toEqual([]);
  });

  it.each(all.map((q) => [label(q), q] as const))('%s names no datasource (the project default is used)', (_, q) => {
    expect(q.datasource).toBeUndefined();
  });

  it.each(panelQueries.map((q) => [label(q), q] as const))(
    '%s filters every vLLM selector by all variables',
    (_, q) => {
      const tree = parsePromQL(q.expr.replace(/\[\$__\w+\]/g, '[1m]'));
      const selectors = findAll(tree, 'VectorSelector').map(selectorParts);
      expect(selectors.length).toBeGreaterThan(0);
      for (const { metric, matchers } of selectors) {
        // `up` and vLLM's server-level info metrics carry only target labels; every engine metric also has model_name.
        const expected = TARGET_ONLY_METRICS.has(metric)
          ? FILTER_VARIABLES.filter((v) => v !== 'model_name')
          : FILTER_VARIABLES;
        for (const variable of expected) {
          expect({ metric, [variable]: matchers[variable] }).toEqual({
            metric,
            [variable]: { op: '=~', value: `$${variable}` },
          });
        }
      }
    },
  );

  it.each(panelQueries.map((q) => [label(q), q] as const))(
    '%s uses $__rate_interval in rates and $__range only for whole-range figures',
    (_, q) => {
      expect(q.expr).not.toMatch(/\$__interval\b/);
      // A $__range window in a range query is re-read at every step (the seeds' costliest habit): only tables,
      // which send one instant query, may use it.
      const allowed = q.panelKind === 'Table' ? [RATE_WINDOW, RANGE_WINDOW] : [RATE_WINDOW];
      const tree = parsePromQL(interpolate(q.expr));
      for (const call of findAll(tree, 'FunctionCall')) {
        const name = functionName(call);
        if (name !== 'rate' && name !== 'increase') continue;
        const windows = findAll(call, 'MatrixSelector').map((m) => m.text.slice(m.text.lastIndexOf('[') + 1, -1));
        for (const w of windows)
          expect({ [name]: w }).toEqual({
            [name]: name === 'increase' ? RANGE_WINDOW : allowed.includes(w) ? w : allowed,
          });
        if (name === 'increase') expect(q.panelKind).toBe('Table');
      }
    },
  );

  it.each(panelQueries.map((q) => [label(q), q] as const))(
    '%s guards ratios, aggregates before quantiles, uses vector(0) only on label-free scalars',
    (_, q) => {
      const tree = parsePromQL(interpolate(q.expr));
      for (const node of walk(tree)) {
        if (node.name === 'BinaryExpr' && binaryOperator(node) === '/') {
          const [, denominator] = operands(node);
          expect(isGuardedDenominator(denominator)).toBe(true);
        }
        if (node.name === 'FunctionCall' && functionName(node) === 'histogram_quantile') {
          const aggregate = findAll(node, 'AggregateExpr')[0];
          expect(aggregate && groupingLabels(aggregate)).toContain('le');
        }
        if (node.name === 'FunctionCall' && functionName(node) === 'vector') {
          expect(isLabelFreeFallback(tree, node)).toBe(true);
        }
      }
    },
  );

  it("the structural checks catch the seed dashboards' mistakes", () => {
    const unguarded = parsePromQL('sum(rate(a_sum[1m])) / sum(rate(a_count[1m]))');
    expect(isGuardedDenominator(operands(findAll(unguarded, 'BinaryExpr')[0])[1])).toBe(false);
    const labelled = parsePromQL('sum by (pod) (vllm:num_requests_running) or vector(0)');
    expect(isLabelFreeFallback(labelled, findAll(labelled, 'FunctionCall')[0])).toBe(false);
  });

  it.each(panelQueries.filter((q) => q.panelKind === 'TimeSeriesChart').map((q) => [label(q), q] as const))(
    '%s has a legend naming the model wherever it keeps the model apart',
    (_, q) => {
      const tree = parsePromQL(interpolate(q.expr));
      const perModel = findAll(tree, 'AggregateExpr').some((a) => groupingLabels(a)?.includes('model_name'));
      // A chart that sums over the selected models names what it shows instead.
      expect({ perModel, legend: q.seriesNameFormat }).toEqual({
        perModel,
        legend: perModel ? expect.stringContaining('{{model_name}}') : expect.stringMatching(/\{\{\w+\}\}/),
      });
    },
  );

  it.each(panelQueries.filter((q) => q.panelKind === 'VllmLatencyQuad').map((q) => [label(q), q] as const))(
    '%s gives the Latency Quad buckets by le and the _sum rate for the exact mean, per model',
    (_, q) => {
      const tree = parsePromQL(interpolate(q.expr));
      const aggregates = findAll(tree, 'AggregateExpr').map((a) => ({
        by: groupingLabels(a) ?? [],
        metric: findAll(a, 'VectorSelector').map((s) => selectorParts(s).metric)[0],
      }));
      expect(
        aggregates.some((a) => a.metric.endsWith('_bucket') && a.by.includes('le') && a.by.includes('model_name')),
      ).toBe(true);
      expect(
        aggregates.some((a) => a.metric.endsWith('_sum') && !a.by.includes('le') && a.by.includes('model_name')),
      ).toBe(true);
    },
  );

  it.each(panelQueries.filter((q) => q.panelKind === 'VllmHistogramHeatmap').map((q) => [label(q), q] as const))(
    '%s gives the heatmap one classic histogram: _bucket rates aggregated by le alone',
    (_, q) => {
      const tree = parsePromQL(interpolate(q.expr));
      // The panel computes the quantiles from these buckets, so the aggregation by le must come first, here.
      const aggregates = findAll(tree, 'AggregateExpr');
      expect(aggregates.map((a) => ({ op: a.text.split(/\s|\(/)[0], by: groupingLabels(a) }))).toEqual([
        { op: 'sum', by: ['le'] },
      ]);
      const metrics = findAll(tree, 'VectorSelector').map((s) => selectorParts(s).metric);
      expect(metrics).toHaveLength(1);
      expect(metrics[0]).toMatch(/^vllm:\w+_bucket$/);
      expect(findAll(tree, 'FunctionCall').map(functionName)).toEqual(['rate']);
    },
  );

  it("reads renamed vLLM metrics through fallbacks and the simulator's finish_reason label", () => {
    for (const q of panelQueries) {
      if (q.expr.includes('vllm:kv_cache_usage_perc')) expect(q.expr).toContain('vllm:gpu_cache_usage_perc');
      if (q.expr.includes('vllm:inter_token_latency_seconds_bucket'))
        expect(q.expr).toContain('vllm:time_per_output_token_seconds_bucket');
      if (q.expr.includes('vllm:inter_token_latency_seconds_sum'))
        expect(q.expr).toContain('vllm:time_per_output_token_seconds_sum');
      if (q.expr.includes('finished_reason')) expect(q.expr).toContain('finish_reason');
    }
  });

  it.each(DASHBOARD_FILES.map((f) => [f] as const))(
    '%s: variables are multi-select with an All that also matches missing labels',
    (file) => {
      const variables = loadDashboard(file).spec.variables ?? [];
      expect(variables.map((v) => v.spec.name)).toEqual([...FILTER_VARIABLES]);
      for (const v of variables) {
        expect(v.spec).toMatchObject({ allowAllValue: true, allowMultiple: true, customAllValue: '.*' });
        expect((v.spec.plugin?.spec as { labelName: string }).labelName).toBe(v.spec.name);
      }
    },
  );
});

/** A denominator that cannot divide by zero: a number, or `(… > 0)` so idle periods give no series instead of NaN. */
function isGuardedDenominator(node: PromNode): boolean {
  if (node.name === 'NumberDurationLiteral') return true;
  const inner = node.name === 'ParenExpr' ? node.children[0] : undefined;
  if (!inner || inner.name !== 'BinaryExpr' || binaryOperator(inner) !== '>') return false;
  const [, bound] = operands(inner);
  return bound.text.trim() === '0';
}

/** `X or vector(0)` where X has no labels (an aggregation without `by`), so the 0 adds no stray label-less series. */
function isLabelFreeFallback(tree: PromNode, vectorCall: PromNode): boolean {
  const parent = [...walk(tree)].find(
    (n) => n.name === 'BinaryExpr' && binaryOperator(n) === 'or' && operands(n)[1] === vectorCall,
  );
  if (!parent) return false;
  const [left] = operands(parent);
  return (
    left.name === 'AggregateExpr' &&
    groupingLabels(left) === undefined &&
    !left.children.some((c) => c.name === 'AggregateModifier')
  );
}

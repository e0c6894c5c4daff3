// What the panels should show, asked from Prometheus itself for exactly the query, range and step the browser used.

import type { PromRequest } from './browser';
import { instantQuery, StackInfo, VectorSample } from './stack';

/** A query as the Prometheus plugin sent it: interpolated PromQL, aligned start/end and step (seconds). */
export interface SentQuery {
  query: string;
  start: number;
  end: number;
  step: number;
}

/** Query shape without selectors, ranges and spacing: template and interpolated query compare equal. */
export function queryShape(promql: string): string {
  return promql
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]')
    .replace(/\s+/g, '');
}

/** The range query the browser sent for a panel query template (matched on its shape), or an error naming it. */
export function sentQueryFor(template: string, requests: readonly PromRequest[]): SentQuery {
  const wanted = queryShape(template);
  const hits = requests.filter(
    (r) => r.path === '/api/v1/query_range' && queryShape(r.params.get('query') ?? '') === wanted,
  );
  if (hits.length === 0) throw new Error(`the browser sent no query_range for: ${template}`);
  const last = hits[hits.length - 1].params;
  return {
    query: last.get('query')!,
    start: Number(last.get('start')),
    end: Number(last.get('end')),
    step: Number(last.get('step')),
  };
}

/**
 * `sum_over_time((Q)[range:step])` at `end`: per series, the sum of Q's values at exactly the steps of the range
 * query (start … end every step). Holds because the plugin aligns start and end on multiples of the step (UTC)
 * and Prometheus 2.x subqueries include their left edge.
 */
export function summedOverSteps(sent: SentQuery): string {
  if (sent.start % sent.step !== 0)
    throw new Error(`range start ${sent.start} is not a multiple of the step ${sent.step}: is the browser in UTC?`);
  return `sum_over_time((${sent.query})[${sent.end - sent.start}s:${sent.step}s])`;
}

/** Labels named by a `{{label}}` format, in order. */
export function formatLabels(nameFormat: string): string[] {
  return [...nameFormat.matchAll(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)].map((m) => m[1]);
}

export function formatName(nameFormat: string, labels: Record<string, string>): string {
  return nameFormat.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, l: string) => labels[l] ?? '');
}

/** Per group name: Prometheus's histogram_quantile(q) of the bucket rates summed over the panel's steps. */
export async function referenceQuantiles(
  stack: StackInfo,
  sent: SentQuery,
  q: number,
  nameFormat: string,
): Promise<Map<string, number>> {
  const by = ['le', ...formatLabels(nameFormat)].join(', ');
  const result = await instantQuery(
    stack,
    `histogram_quantile(${q}, sum by (${by}) (${summedOverSteps(sent)}))`,
    sent.end,
  );
  return new Map(result.map((s: VectorSample) => [formatName(nameFormat, s.metric), Number(s.value[1])]));
}

/** Per group name: Σ _sum rate / Σ +Inf bucket rate over the panel's steps (meanInput "sum"), from Prometheus's sums. */
export async function referenceMeans(
  stack: StackInfo,
  sent: SentQuery,
  nameFormat: string,
): Promise<Map<string, number>> {
  const result = await instantQuery(stack, summedOverSteps(sent), sent.end);
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const s of result) {
    const name = formatName(nameFormat, s.metric);
    const target = s.metric.le === undefined ? sums : s.metric.le === '+Inf' ? counts : undefined;
    target?.set(name, (target.get(name) ?? 0) + Number(s.value[1]));
  }
  return new Map(
    [...counts].filter(([, count]) => count > 0).map(([name, count]) => [name, (sums.get(name) ?? NaN) / count]),
  );
}

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  µs: 1e-6,
  us: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86400,
};

/**
 * Parses a tile like "4.23s", "75.2ms", "≥ 2.56m" into seconds with the half-unit of its last digit as the
 * tolerance (what "equal within display precision" means). Undefined when the text is not a number.
 */
export function parseSeconds(text: string): { value: number; tolerance: number; clamped: boolean } | undefined {
  const m = /^(≥\s*)?(-?[\d,]*\.?\d+)\s*(ns|µs|us|ms|s|min|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const digits = m[2].replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const scale = UNIT_SECONDS[m[3]];
  return { value: Number(digits) * scale, tolerance: 0.5 * 10 ** -decimals * scale * (1 + 1e-9), clamped: !!m[1] };
}

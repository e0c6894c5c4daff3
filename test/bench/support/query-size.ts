// Response size of the bundled dashboards' panel queries at fleet size (the bytes/points table of
// test/bench/query-cost.bench.ts): a fleet of `pods` × `engines` (support/fleet-tsdb.ts) in a real Prometheus, each
// Latency Quad and gauge query of dashboards/performance_statistics.yaml sent as Perses sends it for a 900 px panel
// over 1 h, 1 d and 7 d, with the series, points and JSON bytes Prometheus answers and its evaluation time.
//
// The TSDB holds one hour: a longer range is reproduced by asking the hour for the same number of steps Perses
// would ask over that range (support/perses-step.ts). The answer's size depends on series × steps, not on how much
// time the steps span, so points and bytes are those of the real range; only the numbers in them differ.
import { dashboardQueries, DEFAULT_INTERPOLATION, interpolate } from '../../support/dashboard-files';
import { PrometheusHandle, startPrometheus } from '../../support/prometheus';
import { FLEET_SECONDS, FLEET_START, fleetOpenMetrics, FleetShape } from './fleet-tsdb';
import { markdownTable } from './measure';
import { defaultRangeSteps } from './perses-step';

const PANEL_WIDTH = 900;
const RANGES = [
  { label: '1 h', seconds: 3600 },
  { label: '1 d', seconds: 86_400 },
  { label: '7 d', seconds: 7 * 86_400 },
];
const ROUNDS = 5;

interface Answer {
  series: number;
  points: number;
  bytes: number;
  evalMs: number;
}

async function ask(prom: PrometheusHandle, path: string, params: Record<string, string>): Promise<Answer> {
  const evals: number[] = [];
  let last: Answer | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const response = await fetch(`${prom.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, stats: 'all' }),
    });
    const text = await response.text();
    const body = JSON.parse(text);
    if (body.status !== 'success') throw new Error(`${params.query}: ${body.error}`);
    const result = body.data.result as Array<{ values?: unknown[]; value?: unknown }>;
    evals.push(body.data.stats.timings.evalTotalTime * 1000);
    // The size Perses downloads: the answer without the stats this benchmark asked for.
    delete body.data.stats;
    last = {
      series: result.length,
      points: result.reduce((n, s) => n + (s.values ? s.values.length : 1), 0),
      bytes: JSON.stringify(body).length,
      evalMs: 0,
    };
  }
  evals.sort((a, b) => a - b);
  return { ...last!, evalMs: evals[Math.floor(evals.length / 2)] };
}

const kib = (bytes: number) =>
  bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
const count = (n: number) => n.toLocaleString('en-US');

/** Prints the bytes/points table for `fleet`; starts and stops its own Prometheus. */
export async function printQuerySizes(fleet: FleetShape): Promise<void> {
  process.stdout.write(
    `\nquery-size: backfilling ${fleet.pods} pods × ${fleet.engines} engines (${fleet.models} models) into Prometheus…\n`,
  );
  const prom = await startPrometheus({ openMetrics: fleetOpenMetrics(fleet), readyTimeoutMs: 180_000 });
  try {
    const queries = dashboardQueries('dashboards/performance_statistics.yaml').filter(
      (q) => q.where === 'saturation' || q.where === 'e2e_latency',
    );
    const rows: string[][] = [];
    const end = FLEET_START + FLEET_SECONDS;
    for (const range of RANGES) {
      const { stepSeconds, steps } = defaultRangeSteps(range.seconds, PANEL_WIDTH);
      // The hour asked for as many steps as the range gets; $__rate_interval as Perses computes it for a 15 s
      // scrape, floored at 60 s so the 30 s scrapes of the fleet always give rate() two samples.
      const hourStep = FLEET_SECONDS / (steps - 1);
      const how = { ...DEFAULT_INTERPOLATION, stepSeconds: Math.max(hourStep, 45), rangeSeconds: range.seconds };
      for (const [i, q] of queries.entries()) {
        const expr = interpolate(q.expr, how);
        const a = await ask(prom, '/api/v1/query_range', {
          query: expr,
          start: String(FLEET_START),
          end: String(end),
          step: String(hourStep),
        });
        const name = q.where === 'e2e_latency' ? 'Latency Quad (E2E), range query' : `gauge query ${i + 1}, range`;
        rows.push([
          name,
          range.label,
          `${stepSeconds / 60} min`,
          count(a.series),
          count(a.points),
          kib(a.bytes),
          a.evalMs.toFixed(1),
        ]);
      }
      // The alternative for the quad's tiles: one instant evaluation of the whole range, one value per bucket per
      // group (the hour's data stands in for the range; the answer's size does not depend on the window).
      const quad = queries.find((q) => q.where === 'e2e_latency')!;
      const instant = interpolate(quad.expr, { ...DEFAULT_INTERPOLATION, stepSeconds: 15, rangeSeconds: 3600 })
        .replace(/rate\(/g, 'increase(')
        .replace(/\[\d+s\]/g, '[3600s]');
      const a = await ask(prom, '/api/v1/query', { query: instant, time: String(end) });
      rows.push([
        'quad tiles as one instant increase(…[$__range])',
        range.label,
        'instant',
        count(a.series),
        count(a.points),
        kib(a.bytes),
        a.evalMs.toFixed(1),
      ]);
    }
    console.log(
      `\nResponse size at ${fleet.pods} pods × ${fleet.engines} engines, ${fleet.models} models, "All" selected, a ` +
        `${PANEL_WIDTH} px panel (Perses's step for that width); eval = Prometheus evalTotalTime, median of ${ROUNDS}:\n`,
    );
    console.log(markdownTable(['query', 'range', 'step', 'series', 'points', 'JSON bytes', 'eval ms'], rows));
  } finally {
    await prom.stop();
  }
}

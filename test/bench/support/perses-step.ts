// The step the Perses Prometheus plugin asks for (prometheus-plugin 0.53 getTimeSeriesData): the largest of the
// width-based suggestion of the dashboard grid (core's getSuggestedStepMs: range ÷ panel width, rounded to a
// "nice" interval), the query's min step (else the datasource's scrape interval) and range ÷ 10,000.
import { getSuggestedStepMs } from '@perses-dev/core';

/** Scrape interval of dashboards/datasource.yaml (the min step when a query sets none). */
export const DATASOURCE_SCRAPE_SECONDS = 15;

export function persesRangeStep(rangeSeconds: number, panelWidth: number, minStepSeconds = DATASOURCE_SCRAPE_SECONDS) {
  const end = new Date(Date.UTC(2026, 0, 8));
  const suggested = getSuggestedStepMs({ start: new Date(end.getTime() - rangeSeconds * 1000), end }, panelWidth);
  let safe = rangeSeconds / 10_000;
  if (safe > 1) safe = Math.ceil(safe);
  return Math.max(suggested / 1000, minStepSeconds, safe);
}

/** Step and number of points of a range query over `rangeSeconds` for a panel `panelWidth` px wide. */
export function defaultRangeSteps(rangeSeconds: number, panelWidth: number): { stepSeconds: number; steps: number } {
  const stepSeconds = persesRangeStep(rangeSeconds, panelWidth);
  return { stepSeconds, steps: Math.floor(rangeSeconds / stepSeconds) + 1 };
}

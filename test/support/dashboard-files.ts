// The bundled dashboards as data for the suites in this folder: their panels, every PromQL expression they hold
// (panel queries and variable matchers), and those expressions after Perses's own variable interpolation.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Perses's interpolation itself (CommonJS build: no React needed), so the tests see what the browser sends.
import { replaceVariable, replaceVariables } from '@perses-dev/plugin-system/dist/cjs/utils/variables.js';
import YAML from 'yaml';

export const ROOT = join(__dirname, '..', '..');
export const DASHBOARD_FILES = ['dashboards/performance_statistics.yaml', 'dashboards/query_statistics.yaml'] as const;
/** The variables every query must honour. */
export const FILTER_VARIABLES = ['namespace', 'service', 'pod', 'model_name'] as const;

export interface PluginRef {
  kind: string;
  spec: Record<string, unknown>;
}

export interface DashboardResource {
  kind: string;
  metadata: { name: string; project?: string };
  spec: {
    variables?: Array<{ kind: string; spec: { name: string; plugin?: PluginRef } & Record<string, unknown> }>;
    panels: Record<
      string,
      {
        kind: string;
        spec: {
          display: { name: string };
          plugin: PluginRef;
          queries?: Array<{ kind: string; spec: { plugin: PluginRef } }>;
        };
      }
    >;
    layouts: unknown[];
  };
}

export interface DashboardQuery {
  readonly dashboard: string;
  /** Panel id, or `variable:<name>` for a variable's matcher. */
  readonly where: string;
  readonly panelKind?: string;
  readonly expr: string;
  readonly seriesNameFormat?: string;
  readonly datasource?: unknown;
}

export function loadDashboard(file: string): DashboardResource {
  return YAML.parse(readFileSync(join(ROOT, file), 'utf8')) as DashboardResource;
}

export function dashboardQueries(file: string): DashboardQuery[] {
  const d = loadDashboard(file);
  const out: DashboardQuery[] = [];
  for (const v of d.spec.variables ?? []) {
    const spec = v.spec.plugin?.spec as { matchers?: string[]; datasource?: unknown } | undefined;
    for (const m of spec?.matchers ?? []) {
      out.push({ dashboard: file, where: `variable:${v.spec.name}`, expr: m, datasource: spec?.datasource });
    }
  }
  for (const [id, panel] of Object.entries(d.spec.panels)) {
    for (const q of panel.spec.queries ?? []) {
      const spec = q.spec.plugin.spec as { query: string; seriesNameFormat?: string; datasource?: unknown };
      out.push({
        dashboard: file,
        where: id,
        panelKind: panel.spec.plugin.kind,
        expr: spec.query,
        seriesNameFormat: spec.seriesNameFormat,
        datasource: spec.datasource,
      });
    }
  }
  return out;
}

export interface Interpolation {
  /** Value of each dashboard variable: a string is used raw (as "All" → customAllValue), a list as Perses joins it. */
  readonly variables: Record<string, string | string[]>;
  /** Panel step in seconds ($__interval) and the datasource's scrape interval (min step), as Perses computes them. */
  readonly stepSeconds: number;
  readonly scrapeSeconds: number;
  readonly rangeSeconds: number;
}

/** "All" everywhere, a 1 h range at a 15 s step over a 15 s scrape: what a fresh dashboard load sends. */
export const DEFAULT_INTERPOLATION: Interpolation = {
  variables: Object.fromEntries(FILTER_VARIABLES.map((v) => [v, '.*'])),
  stepSeconds: 15,
  scrapeSeconds: 15,
  rangeSeconds: 3600,
};

/** The expression as the Prometheus plugin sends it: built-ins first (like replacePromBuiltinVariables), then variables. */
export function interpolate(expr: string, how: Interpolation = DEFAULT_INTERPOLATION): string {
  // $__rate_interval = max($__interval + min step, 4 × min step), the Prometheus plugin's rule.
  const rateInterval = Math.max(how.stepSeconds + how.scrapeSeconds, 4 * how.scrapeSeconds);
  let text = replaceVariable(expr, '__rate_interval', `${rateInterval}s`);
  text = replaceVariable(text, '__interval', `${how.stepSeconds}s`);
  const state: Record<string, { value: string | string[]; loading: boolean }> = {
    __range: { value: `${how.rangeSeconds}s`, loading: false },
    __range_s: { value: String(how.rangeSeconds), loading: false },
    __range_ms: { value: String(how.rangeSeconds * 1000), loading: false },
  };
  for (const [name, value] of Object.entries(how.variables)) state[name] = { value, loading: false };
  return replaceVariables(text, state);
}

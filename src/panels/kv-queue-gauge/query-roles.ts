// Maps the panel's query results to roles (kv, running, …) by the position of each query in the panel.
// Framework-free: plain data in, plain data out.
import { KvQueueRole } from './kv-queue-gauge-model';

/** The part of a Perses time series this panel reads. */
export interface RoleSeries {
  labels?: Record<string, string>;
  values: ReadonlyArray<readonly [number, number | null]>;
}

/** One entry of PanelProps.queryResults, reduced to what role mapping needs. */
export interface QueryResultLike {
  definition?: unknown;
  data: { series: readonly RoleSeries[] };
}

export interface MissingRole {
  role: KvQueueRole;
  /** A sentence the user can act on. */
  reason: string;
}

export interface RoleAssignment {
  series: Partial<Record<KvQueueRole, readonly RoleSeries[]>>;
  /** Roles that give nothing to show (only the required ones and any assigned optional ones are reported). */
  missing: MissingRole[];
  /** Notes about queries the panel ignores. */
  notes: string[];
}

/** The roles without which the panel cannot tell the whole story. */
export const REQUIRED_ROLES: readonly KvQueueRole[] = ['kv', 'running', 'waiting'];

/**
 * Perses hands the panel only the queries that have data, and rebuilds each result's definition as
 * `{ kind, spec: { plugin } }`: so a result is matched to its panel query by the plugin part, compared
 * with keys sorted. Identical queries are matched in order.
 */
function pluginKey(definition: unknown): string | undefined {
  const plugin = (definition as { spec?: { plugin?: unknown } } | undefined)?.spec?.plugin;
  return plugin === undefined ? undefined : stableStringify(plugin);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** For each panel query index, the result that belongs to it (undefined = failed, loading or disabled). */
function resultsByQueryIndex(
  panelQueries: readonly unknown[] | undefined,
  results: readonly QueryResultLike[],
): { byIndex: Array<QueryResultLike | undefined>; queryCount: number; positional: boolean } {
  if (!panelQueries || panelQueries.length === 0) {
    // Outside a dashboard panel (e.g. a preview) there is no panel definition: fall back to positions.
    return { byIndex: [...results], queryCount: results.length, positional: true };
  }
  const byIndex: Array<QueryResultLike | undefined> = new Array(panelQueries.length).fill(undefined);
  const keys = panelQueries.map(pluginKey);
  for (const result of results) {
    const key = pluginKey(result.definition);
    const index = keys.findIndex((k, i) => k !== undefined && k === key && byIndex[i] === undefined);
    if (index >= 0) byIndex[index] = result;
  }
  return { byIndex, queryCount: panelQueries.length, positional: false };
}

export function assignQueryRoles(
  roles: readonly KvQueueRole[],
  panelQueries: readonly unknown[] | undefined,
  results: readonly QueryResultLike[],
): RoleAssignment {
  const { byIndex, queryCount, positional } = resultsByQueryIndex(panelQueries, results);
  const series: RoleAssignment['series'] = {};
  const missing: MissingRole[] = [];
  const notes: string[] = [];

  roles.forEach((role, index) => {
    const queryName = `query ${index + 1} (${role})`;
    if (index >= queryCount) {
      missing.push({
        role,
        reason: positional
          ? `no result for ${queryName}: add the query or check the panel header for its error`
          : `the role "${role}" is given to query ${index + 1}, but the panel has only ${queryCount} ${queryCount === 1 ? 'query' : 'queries'}`,
      });
      return;
    }
    const result = byIndex[index];
    if (!result) {
      missing.push({
        role,
        reason: `no result for ${queryName}: it failed or is still loading (see the panel header)`,
      });
      return;
    }
    if (result.data.series.length === 0) {
      missing.push({
        role,
        reason: `${queryName} returned no series: check the metric name and the $model_name filter`,
      });
      return;
    }
    series[role] = result.data.series;
  });

  for (const role of REQUIRED_ROLES) {
    if (!roles.includes(role)) {
      missing.push({ role, reason: `no query has the role "${role}": add one and list "${role}" in Query roles` });
    }
  }
  for (let index = roles.length; index < queryCount; index++) {
    notes.push(`query ${index + 1} has no role and is ignored: add its role to Query roles`);
  }
  return { series, missing, notes };
}

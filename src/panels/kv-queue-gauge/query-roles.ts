// Maps the panel's query results to roles (kv, running, …) by the position of each query in the panel.
// Framework-free: plain data in, plain data out.
import { SeriesLike } from '../../model/series';
import { KvQueueRole } from './kv-queue-gauge-spec';
import {
  noResult,
  noResultPositional,
  noSeries,
  queryWithoutRole,
  roleBeyondQueries,
  roleMissing,
} from './kv-queue-messages';

/** One entry of PanelProps.queryResults, reduced to what role mapping needs. */
export interface KvQueryResult {
  definition?: unknown;
  data: { series: readonly SeriesLike[] };
}

export interface MissingRole {
  role: KvQueueRole;
  /** A sentence the user can act on. */
  reason: string;
}

export interface RoleAssignment {
  series: Partial<Record<KvQueueRole, readonly SeriesLike[]>>;
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
  results: readonly KvQueryResult[],
): { byIndex: Array<KvQueryResult | undefined>; queryCount: number; positional: boolean } {
  if (!panelQueries || panelQueries.length === 0) {
    // Outside a dashboard panel (e.g. a preview) there is no panel definition: fall back to positions.
    return { byIndex: [...results], queryCount: results.length, positional: true };
  }
  const byIndex: Array<KvQueryResult | undefined> = new Array(panelQueries.length).fill(undefined);
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
  results: readonly KvQueryResult[],
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
        reason: positional ? noResultPositional(queryName) : roleBeyondQueries(role, index, queryCount),
      });
      return;
    }
    const result = byIndex[index];
    if (!result) {
      missing.push({ role, reason: noResult(queryName) });
      return;
    }
    if (result.data.series.length === 0) {
      missing.push({ role, reason: noSeries(queryName) });
      return;
    }
    series[role] = result.data.series;
  });

  for (const role of REQUIRED_ROLES) {
    if (!roles.includes(role)) {
      missing.push({ role, reason: roleMissing(role) });
    }
  }
  for (let index = roles.length; index < queryCount; index++) {
    notes.push(queryWithoutRole(index));
  }
  return { series, missing, notes };
}

// The few Perses REST calls the viewer makes. Same origin: serve-viewer.ts proxies /api, /plugins and /proxy
// to the Perses server, so the browser sees one site (as with the Perses app).
import { DashboardResource, DatasourceResource, DatasourceSelector, GlobalDatasourceResource } from '@perses-dev/core';
import { DatasourceApi } from '@perses-dev/dashboards';

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${res.statusText} ${await res.text()}`);
  return (await res.json()) as T;
}

// Every panel and variable resolves its datasource through these calls, so one page load asks for the same
// lists dozens of times: share one answer per path for a few seconds.
const recent = new Map<string, { at: number; answer: Promise<unknown> }>();
const SHARE_MS = 5_000;
function getJson<T>(path: string): Promise<T> {
  const hit = recent.get(path);
  if (hit && Date.now() - hit.at < SHARE_MS) return hit.answer as Promise<T>;
  const answer = fetchJson<T>(path);
  recent.set(path, { at: Date.now(), answer });
  answer.catch(() => recent.delete(path));
  return answer;
}

export const listDashboards = () => getJson<DashboardResource[]>('/api/v1/dashboards');

export const getDashboard = (project: string, name: string) =>
  getJson<DashboardResource>(`/api/v1/projects/${encodeURIComponent(project)}/dashboards/${encodeURIComponent(name)}`);

/** A selector names a datasource, or (without a name) asks for the default one of its plugin kind. */
function pick<T extends DatasourceResource | GlobalDatasourceResource>(
  all: T[],
  selector: DatasourceSelector,
): T | undefined {
  const ofKind = all.filter((ds) => ds.spec.plugin.kind === selector.kind);
  return selector.name ? ofKind.find((ds) => ds.metadata.name === selector.name) : ofKind.find((ds) => ds.spec.default);
}

const byKind = <T extends DatasourceResource | GlobalDatasourceResource>(all: T[], kind?: string) =>
  kind ? all.filter((ds) => ds.spec.plugin.kind === kind) : all;

export const datasourceApi: DatasourceApi = {
  // The Perses server's datasource proxy: the browser never talks to Prometheus directly.
  buildProxyUrl: ({ project, dashboard, name }) => {
    if (project && dashboard) return `/proxy/projects/${project}/dashboards/${dashboard}/datasources/${name}`;
    if (project) return `/proxy/projects/${project}/datasources/${name}`;
    return `/proxy/globaldatasources/${name}`;
  },
  getDatasource: async (project, selector) =>
    pick(await getJson<DatasourceResource[]>(`/api/v1/projects/${encodeURIComponent(project)}/datasources`), selector),
  getGlobalDatasource: async (selector) =>
    pick(await getJson<GlobalDatasourceResource[]>('/api/v1/globaldatasources'), selector),
  listDatasources: async (project, kind) =>
    byKind(await getJson<DatasourceResource[]>(`/api/v1/projects/${encodeURIComponent(project)}/datasources`), kind),
  listGlobalDatasources: async (kind) =>
    byKind(await getJson<GlobalDatasourceResource[]>('/api/v1/globaldatasources'), kind),
};
